import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadSplit } from "../dataset/loader.ts";
import { buildReport } from "./build-report.ts";
import { EpisodeDetail, PageData } from "./page-data.ts";
import { startViewServer, type ViewServer } from "./server.ts";
import { referenceInput } from "./testing/fixtures.ts";

let viewer: ViewServer;
beforeAll(async () => {
  const input = await referenceInput({
    agents: ["oracle", "eager"],
    conditions: ["async-round"],
    scenarios: loadSplit("examples").slice(0, 2),
  });
  viewer = await startViewServer(await buildReport(input), { port: 0 });
});
afterAll(() => viewer.close());

/** A raw request, so the Host header and method can be anything. */
function get(path: string, options: { host?: string; method?: string } = {}) {
  const url = new URL(path, viewer.url);
  return new Promise<{ status: number; headers: Record<string, unknown>; body: string }>(
    (resolve, reject) => {
      const outgoing = request(
        {
          hostname: url.hostname,
          port: url.port,
          path: url.pathname,
          method: options.method ?? "GET",
          headers: { host: options.host ?? url.host },
        },
        (response) => {
          let body = "";
          response.on("data", (chunk) => {
            body += chunk;
          });
          response.on("end", () =>
            resolve({ status: response.statusCode ?? 0, headers: response.headers, body }),
          );
        },
      );
      outgoing.on("error", reject);
      outgoing.end();
    },
  );
}

describe("asynctool view server", () => {
  it("listens on the loopback interface only", () => {
    expect(viewer.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  });

  it("serves the viewer page with timelines left to fetch, under a strict CSP", async () => {
    const page = await get("/");
    expect(page.status).toBe(200);
    expect(page.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(page.headers["content-security-policy"]).toMatch(/default-src 'none'; script-src 'sha256-/);
    expect(page.headers["x-content-type-options"]).toBe("nosniff");
    const json = page.body.slice(
      page.body.indexOf('id="report-data">') + 'id="report-data">'.length,
      page.body.indexOf("</script>"),
    );
    const data = PageData.parse(JSON.parse(json));
    expect(data.details).toBeNull();
    expect(data.episodes).toHaveLength(4);
  });

  it("serves each episode's timeline, and 404 past the last", async () => {
    for (const index of [0, 3]) {
      const episode = await get(`/episodes/${index}.json`);
      expect(episode.status).toBe(200);
      expect(EpisodeDetail.parse(JSON.parse(episode.body)).calls.length).toBeGreaterThan(0);
    }
    expect((await get("/episodes/4.json")).status).toBe(404);
    expect((await get("/episodes/x.json")).status).toBe(404);
  });

  it("serves the leaderboard as JSON", async () => {
    const summary = await get("/report.json");
    expect(JSON.parse(summary.body).leaderboard.map((row: { agent: string }) => row.agent)).toEqual([
      "oracle",
      "eager",
    ]);
  });

  it.each([
    [{ host: "evil.example:80" }, 403],
    [{ method: "POST" }, 405],
    [{ method: "DELETE" }, 405],
  ])("refuses %j with %d", async (options, status) => {
    expect((await get("/", options)).status).toBe(status);
  });
});

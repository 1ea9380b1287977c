import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LeaderboardRow } from "../../src/report/leaderboard.ts";
import { formatInterval } from "../../src/report/tables.ts";
import {
  hasChromium,
  launchChromium,
  MISSING_CHROMIUM,
  openReport,
  type PageLog,
  watchPage,
} from "../../src/report/testing/browser.ts";
import { exampleSlice, ROOT, runCli, startCli } from "./run-helpers.ts";

/**
 * The report of a demo run (`asynctool demo`, then `asynctool report --html`) opened in headless
 * Debian chromium from file://, and the same viewer served by `asynctool view`.
 */
const available = hasChromium();
if (!available) console.warn(MISSING_CHROMIUM);

const SCENARIOS = ["ex-math-fanin-chain", "ex-cross-three", "ex-trading-three"];
let dir: string;
let run: string;
let htmlFile: string;
let leaderboard: LeaderboardRow[];
let browser: Browser;

describe.skipIf(!available)("report in a browser", () => {
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "asynctool-report-e2e-"));
    run = join(dir, "run");
    const demo = await runCli(
      ["demo", "--split", exampleSlice(SCENARIOS, dir), "--out", run, "--no-progress"],
      {
        env: { OPENAI_API_KEY: "", OPENAI_COMPATIBLE_API_KEY: "" },
      },
    );
    expect(demo.code, demo.stderr).toBe(0);
    htmlFile = join(dir, "report.html");
    const report = await runCli([
      "report",
      run,
      "--html",
      htmlFile,
      "--md",
      join(dir, "r.md"),
      "--csv",
      join(dir, "r.csv"),
      "--json",
    ]);
    expect(report.code, report.stderr).toBe(0);
    leaderboard = (JSON.parse(report.stdout) as { leaderboard: LeaderboardRow[] }).leaderboard;
    browser = await launchChromium();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function openFile(hash = ""): Promise<{ page: Page; log: PageLog }> {
    const page = await browser.newPage({ viewport: { width: 1500, height: 1000 } });
    const log = watchPage(page);
    await openReport(page, `${pathToFileURL(htmlFile).href}${hash}`);
    return { page, log };
  }

  const rowTexts = (page: Page, selector: string) =>
    page.$$eval(selector, (rows) =>
      rows.map((row) => [...row.children].map((cell) => cell.textContent ?? "")),
    );

  it("shows one leaderboard row per model × condition, as the JSON says", async () => {
    const { page, log } = await openFile();
    expect(leaderboard).toHaveLength(12); // 2 reference agents + 4 scripted models, 2 conditions
    const rows = await rowTexts(page, "#table-leaderboard tbody tr");
    expect(rows.map((cells) => [cells[1], cells[2], cells[4]])).toEqual(
      leaderboard.map((row) => [row.agent, row.condition, formatInterval(row.overall)]),
    );
    // The Markdown and CSV files hold the same rows.
    const csv = readFileSync(join(dir, "r.csv"), "utf8").split("\r\n");
    expect(csv.filter((line) => line.startsWith("leaderboard,"))).toHaveLength(leaderboard.length);
    const markdown = readFileSync(join(dir, "r.md"), "utf8");
    for (const row of leaderboard) expect(markdown).toContain(`| ${row.agent} | ${row.condition} |`);
    const oracle = leaderboard.find((row) => row.agent === "openai-compatible:mock-oracle");
    expect(oracle?.overall.mean).toBe(1);
    expect(log.errors).toEqual([]);
    // Nothing was fetched but the file itself.
    expect(log.requests.filter((url) => !url.startsWith("file:"))).toEqual([]);
    await page.close();
  });

  it("renders the four charts as SVG with marks", async () => {
    const { page } = await openFile();
    const charts = await page.$$eval("figure.chart", (figures) =>
      figures.map((figure) => {
        const svg = figure.querySelector("svg");
        return {
          id: figure.getAttribute("data-chart"),
          width: svg?.getBoundingClientRect().width ?? 0,
          marks: svg?.querySelectorAll("path, rect, line").length ?? 0,
        };
      }),
    );
    expect(charts.map((chart) => chart.id)).toEqual(["sync-async", "overall-ae", "failures", "task-count"]);
    for (const chart of charts) {
      expect(chart.width).toBeGreaterThan(200);
      expect(chart.marks).toBeGreaterThan(5);
    }
    await page.close();
  });

  it("draws a timeline with bars on every task row, matching the transcript's calls", async () => {
    const { page } = await openFile();
    await page.selectOption("#filter-agent", "openai-compatible:mock-oracle");
    await page.selectOption("#filter-condition", "async-realistic");
    const rows = page.locator("#episode-rows tr");
    expect(await rows.count()).toBe(SCENARIOS.length);
    for (let index = 0; index < SCENARIOS.length; index++) {
      await rows.nth(index).click();
      const tasks = await page.$$eval(".task-list li b", (items) =>
        items.map((item) => item.textContent?.trim()),
      );
      expect(tasks.length).toBeGreaterThanOrEqual(2);
      const barsPerTask = await page.$$eval("svg.timeline g.task-row", (groups) =>
        groups.map((group) => [group.getAttribute("data-task"), group.querySelectorAll("rect.bar").length]),
      );
      expect(barsPerTask.map(([task]) => task)).toEqual(tasks);
      for (const [, bars] of barsPerTask) expect(bars).toBeGreaterThan(0);
      // Every domain call of the transcript is one bar; answers are diamonds, one per task.
      const domainCalls = await page.$$eval(
        ".tool-call",
        (lines) =>
          lines.filter((line) => !/^r\d+ (wait|submit_answer)\(/.test(line.textContent ?? "")).length,
      );
      expect(await page.locator("svg.timeline rect.bar").count()).toBe(domainCalls);
      expect(await page.locator("svg.timeline path.answer-correct").count()).toBe(tasks.length);
    }
    await page.close();
  });

  it("shows an episode's transcript when it is clicked, and finds a bar's call in it", async () => {
    const { page } = await openFile();
    await page.selectOption("#filter-agent", "openai-compatible:mock-eager");
    await page.selectOption("#filter-condition", "sync");
    const row = page.locator("#episode-rows tr", { hasText: "ex-cross-three" });
    await row.click();
    await expect.poll(() => page.locator("#episode-detail h3").textContent()).toContain("ex-cross-three");
    const heading = await page.locator("#episode-detail h3").textContent();
    expect(heading).toContain("mock-eager");
    const transcript = (await page.locator(".transcript").textContent()) ?? "";
    expect(transcript).toContain("You have 3 tasks");
    expect(transcript).toContain("submit_answer");
    expect(await page.locator(".message.role-assistant").count()).toBeGreaterThan(1);
    // The eager script acts on results it has not seen: flagged bars.
    expect(await page.locator("svg.timeline rect.flag-dependencyViolation").count()).toBeGreaterThan(0);
    const bar = page.locator("svg.timeline rect.bar").first();
    const requestId = await bar.getAttribute("data-request-id");
    await bar.click();
    expect(await page.locator(".tool-call.highlight .call-id").textContent()).toBe(`${requestId} `);
    // Filters: task neglect only ever comes from the forgetful script.
    await page.selectOption("#filter-agent", "");
    await page.selectOption("#filter-condition", "");
    await page.selectOption("#filter-failure", "taskNeglect");
    const agents = await page.$$eval("#episode-rows tr td:nth-child(2)", (cells) =>
      cells.map((cell) => cell.title),
    );
    expect(new Set(agents)).toEqual(new Set(["openai-compatible:mock-forgetful"]));
    expect(agents).toHaveLength(SCENARIOS.length * 2);
    await page.close();
  });

  it("saves a screenshot for review", async () => {
    const { page } = await openFile();
    await page.selectOption("#filter-agent", "openai-compatible:mock-eager");
    await page.selectOption("#filter-condition", "async-realistic");
    await page.locator("#episode-rows tr", { hasText: "ex-cross-three" }).click();
    const out = join(ROOT, "test-results");
    mkdirSync(out, { recursive: true });
    await page.screenshot({ path: join(out, "report.png"), fullPage: true });
    await page.locator("#episodes").screenshot({ path: join(out, "report-episode.png") });
    expect(readFileSync(join(out, "report.png")).length).toBeGreaterThan(10_000);
    await page.close();
  });

  it("is served by asynctool view, with filters from the address and timelines fetched per episode", async () => {
    const { child, done } = startCli(["view", run, "--port", "0"]);
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let seen = "";
        child.stdout?.on("data", (chunk: Buffer) => {
          seen += chunk.toString();
          const match = /at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(seen);
          if (match?.[1]) resolve(match[1]);
        });
        child.on("close", () => reject(new Error(`view exited: ${seen}`)));
      });
      const page = await browser.newPage({ viewport: { width: 1500, height: 1000 } });
      const log = watchPage(page);
      await openReport(page, `${url}?agent=openai-compatible%3Amock-forgetful&success=failure`);
      expect(await page.locator("#filter-agent").inputValue()).toBe("openai-compatible:mock-forgetful");
      expect(await page.locator("#episode-rows tr").count()).toBe(SCENARIOS.length * 2);
      await page.locator("#episode-rows tr").nth(1).click();
      await expect.poll(() => page.locator("#episode-detail h3").textContent()).toContain("mock-forgetful");
      expect(await page.locator(".transcript .message").count()).toBeGreaterThan(2);
      expect(
        log.requests.filter((request) => /\/episodes\/\d+\.json$/.test(request)).length,
      ).toBeGreaterThanOrEqual(2);
      expect(log.errors).toEqual([]);
      await page.close();
    } finally {
      child.kill("SIGTERM");
      await done;
    }
  });
});

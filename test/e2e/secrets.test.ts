import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseScenarioFile } from "../../src/dataset/loader.ts";
import { type MockServer, startMockServer } from "../../src/mock/index.ts";
import { exampleSlice, runCli } from "./run-helpers.ts";

/**
 * A run made with a fake API key: the key appears nowhere in the store, traces, cache, exports,
 * merged stores or logs. Every file the commands wrote is searched byte by byte. The mock server
 * echoes a wrong key in its 401 message, as some providers do, so the failing run is tested too.
 */
const SECRET = "sk-test-SECRET123";
const WRONG = "sk-test-WRONG456";
let dir: string;
let server: MockServer;
let split: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "asynctool-secrets-"));
  split = exampleSlice(["ex-math-fanin-chain", "ex-cross-three"], dir);
  server = await startMockServer({ scenarios: parseScenarioFile(split), apiKey: SECRET });
});

afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

function filesUnder(root: string): string[] {
  return readdirSync(root).flatMap((name) => {
    const path = join(root, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

describe("secrets", () => {
  it("never reach the store, traces, cache, exports or logs", async () => {
    const model = ["--model", "openai-compatible:mock-oracle", "--base-url", server.url, "--split", split];
    const log = (name: string, result: { stdout: string; stderr: string }) => {
      writeFileSync(join(dir, `${name}.stdout.log`), result.stdout);
      writeFileSync(join(dir, `${name}.stderr.log`), result.stderr);
    };
    const good = await runCli(
      [
        "run",
        ...model,
        "--out",
        join(dir, "store"),
        "--trace-out",
        join(dir, "traces"),
        "--cache",
        join(dir, "cache.sqlite"),
        "--json",
      ],
      { env: { OPENAI_COMPATIBLE_API_KEY: SECRET } },
    );
    log("good", good);
    expect(good.code).toBe(0);
    const refused = await runCli(["run", ...model, "--out", join(dir, "refused")], {
      env: { OPENAI_COMPATIBLE_API_KEY: WRONG },
    });
    log("refused", refused);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("HTTP 401");
    const exported = await runCli(["export", join(dir, "store"), "--out", join(dir, "export.jsonl")]);
    log("export", exported);
    const merged = await runCli(["merge", join(dir, "merged"), join(dir, "store"), join(dir, "refused")]);
    log("merge", merged);
    expect([exported.code, merged.code]).toEqual([0, 0]);

    // The searched files hold the run: a search over nothing would prove nothing.
    const files = filesUnder(dir);
    expect(files.length).toBeGreaterThan(8);
    expect(readFileSync(join(dir, "export.jsonl"), "utf8").trim().split("\n")).toHaveLength(2);
    const db = new Database(join(dir, "store", "store.sqlite"), { readonly: true });
    const config = (db.prepare("SELECT value FROM meta WHERE key = 'config'").get() as { value: string })
      .value;
    db.close();
    expect(config).toContain('"apiKeyEnv":"OPENAI_COMPATIBLE_API_KEY"');

    const leaks = files.filter((file) => {
      const bytes = readFileSync(file);
      return bytes.includes(SECRET) || bytes.includes(WRONG);
    });
    expect(leaks).toEqual([]);
  });
});

import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadSplit } from "../../src/dataset/loader.ts";
import { buildReport } from "../../src/report/build-report.ts";
import type { ReportInput } from "../../src/report/report-episode.ts";
import { startViewServer, type ViewServer } from "../../src/report/server.ts";
import {
  hasChromium,
  launchChromium,
  MISSING_CHROMIUM,
  openReport,
  watchPage,
} from "../../src/report/testing/browser.ts";
import { condition, episodeOf, HOSTILE, hostileAgent } from "../../src/report/testing/fixtures.ts";
import { writeReportFiles } from "../../src/report/write-report.ts";

/**
 * Model output is untrusted: an agent whose reply text, tool arguments, tool name, answer and
 * even name carry <script> and <img onerror=…> must see all of it shown as text, and nothing run.
 * A page that ran any of it would set window.__pwned; a blocked attempt would fire a CSP
 * violation, which must not happen either (escaping, not the CSP, is what stops it).
 */
/** The page's globals this test reads (the project compiles without the DOM library). */
interface PageScope {
  __pwned?: unknown;
  __violations: string[];
  document: {
    images: { length: number };
    scripts: { length: number };
    addEventListener(
      type: "securitypolicyviolation",
      listener: (event: { violatedDirective: string; sample: string }) => void,
    ): void;
  };
}

/** Rendered text (innerText, unlike textContent, leaves out what is not displayed). */
function visibleText(locator: Locator): Promise<string> {
  return locator.innerText();
}

const available = hasChromium();
if (!available) console.warn(MISSING_CHROMIUM);

let dir: string;
let htmlFile: string;
let input: ReportInput;
let browser: Browser;

describe.skipIf(!available)("hostile model output in the report", () => {
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "asynctool-report-xss-"));
    const scenario = loadSplit("examples").find((candidate) => candidate.tasks.length === 3);
    if (!scenario) throw new Error("no three-task example scenario");
    const episodes = [
      await episodeOf(scenario, "async-realistic", hostileAgent()),
      await episodeOf(scenario, "sync", hostileAgent()),
    ];
    input = {
      sources: ["xss"],
      episodes,
      scenarios: [scenario],
      conditions: [condition("async-realistic"), condition("sync")],
      warnings: [],
    };
    htmlFile = join(dir, "report.html");
    writeReportFiles(await buildReport(input), { html: htmlFile });
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("the fixture really carries the payloads through the trace", () => {
    const trace = JSON.stringify(input.episodes[0]?.trace);
    for (const payload of Object.values(HOSTILE))
      expect(trace).toContain(JSON.stringify(payload).slice(1, -1));
    expect(input.episodes[0]?.score?.success).toBe(false);
    expect(readFileSync(htmlFile, "utf8")).not.toContain("<img src=x");
  });

  async function checkPage(page: Page, pageLog: ReturnType<typeof watchPage>) {
    // Open the hostile episode's timeline and transcript, hover and click everything clickable.
    for (const index of [0, 1]) {
      await page.locator("#episode-rows tr").nth(index).click();
      for (const bar of await page.locator("svg.timeline rect.bar, svg.timeline path.answer").all()) {
        await bar.hover();
        await bar.click();
      }
      await page.locator(".message-fold summary").first().click();
      const transcript = await visibleText(page.locator(".transcript"));
      expect(transcript).toContain(HOSTILE.text);
      expect(transcript).toContain(HOSTILE.argument.replaceAll('"', '\\"'));
      expect(transcript).toContain(HOSTILE.tool);
      expect(transcript).toContain(HOSTILE.answer.replaceAll('"', '\\"'));
      const tooltips = await page.$$eval("svg.timeline title", (titles) =>
        titles.map((title) => title.textContent),
      );
      expect(tooltips.some((title) => title?.includes(HOSTILE.tool))).toBe(true);
      expect(tooltips.some((title) => title?.includes(HOSTILE.answer.replaceAll('"', '\\"')))).toBe(true);
    }
    expect(await visibleText(page.locator("#table-leaderboard"))).toContain(HOSTILE.agent);
    expect(await visibleText(page.locator("#episode-detail h3"))).toContain(HOSTILE.agent);
    const state = await page.evaluate(() => {
      const scope = globalThis as unknown as PageScope;
      return {
        pwned: scope.__pwned,
        violations: scope.__violations,
        images: scope.document.images.length,
        scripts: scope.document.scripts.length,
      };
    });
    expect(state).toEqual({ pwned: undefined, violations: [], images: 0, scripts: 2 });
    expect(pageLog.errors).toEqual([]);
  }

  async function newPage(): Promise<{ page: Page; log: ReturnType<typeof watchPage> }> {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const log = watchPage(page);
    // Runs before the page's own scripts, outside its CSP: records any blocked attempt.
    await page.addInitScript(() => {
      const scope = globalThis as unknown as PageScope;
      scope.__violations = [];
      scope.document.addEventListener("securitypolicyviolation", (event) =>
        scope.__violations.push(`${event.violatedDirective}: ${event.sample}`),
      );
    });
    return { page, log };
  }

  it("renders every payload as text in report.html and runs none of it", async () => {
    const { page, log } = await newPage();
    await openReport(page, pathToFileURL(htmlFile).href);
    await checkPage(page, log);
    expect(log.requests.filter((url) => !url.startsWith("file:"))).toEqual([]);
    await page.close();
  });

  it("does the same in the served viewer", async () => {
    let viewer: ViewServer | undefined;
    try {
      viewer = await startViewServer(await buildReport(input), { port: 0 });
      const { page, log } = await newPage();
      await openReport(page, viewer.url);
      await checkPage(page, log);
      await page.close();
    } finally {
      await viewer?.close();
    }
  });
});

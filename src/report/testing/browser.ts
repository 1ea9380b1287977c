import { existsSync } from "node:fs";
import { type Browser, chromium, type Page } from "playwright-core";

/**
 * Headless Debian chromium for the report's browser tests and benchmark (never a downloaded
 * browser). `.ci/run` installs it; without it the tests skip and say why.
 */
export const CHROMIUM_PATH = "/usr/bin/chromium";
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

export const MISSING_CHROMIUM = `${CHROMIUM_PATH} is missing: browser tests skipped (install it with apt-get install chromium)`;

export function hasChromium(): boolean {
  return existsSync(CHROMIUM_PATH);
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

/** What a page did besides rendering: console errors, uncaught errors, and every URL it asked for. */
export interface PageLog {
  errors: string[];
  requests: string[];
}

export function watchPage(page: Page): PageLog {
  const log: PageLog = { errors: [], requests: [] };
  page.on("console", (message) => {
    if (message.type() === "error") log.errors.push(message.text());
  });
  page.on("pageerror", (error) => log.errors.push(error.message));
  page.on("request", (request) => log.requests.push(request.url()));
  return log;
}

/** Open a report and wait until its script has drawn the list and the first timeline. */
export async function openReport(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.waitForSelector("body[data-ready=true]", { timeout: 20_000 });
}

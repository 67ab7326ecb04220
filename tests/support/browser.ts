import assert from "node:assert/strict";
import { join } from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { startStaticServer } from "../../src/publish/static-server.ts";
import { stopBeforeRemovingFolders, temporaryFolder } from "./archive.ts";
import { runCli } from "./cli.ts";

/** Debian's Chromium; browsers cannot be downloaded here. */
export const CHROMIUM = process.env["CHROMIUM_PATH"] ?? "/usr/bin/chromium";

let browser: Browser | undefined;
const closers: (() => Promise<void>)[] = [];
// Before the sites' folders are removed: a service worker may still be fetching files of one.
stopBeforeRemovingFolders(async () => {
  // The browser first: its open connections would keep the servers from closing.
  await browser?.close();
  for (const close of closers.reverse()) await close();
});

export async function launchBrowser(): Promise<Browser> {
  browser ??= await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"],
  });
  return browser;
}

const DESKTOP = { width: 1280, height: 800 };

/** A new browser context (its own storage and service workers) at a desktop size unless told. */
export async function newContext(viewport = DESKTOP): Promise<BrowserContext> {
  return (await launchBrowser()).newContext({ viewport });
}

/** Serves a built site on a free loopback port for the rest of the test file. */
export async function serveSite(root: string, basePath = "/"): Promise<string> {
  const { server, url } = await startStaticServer({ root, basePath, port: 0 });
  closers.push(
    () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  );
  return url;
}

/** A new page that records every request made to another host than the site's. */
export async function openPage(siteUrl: string, viewport = DESKTOP): Promise<{ page: Page; foreignRequests: string[] }> {
  const context = await newContext(viewport);
  const page = await context.newPage();
  const origin = new URL(siteUrl).origin;
  const foreignRequests: string[] = [];
  page.on("request", (request) => {
    if (!request.url().startsWith(origin) && !request.url().startsWith("data:")) foreignRequests.push(request.url());
  });
  closers.push(() => context.close().catch(() => undefined));
  return { page, foreignRequests };
}

/** Runs the build command with a fixed build day (2026-12-01), so the pages do not change with the day the tests run. */
export async function buildSite(args: readonly string[]): Promise<void> {
  const run = await runCli(args, { SOURCE_DATE_EPOCH: "1796083200" });
  assert.equal(run.code, 0, run.stderr);
}

/** Builds the sample archive and serves it; returns its URL. */
export async function serveSample(basePath = "/"): Promise<string> {
  const output = join(await temporaryFolder(), "site");
  await buildSite(["--output", output, ...(basePath === "/" ? [] : ["--base-path", basePath])]);
  return serveSite(output, basePath);
}

/** One page of each kind of the sample archive, by kind. */
export const SAMPLE_PAGES: Readonly<Record<string, string>> = {
  home: "",
  "home, page 2": "page/2/",
  archive: "archive/",
  year: "2021/",
  month: "2021/11/",
  day: "2022/03/15/",
  categories: "category/",
  category: "category/events/",
  tags: "tag/",
  tag: "tag/eco-labels/",
  author: "author/marta-ellison/",
  "author index": "author/",
  article: "2022/03/15/lcc-survey-results/",
  search: "search/?q=canteen",
  "not found": "no/such/page/",
};

/** A sample article the offline and portable tests open, and the sample's three articles found for "canteen". */
export const SAMPLE_ARTICLE = "2022/03/15/lcc-survey-results/";
export const CANTEEN_TITLES = [
  "Webinar series: sustainable food in public canteens",
  "School canteens survey: what 62 kitchens told us",
  "Less waste, better food: results from 48 school kitchens",
];

/** The theme's stylesheet moves the skip link out of sight: a sign it was applied. */
export function skipLinkPosition(page: Page): Promise<string> {
  return page.locator(".skip-link").evaluate((link) => getComputedStyle(link).position);
}

/** Waits until the service worker has installed (shell and index saved) and controls the page. */
export async function waitForServiceWorker(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

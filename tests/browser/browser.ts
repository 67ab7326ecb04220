import assert from "node:assert/strict";
import { join } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { startStaticServer } from "../../src/publish/static-server.ts";
import { stopBeforeRemovingFolders, temporaryFolder } from "../support/archive.ts";
import { runCli } from "../support/cli.ts";

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
export async function openPage(siteUrl: string, viewport = { width: 1280, height: 800 }): Promise<{ page: Page; foreignRequests: string[] }> {
  const context = await (await launchBrowser()).newContext({ viewport });
  const page = await context.newPage();
  const origin = new URL(siteUrl).origin;
  const foreignRequests: string[] = [];
  page.on("request", (request) => {
    if (!request.url().startsWith(origin) && !request.url().startsWith("data:")) foreignRequests.push(request.url());
  });
  closers.push(() => context.close().catch(() => undefined));
  return { page, foreignRequests };
}

/** Builds the sample archive with a fixed build day (2026-12-01) and serves it; returns its URL. */
export async function serveSample(basePath = "/"): Promise<string> {
  const output = join(await temporaryFolder(), "site");
  const run = await runCli(["--output", output, ...(basePath === "/" ? [] : ["--base-path", basePath])], { SOURCE_DATE_EPOCH: "1796083200" });
  assert.equal(run.code, 0, run.stderr);
  return serveSite(output, basePath);
}

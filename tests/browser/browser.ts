import { after } from "node:test";
import { chromium, type Browser, type Page } from "playwright-core";
import { startStaticServer } from "../../src/serve/static-server.ts";

/** Debian's Chromium; browsers cannot be downloaded here. */
export const CHROMIUM = process.env["CHROMIUM_PATH"] ?? "/usr/bin/chromium";

let browser: Browser | undefined;
const closers: (() => Promise<void>)[] = [];
after(async () => {
  for (const close of closers) await close();
  await browser?.close();
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
  closers.push(() => new Promise((resolve) => server.close(() => resolve())));
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
  closers.push(() => context.close());
  return { page, foreignRequests };
}

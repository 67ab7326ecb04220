// npm run bench:first-search -- DIR [--base-path /PREFIX/] [--query WORDS ...]
// Serves a built site (npm run build -- --output DIR) and, in headless
// Chromium, opens its search page with a query as a reader arriving for the
// first time would (empty cache, no service worker yet), then reports what
// the browser downloaded until the first result was shown: every response,
// and the part that is Pagefind's (code, WebAssembly, index, fragments).
import { parseArgs } from "node:util";
import { chromium, type Response } from "playwright-core";
import { startStaticServer } from "../src/publish/static-server.ts";
import { megabytes } from "../src/pipeline/report.ts";
import { SEARCH_BUNDLE_DIR } from "../src/search/search-index.ts";

const { values, positionals } = parseArgs({ options: { "base-path": { type: "string" }, query: { type: "string", multiple: true } }, allowPositionals: true, strict: true });
const siteDir = positionals[0];
if (siteDir === undefined) {
  console.error("usage: npm run bench:first-search -- DIR [--base-path /PREFIX/] [--query WORDS ...]");
  process.exit(2);
}
const basePath = values["base-path"] ?? "/";
const queries = values.query ?? ["procurement", "energy canteen", "tender"];

const { server, url } = await startStaticServer({ root: siteDir, basePath, port: 0 });
const browser = await chromium.launch({ executablePath: process.env["CHROMIUM_PATH"] ?? "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
try {
  console.log("| query | results | downloaded until the first result | of which Pagefind | files | largest file |");
  console.log("| --- | --- | --- | --- | --- | --- |");
  for (const query of queries) {
    // No service worker: it would download the offline shell in the background, which is not the search's cost.
    const context = await browser.newContext({ serviceWorkers: "block" });
    const page = await context.newPage();
    const responses: Promise<{ readonly url: string; readonly bytes: number }>[] = [];
    const record = (response: Response): void => {
      responses.push(response.body().then((body) => ({ url: response.url(), bytes: body.length }), () => ({ url: response.url(), bytes: 0 })));
    };
    page.on("response", record);
    await page.goto(`${url}search/?q=${encodeURIComponent(query)}`);
    await page.waitForFunction(() => document.querySelector("#search-results li") !== null || /^No articles/.test(document.querySelector("#search-status")?.textContent ?? ""), null, { timeout: 120_000 });
    page.off("response", record);
    const results = (await page.locator("#search-status").textContent()) ?? "";
    const files = await Promise.all(responses);
    const total = files.reduce((sum, file) => sum + file.bytes, 0);
    const pagefind = files.filter((file) => new URL(file.url).pathname.includes(`/${SEARCH_BUNDLE_DIR}/`)).reduce((sum, file) => sum + file.bytes, 0);
    const largest = files.reduce((big, file) => (file.bytes > big.bytes ? file : big), { url: "", bytes: 0 });
    console.log(`| ${query} | ${results} | ${megabytes(total)} | ${megabytes(pagefind)} | ${files.length} | ${new URL(largest.url).pathname.split("/").pop() ?? ""} (${megabytes(largest.bytes)}) |`);
    await context.close();
  }
} finally {
  await browser.close();
  server.close();
}

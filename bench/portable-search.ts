// npm run bench:portable -- DIR [--runs R] [--query WORDS ...]
// Opens the search page of a portable build (npm run build -- --portable
// --output DIR) from disk in headless Chromium, as a reader with a USB stick
// would, and reports for each query the time from opening the page to the
// first result shown and the bytes of index files it loaded (median of R runs,
// each in a fresh browser context), with the sizes of the site and its index.
import { stat } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { launchChromium } from "./chromium.ts";
import { openSearch } from "./first-search-downloads.ts";
import { median } from "./measure.ts";
import { folderSize } from "../src/core/files.ts";
import { megabytes } from "../src/pipeline/report.ts";
import { SEARCH_INDEX_DIR } from "../src/search/search-index.ts";

const { values, positionals } = parseArgs({
  options: { runs: { type: "string" }, query: { type: "string", multiple: true } },
  allowPositionals: true,
  strict: true,
});
const siteDir = positionals[0];
const runs = Number(values.runs ?? "5");
if (siteDir === undefined || !Number.isInteger(runs) || runs < 1) {
  console.error("usage: npm run bench:portable -- DIR [--runs R] [--query WORDS ...]");
  process.exit(2);
}
const queries = values.query ?? ["release", "security vulnerability", "npm"];

const site = folderSize(siteDir);
const index = folderSize(join(siteDir, SEARCH_INDEX_DIR));
console.log(`site: ${megabytes(site.bytes)} in ${site.files} files; search index: ${megabytes(index.bytes)} in ${index.files} files`);

const browser = await launchChromium();
try {
  console.log("| query | results | first result (median ms) | min | max | index loaded (median) |");
  console.log("| --- | --- | --- | --- | --- | --- |");
  for (const query of queries) {
    const times: number[] = [];
    const loaded: number[] = [];
    let results = "";
    for (let run = 0; run < runs; run += 1) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const indexFiles: string[] = [];
      page.on("request", (request) => {
        if (request.url().includes(`/${SEARCH_INDEX_DIR}/`)) indexFiles.push(fileURLToPath(request.url()));
      });
      // Timed inside the page, from the start of navigation to the first result in the list.
      times.push(await openSearch(page, `${pathToFileURL(join(siteDir, "search", "index.html")).href}?q=${encodeURIComponent(query)}`));
      results = (await page.locator("#search-status").textContent()) ?? "";
      let bytes = 0;
      for (const file of new Set(indexFiles)) bytes += (await stat(file)).size;
      loaded.push(bytes);
      await context.close();
    }
    console.log(
      `| ${query} | ${results} | ${median(times).toFixed(0)} | ${Math.min(...times).toFixed(0)} | ${Math.max(...times).toFixed(0)} | ${megabytes(median(loaded))} |`,
    );
  }
} finally {
  await browser.close();
}

// npm run bench:first-search -- DIR [--base-path /PREFIX/] [--query WORDS ...] [--runs N] [--waterfall] [--host-like]
// Serves a built site (npm run build -- --output DIR) and, in headless
// Chromium, opens its search page with a query as a reader arriving for the
// first time would (empty cache, no service worker yet), then reports what
// the browser downloaded until the first result was shown: every response,
// and the part that is the search index's (dictionary, postings, fragments, stemmer).
import { parseArgs } from "node:util";
import { firstSearchTable, measureFirstSearches, waterfallText } from "./first-search-downloads.ts";

const { values, positionals } = parseArgs({
  options: {
    "base-path": { type: "string" },
    query: { type: "string", multiple: true },
    runs: { type: "string" },
    waterfall: { type: "boolean" },
    "host-like": { type: "boolean" },
  },
  allowPositionals: true,
  strict: true,
});
const siteDir = positionals[0];
if (siteDir === undefined) {
  console.error("usage: npm run bench:first-search -- DIR [--base-path /PREFIX/] [--query WORDS ...] [--runs N] [--waterfall] [--host-like]");
  process.exit(2);
}
const measured = await measureFirstSearches(siteDir, values["base-path"] ?? "/", values.query ?? ["procurement", "energy canteen", "tender"], {
  runs: Number(values.runs ?? 3),
  waterfall: values.waterfall === true,
  hostLike: values["host-like"] === true,
});
console.log(firstSearchTable(measured));
if (values.waterfall === true) console.log(waterfallText(measured));

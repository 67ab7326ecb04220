// The copy of the search index's entry in the search page, from which the
// page's first script (browser/search-start.ts) names the files a query in
// its address reads first as soon as the page is parsed, rather than a round
// trip later, once the entry file has arrived. The entry changes with every
// build that changes the index, and the page is rendered before the index is
// made, so the copy is put into the written page afterwards.
import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { SEARCH_ENTRY_COPY_ID, SEARCH_ENTRY_FILE, SEARCH_FILE_EXTENSIONS } from "../core/search-files.browser.ts";
import { outputFileFor } from "../core/urls.ts";
import { SEARCH_INDEX_DIR } from "../search/search-index.ts";

/** The element the copy goes in, empty as rendered or holding an earlier build's copy (a page linked from the previous output). */
const COPY_ELEMENT = new RegExp(`(<script type="application/json" id="${SEARCH_ENTRY_COPY_ID}">)[^<]*(</script>)`);

/** JSON as a script element's text: a "<" (only ever inside a string) escaped, so that nothing in it can end the element. */
export function entryCopyText(json: string): string {
  return json.replaceAll("<", "\\u003c");
}

/**
 * Puts the entry the build wrote into the search page's copy. The page is
 * replaced by a new file, not written over: it may be a link to the previous
 * output's page, which must stay as it was. A page without the element (a
 * layout of the site's own) is left alone: its first script then waits for
 * the entry file; so is a site without a search page.
 */
export function copyEntryIntoSearchPage(outputDir: string): void {
  const page = join(outputDir, outputFileFor({ kind: "search" }));
  if (!existsSync(page)) return;
  const html = readFileSync(page, "utf8");
  if (!COPY_ELEMENT.test(html)) return;
  const json = gunzipSync(readFileSync(join(outputDir, SEARCH_INDEX_DIR, SEARCH_ENTRY_FILE + SEARCH_FILE_EXTENSIONS.fetched))).toString("utf8");
  const copied = html.replace(COPY_ELEMENT, (_whole, open: string, close: string) => `${open}${entryCopyText(json)}${close}`);
  if (copied === html) return;
  const written = `${page}.entry`;
  writeFileSync(written, copied);
  renameSync(written, page);
}

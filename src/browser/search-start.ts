// The search page's first script, inlined in its <head> before the
// stylesheet (render/theme.ts): when the page's address holds a query, it
// asks at once for every file the search will read first
// (search/first-files.browser.ts), named from the copy of the index's entry
// the page holds (publish/search-page-entry.ts), and for the entry itself,
// leaving them to the search script (index-source.ts), which arrives a round
// trip later and runs once the page has been laid out. The search script
// reads the entry file, not the copy, which is only the start's: a page
// served from a reader's saved copy may hold an older entry, whose files are
// then merely asked for in vain. Without a copy (a page whose layout lacks
// it) the files are named once the entry file is in. The
// stemmers of the archive's languages follow this code in the same inline
// script and hand themselves over as their own files do. A site whose
// Content-Security-Policy refuses inline scripts searches all the same,
// later.
import { SEARCH_ENTRY_COPY_ID, SEARCH_ENTRY_FILE, SEARCH_START_FILES, stemmerKey } from "../core/search-files.browser.ts";
import { firstFiles } from "../search/first-files.browser.ts";
import { parseEntry } from "../search/index-format.browser.ts";
import { readFingerprints } from "../search/term-files.browser.ts";
import { fetchedContent, fetchedFileUrl, receiveFromScripts, requestInAddress, stemmerFrom } from "./search-shared.ts";

const received = receiveFromScripts();
const asked = new Map<string, Promise<Uint8Array>>();
Reflect.set(window, SEARCH_START_FILES, asked);

const entryAddress = document.currentScript instanceof HTMLScriptElement ? document.currentScript.dataset["searchEntry"] : undefined;
// The stemmers' code runs after this, in the same script: the search starts once it has.
if (entryAddress !== undefined && location.protocol !== "file:")
  // A failure here is the search script's to report, when it asks again.
  queueMicrotask(() => start(new URL(".", new URL(entryAddress, location.href))).catch(() => undefined));

function ask(folder: URL, path: string): Promise<Uint8Array> {
  let content = asked.get(path);
  if (content === undefined) {
    content = fetch(fetchedFileUrl(folder, path)).then(fetchedContent);
    // Whoever takes it sees the failure; the search script asks again.
    content.catch(() => undefined);
    asked.set(path, content);
  }
  return content;
}

async function start(folder: URL): Promise<void> {
  const request = requestInAddress(location.search);
  if (request.query.trim() === "") return;
  const fetched = ask(folder, SEARCH_ENTRY_FILE);
  const copy = document.getElementById(SEARCH_ENTRY_COPY_ID)?.textContent ?? "";
  const entry = parseEntry(copy !== "" ? copy : new TextDecoder().decode(await fetched));
  const stemmers: ((word: string) => string)[] = [];
  for (const [language, script] of entry.stemmers) {
    const handed = received.get(stemmerKey(language));
    // A stemmer missing here is the search script's to load: it asks for the files it then knows.
    if (handed === undefined) return;
    stemmers.push(stemmerFrom(handed, script));
  }
  for (const file of firstFiles(entry, request, stemmers, readFingerprints(entry.pairSets))) void ask(folder, file);
}

// The search page's client: reads the query from the URL (/search/?q=carbon),
// searches and prints the results. On a hosted site it searches the Pagefind
// bundle; on a site opened from disk (file://), where Pagefind cannot load,
// the portable index. Both are found from this script's place, one folder
// below the site's root, so the site works under any path.
import type { OfflineStatus } from "../core/offline-types.ts";
import { pagefindEngine } from "./pagefind-engine.ts";
import { portableEngine } from "./portable-engine.ts";
import type { FoundArticle, SearchEngine, SearchOutcome, SearchRequest } from "./search-engine.ts";

const PAGE_SIZE = 10;

function element<T extends HTMLElement>(id: string, type: new () => T): T {
  const found = document.getElementById(id);
  if (!(found instanceof type)) throw new Error(`the search page lacks #${id}`);
  return found;
}

const script = document.currentScript;
if (!(script instanceof HTMLScriptElement)) throw new Error("the search script must be loaded by a <script> element");
const root = new URL("../", script.src);
const fromDisk = location.protocol === "file:";
const engine: SearchEngine = fromDisk ? portableEngine(root) : pagefindEngine(root);

const form = element("search-form", HTMLFormElement);
const input = element("search-query", HTMLInputElement);
const category = element("search-category", HTMLSelectElement);
const year = element("search-year", HTMLSelectElement);
const sort = element("search-sort", HTMLSelectElement);
const status = element("search-status", HTMLElement);
const list = element("search-results", HTMLOListElement);
const more = element("search-more", HTMLButtonElement);
const offline = element("search-offline", HTMLElement);

let outcome: SearchOutcome | undefined;
let shown = 0;
let generation = 0;

function readState(): SearchRequest {
  return {
    query: input.value.trim(),
    category: category.value,
    year: year.value,
    sort: sort.value === "newest" ? "newest" : "relevance",
  };
}

function writeUrl(state: SearchRequest): void {
  const params = new URLSearchParams();
  if (state.query !== "") params.set("q", state.query);
  if (state.category !== "") params.set("category", state.category);
  if (state.year !== "") params.set("year", state.year);
  if (state.sort !== "relevance") params.set("sort", state.sort);
  const search = params.toString();
  history.replaceState(null, "", search === "" ? location.pathname : `${location.pathname}?${search}`);
}

function restoreState(): void {
  const params = new URLSearchParams(location.search);
  input.value = params.get("q") ?? "";
  category.value = params.get("category") ?? "";
  year.value = params.get("year") ?? "";
  sort.value = params.get("sort") === "newest" ? "newest" : "relevance";
}

function describe(count: number, state: SearchRequest): string {
  const what = count === 0 ? "No articles" : count === 1 ? "1 article" : `${count} articles`;
  const filters = [state.category, state.year].filter((value) => value !== "").join(", ");
  return `${what} found for “${state.query}”${filters === "" ? "" : ` in ${filters}`}.`;
}

async function run(): Promise<void> {
  const state = readState();
  writeUrl(state);
  const mine = ++generation;
  list.replaceChildren();
  more.hidden = true;
  if (state.query === "") {
    status.textContent = "Type words to search the archive.";
    return;
  }
  status.textContent = "Searching…";
  let found: SearchOutcome;
  try {
    found = await engine.search(state);
  } catch (cause) {
    if (mine !== generation) return;
    status.textContent = fromDisk
      ? "The search index of this copy could not be loaded. Build the site with --portable to search it from a folder on disk."
      : "The search index could not be loaded. Check your connection and try again.";
    console.error(cause);
    return;
  }
  if (mine !== generation) return;
  outcome = found;
  shown = 0;
  status.textContent = describe(found.count, state);
  await showMore(mine);
}

async function showMore(mine: number): Promise<void> {
  if (outcome === undefined) return;
  const batch = await outcome.next(PAGE_SIZE);
  if (mine !== generation) return;
  for (const item of batch) list.append(renderResult(item));
  shown += batch.length;
  more.hidden = shown >= outcome.count;
}

function renderResult({ url, meta, excerpt }: FoundArticle): HTMLLIElement {
  const item = document.createElement("li");
  item.className = "search-result";
  const heading = document.createElement("h2");
  const link = document.createElement("a");
  link.href = url;
  link.textContent = meta["title"] ?? url;
  heading.append(link);
  const details = document.createElement("p");
  details.className = "article-item-meta";
  details.textContent = [meta["date"], meta["category"]].filter((part) => part !== undefined && part !== "").join(" · ");
  const text = document.createElement("p");
  text.className = "search-excerpt";
  // Both searches escape the page text and mark matches with <mark>; nothing else is allowed through.
  text.innerHTML = excerpt;
  for (const node of text.querySelectorAll("*")) if (node.tagName !== "MARK") node.replaceWith(document.createTextNode(node.textContent ?? ""));
  item.append(heading, details, text);
  return item;
}

let typingTimer: number | undefined;
input.addEventListener("input", () => {
  window.clearTimeout(typingTimer);
  typingTimer = window.setTimeout(() => void run(), 250);
});
for (const control of [category, year, sort]) control.addEventListener("change", () => void run());
form.addEventListener("submit", (event) => {
  event.preventDefault();
  void run();
});
more.addEventListener("click", () => void showMore(generation));

/** Tells the reader what the service worker has saved for searching offline, once one controls the page. */
async function describeOffline(): Promise<void> {
  const worker = navigator.serviceWorker?.controller;
  if (worker === null || worker === undefined) return;
  const channel = new MessageChannel();
  const reply = new Promise<OfflineStatus>((resolve) => channel.port1.addEventListener("message", (event: MessageEvent<OfflineStatus>) => resolve(event.data), { once: true }));
  channel.port1.start();
  worker.postMessage({ type: "offline-status" }, [channel.port2]);
  const answer = await reply;
  const megabytes = (bytes: number): string => `${(bytes / 1_000_000).toFixed(1)} MB`;
  offline.textContent = answer.wholeSearchIndex
    ? `Offline: this device keeps the whole search index (${megabytes(answer.searchIndexBytes)}) and the pages you open, so you can search the archive and read those pages without a connection.`
    : `Offline: the search index (${megabytes(answer.searchIndexBytes)}) is larger than the ${megabytes(answer.budgetBytes)} this site saves on a device, so offline a search looks only in the parts of the index your earlier searches loaded; the pages you open stay readable.`;
  offline.hidden = false;
}

if ("serviceWorker" in navigator && !fromDisk) {
  navigator.serviceWorker.addEventListener("controllerchange", () => void describeOffline());
  void describeOffline();
}

form.hidden = false;
document.documentElement.classList.add("search-ready");
restoreState();
void run();

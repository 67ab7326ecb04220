// The search page's client: reads the query from the URL (/search/?q=carbon),
// searches and prints the results. On a hosted site it searches the Pagefind
// bundle; on a site opened from disk (file://), where Pagefind cannot load,
// the portable index. Both are found from this script's place, one folder
// below the site's root, so the site works under any path.
import { pagefindEngine, type BundlePaths } from "./pagefind-engine.ts";
import { portableEngine } from "./portable-engine.ts";
import type { FoundArticle, SearchEngine, SearchOutcome, SearchProgress, SearchRequest } from "./search-engine.ts";

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
const engine: SearchEngine = fromDisk ? portableEngine(root) : pagefindEngine(root, bundlePaths(script));

/** Where the search bundles are, as the search page's script element says (search-page.njk). */
function bundlePaths(from: HTMLScriptElement): BundlePaths {
  const { searchBundle, searchPeriods } = from.dataset;
  if (searchBundle === undefined || searchPeriods === undefined) throw new Error("the search script's element lacks data-search-bundle or data-search-periods: copy them from the theme's search-page.njk");
  return { newestBundle: searchBundle, periods: searchPeriods };
}

const form = element("search-form", HTMLFormElement);
const input = element("search-query", HTMLInputElement);
const category = element("search-category", HTMLSelectElement);
const year = element("search-year", HTMLSelectElement);
const sort = element("search-sort", HTMLSelectElement);
const filters = element("search-filters", HTMLDetailsElement);
const chosenFilters = element("search-filters-chosen", HTMLElement);
const status = element("search-status", HTMLElement);
const list = element("search-results", HTMLOListElement);
const more = element("search-more", HTMLButtonElement);

let outcome: SearchOutcome | undefined;
let shown = 0;
let generation = 0;

/**
 * What the page keeps in its history entry besides the URL's query and
 * filters: how many results were shown ("Show more" included) and where the
 * reader had scrolled, so that Back from an article shows the same results
 * where the reader left them, even when the browser loads the page anew.
 */
interface KeptState {
  readonly shown: number;
  readonly scroll: number;
}

function keptState(): KeptState | undefined {
  const state: unknown = history.state;
  if (typeof state !== "object" || state === null) return undefined;
  const kept = { shown: Reflect.get(state, "shown"), scroll: Reflect.get(state, "scroll") };
  return typeof kept.shown === "number" && typeof kept.scroll === "number" ? { shown: kept.shown, scroll: kept.scroll } : undefined;
}

function keep(change: Partial<KeptState>): void {
  history.replaceState({ ...(keptState() ?? { shown: 0, scroll: 0 }), ...change }, "", location.href);
}

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
  const url = search === "" ? location.pathname : `${location.pathname}?${search}`;
  if (`${location.pathname}${location.search}` !== url) history.replaceState({ shown: 0, scroll: 0 }, "", url);
}

/** The filters in force, in the disclosure's summary, so that a closed disclosure still says what narrows the results. */
function describeFilters(state: SearchRequest): void {
  chosenFilters.textContent = [state.category, state.year, state.sort === "newest" ? "newest first" : ""].filter((part) => part !== "").join(", ");
}

function restoreState(): void {
  const params = new URLSearchParams(location.search);
  input.value = params.get("q") ?? "";
  category.value = params.get("category") ?? "";
  year.value = params.get("year") ?? "";
  sort.value = params.get("sort") === "newest" ? "newest" : "relevance";
}

/**
 * What was found. An index split by period (search/periods.ts) is searched
 * newest period first, so until every period was searched the line says
 * which were, and which is being searched while the reader waits.
 */
function describe(found: Pick<SearchOutcome, "count" | "complete" | "progress">, state: SearchRequest, searching?: SearchProgress): string {
  const { count } = found;
  const what = count === 0 ? "No articles" : count === 1 ? "1 article" : `${count} articles`;
  const filters = [state.category, state.year].filter((value) => value !== "").join(", ");
  const said = `${what} found for “${state.query}”${filters === "" ? "" : ` in ${filters}`}`;
  const progress = searching ?? found.progress;
  if (progress === undefined || (found.complete && searching === undefined)) return `${said}.`;
  const span = progress.periodsSearched === 0 ? "" : ` in ${progress.searchedSpan}`;
  if (searching?.searching !== undefined) return `${said}${span}; searching ${searching.searching}…`;
  return `${said}${span} (searched ${progress.periodsSearched} of ${progress.periods} periods; “Show more” searches older ones).`;
}

/** Searches for what the form says; `restoring` is what the history entry kept when the page is shown again. */
async function run(restoring?: KeptState): Promise<void> {
  const state = readState();
  writeUrl(state);
  describeFilters(state);
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
    found = await engine.search(state, (progress) => {
      if (mine === generation && outcome !== undefined) status.textContent = describe(outcome, state, progress);
    });
  } catch (cause) {
    if (mine === generation) sayNotLoaded(cause);
    return;
  }
  if (mine !== generation) return;
  outcome = found;
  shown = 0;
  await showMore(mine, Math.max(PAGE_SIZE, restoring?.shown ?? 0), state);
  // Back from an article, as many as were shown, older periods included: a call gives at most the rest of one period's results.
  while (restoring !== undefined && mine === generation && shown < restoring.shown && !more.hidden) {
    if (!(await showMore(mine, restoring.shown - shown, state))) break;
  }
  if (restoring !== undefined && mine === generation) window.scrollTo(0, restoring.scroll);
}

/** Shows the next results; whether any were shown. */
async function showMore(mine: number, count: number, state: SearchRequest): Promise<boolean> {
  if (outcome === undefined) return false;
  status.textContent = describe(outcome, state);
  let batch: FoundArticle[];
  try {
    // An older period's bundle may be loaded now.
    batch = await outcome.next(count);
  } catch (cause) {
    if (mine === generation) sayNotLoaded(cause);
    return false;
  }
  if (mine !== generation) return false;
  for (const item of batch) {
    const rendered = renderResult(item);
    list.append(rendered);
    if (!navigator.onLine && !fromDisk) void sayIfNotSaved(rendered, item.url);
  }
  shown += batch.length;
  status.textContent = describe(outcome, state);
  more.hidden = shown >= outcome.count && outcome.complete;
  keep({ shown });
  return batch.length > 0;
}

function sayNotLoaded(cause: unknown): void {
  status.textContent = fromDisk
    ? "The search index of this copy could not be loaded. Build the site with --portable to search it from a folder on disk."
    : "The search index could not be loaded. Check your connection and try again.";
  console.error(cause);
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

/** Offline, a result whose page this device has not saved says so before the reader opens it. */
async function sayIfNotSaved(item: HTMLLIElement, url: string): Promise<void> {
  if ((await caches.match(new URL(url, location.href).href, { ignoreSearch: true })) !== undefined) return;
  const note = document.createElement("p");
  note.className = "search-result-unsaved";
  note.textContent = "Not saved on this device: this page opens once you are online again.";
  item.querySelector("h2")?.after(note);
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
more.addEventListener("click", () => void showMore(generation, PAGE_SIZE, readState()));
// The page scrolls itself back once its results are shown again; where the reader was is kept on leaving.
history.scrollRestoration = "manual";
window.addEventListener("pagehide", () => keep({ scroll: window.scrollY }));
list.addEventListener("click", (event) => {
  if (event.target instanceof Element && event.target.closest("a") !== null) keep({ scroll: window.scrollY });
});

form.hidden = false;
// On a narrow screen the filters wait in their disclosure, so that the first results show without scrolling.
filters.open = window.matchMedia("(min-width: 40rem)").matches;
document.documentElement.classList.add("search-ready");
restoreState();
void run(keptState());

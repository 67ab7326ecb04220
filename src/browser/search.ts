// The search page's client: reads the query from the URL (/search/?q=carbon),
// searches the archive's index (search/searcher.browser.ts: one ranking over the
// whole archive) and prints the results, how many were found of each filter
// value, and a suggestion when a word is not in the archive. The index's
// folder is found from this script's place, one folder below the site's root,
// so the site works under any path, hosted or opened from disk.
import { IndexPartUnavailable, IndexReader } from "../search/index-reader.browser.ts";
import { search, type SearchOutcome, type SearchRequest } from "../search/searcher.browser.ts";
import type { FoundArticle, UnshownArticle } from "../search/shown.browser.ts";
import { indexSource } from "./index-source.ts";
import { requestInAddress } from "./search-shared.ts";

const PAGE_SIZE = 10;
/** The URL parameter that carries the searched words to an article, which highlight.ts marks. */
const HIGHLIGHT_PARAM = "highlight";

function element<T extends HTMLElement>(id: string, type: new () => T): T {
  const found = document.getElementById(id);
  if (!(found instanceof type)) throw new Error(`the search page lacks #${id}`);
  return found;
}

const script = document.currentScript;
if (!(script instanceof HTMLScriptElement)) throw new Error("the search script must be loaded by a <script> element");
const root = new URL("../", script.src);
const indexFolder = script.dataset["searchIndex"];
if (indexFolder === undefined) throw new Error("the search script's element lacks data-search-index: copy it from the theme's search-page.njk");
const reader = new IndexReader(indexSource(root, new URL(indexFolder, root)));
const fromDisk = location.protocol === "file:";

const form = element("search-form", HTMLFormElement);
const input = element("search-query", HTMLInputElement);
const category = element("search-category", HTMLSelectElement);
const year = element("search-year", HTMLSelectElement);
const sort = element("search-sort", HTMLSelectElement);
const filters = element("search-filters", HTMLDetailsElement);
const chosenFilters = element("search-filters-chosen", HTMLElement);
const status = element("search-status", HTMLElement);
const suggestion = element("search-suggestion", HTMLElement);
const list = element("search-results", HTMLOListElement);
const more = element("search-more", HTMLButtonElement);

let outcome: SearchOutcome | undefined;
let shown = 0;
let generation = 0;
/** Said after the count when the next results could not be loaded. */
let trouble = "";

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
  return { query: input.value.trim(), category: category.value, year: year.value, sort: sort.value === "newest" ? "newest" : "relevance" };
}

function urlOf(state: SearchRequest): string {
  const params = new URLSearchParams();
  if (state.query !== "") params.set("q", state.query);
  if (state.category !== "") params.set("category", state.category);
  if (state.year !== "") params.set("year", state.year);
  if (state.sort !== "relevance") params.set("sort", state.sort);
  const search = params.toString();
  return search === "" ? location.pathname : `${location.pathname}?${search}`;
}

function writeUrl(state: SearchRequest): void {
  const url = urlOf(state);
  if (`${location.pathname}${location.search}` !== url) history.replaceState({ shown: 0, scroll: 0 }, "", url);
}

/** The filters in force, in the disclosure's summary, so that a closed disclosure still says what narrows the results. */
function describeFilters(state: SearchRequest): void {
  chosenFilters.textContent = [state.category, state.year, state.sort === "newest" ? "newest first" : ""].filter((part) => part !== "").join(", ");
}

function restoreState(): void {
  const request = requestInAddress(location.search);
  input.value = request.query;
  category.value = request.category;
  year.value = request.year;
  sort.value = request.sort;
}

/** How many were found and are shown, within which filters, and what of the query was passed over. */
function describe(found: SearchOutcome, state: SearchRequest): string {
  const { count } = found;
  const articles = count === 1 ? "article" : "articles";
  const within = [state.category, state.year].filter((value) => value !== "").join(", ");
  const what = count === 0 ? "No articles found" : shown >= count ? `${count} ${articles} found` : `Showing ${shown} of ${count} ${articles} found`;
  const date = found.query.date === undefined ? "" : `, dated ${found.query.date.written}`;
  // A word no article holds is passed over, the others searched: said when there were others.
  const passedOver = found.missing.length > 0 && found.missing.length < found.query.words.length;
  const missing = passedOver ? ` No article holds ${found.missing.map((word) => `“${word}”`).join(" or ")}, so the other words were searched.` : "";
  return `${what} for “${state.query}”${within === "" ? "" : ` in ${within}`}${date}.${missing}${trouble}`;
}

/** Searches for what the form says; `restoring` is what the history entry kept when the page is shown again. */
async function run(restoring?: KeptState): Promise<void> {
  const state = readState();
  writeUrl(state);
  describeFilters(state);
  const mine = ++generation;
  list.replaceChildren();
  more.hidden = true;
  suggestion.hidden = true;
  trouble = "";
  outcome = undefined;
  if (state.query === "") {
    status.textContent = "Type words to search the archive.";
    showCounts(undefined);
    return;
  }
  status.textContent = "Searching…";
  let found: SearchOutcome;
  try {
    found = await search(reader, state);
  } catch (cause) {
    if (mine === generation) sayNotSearched(cause);
    return;
  }
  if (mine !== generation) return;
  outcome = found;
  shown = 0;
  await showMore(mine, Math.max(PAGE_SIZE, restoring?.shown ?? 0), false);
  if (mine !== generation) return;
  if (restoring !== undefined) window.scrollTo(0, restoring.scroll);
  found.facets().then(
    (facets) => mine === generation && showCounts(facets),
    () => undefined,
  );
  found.suggestion().then(
    (suggested) => mine === generation && suggested !== undefined && showSuggestion(suggested, state),
    () => undefined,
  );
}

/** Shows the next results; when asked by the reader, moves the focus to the first of them. */
async function showMore(mine: number, count: number, focus: boolean): Promise<void> {
  const found = outcome;
  if (found === undefined) return;
  let batch: (FoundArticle | UnshownArticle)[];
  try {
    batch = await found.next(count);
  } catch (cause) {
    if (mine !== generation) return;
    trouble =
      cause instanceof IndexPartUnavailable
        ? " The next results need parts of the search index this device has not saved: connect to see them."
        : " The next results could not be loaded.";
    status.textContent = describe(found, readState());
    console.error(cause);
    return;
  }
  if (mine !== generation) return;
  const words = readState()
    .query.split(/\s+/)
    .filter((word) => word !== "");
  // In order, each as soon as its excerpt is in (its text arrives after its fragment): the first shows without
  // waiting for the others, and a result shown never moves, as nothing is ever put above it.
  for (const [at, result] of batch.entries()) {
    const item = "url" in result ? renderResult(result, words, await result.excerpt()) : renderUnshown(result);
    if (mine !== generation) return;
    list.append(item);
    if (focus && at === 0) item.querySelector<HTMLElement>("a, [tabindex]")?.focus();
  }
  shown += batch.length;
  status.textContent = describe(found, readState());
  more.hidden = shown >= found.count;
  keep({ shown });
}

/** A search that could not be made: offline, the part of the index its words need is not saved; never "no results". */
function sayNotSearched(cause: unknown): void {
  status.textContent =
    cause instanceof IndexPartUnavailable
      ? navigator.onLine || fromDisk
        ? "The search index could not be loaded. Check your connection and try again."
        : "You are offline, and this device has not saved the part of the search index these words need, so they were not searched. Words searched before on this device can be searched offline; connect to search these."
      : fromDisk
        ? "The search index of this copy could not be loaded. Build the site with --portable to search it from a folder on disk."
        : "The search index could not be loaded. Check your connection and try again.";
  console.error(cause);
}

function renderResult({ url, title, date, category: name }: FoundArticle, words: readonly string[], excerpt: string): HTMLLIElement {
  const item = document.createElement("li");
  item.className = "search-result";
  const heading = document.createElement("h2");
  const link = document.createElement("a");
  const target = new URL(url, root);
  for (const word of words) target.searchParams.append(HIGHLIGHT_PARAM, word);
  // From the site's root, as the site's own links are.
  link.setAttribute("href", `${target.pathname}${target.search}`);
  link.textContent = title;
  heading.append(link);
  const details = document.createElement("p");
  details.className = "article-item-meta";
  details.textContent = [date, name].filter((part) => part !== "").join(" · ");
  const text = document.createElement("p");
  text.className = "search-excerpt";
  // The excerpt is escaped text with matches in <mark>; nothing else is allowed through.
  text.innerHTML = excerpt;
  for (const node of text.querySelectorAll("*")) if (node.tagName !== "MARK") node.replaceWith(document.createTextNode(node.textContent ?? ""));
  item.append(heading, details, text);
  if (!navigator.onLine && !fromDisk) void sayIfNotSaved(item, target.href);
  return item;
}

/** A result whose text this device has not saved: offline, the index still knows it is there, and its year. */
function renderUnshown({ year: when }: UnshownArticle): HTMLLIElement {
  const item = document.createElement("li");
  item.className = "search-result search-result-unshown";
  const note = document.createElement("p");
  note.tabIndex = -1;
  note.textContent = `An article of ${when} that this device has not saved: it shows once you are online.`;
  item.append(note);
  return item;
}

/** Offline, a result whose page this device has not saved says so before the reader opens it. */
async function sayIfNotSaved(item: HTMLLIElement, url: string): Promise<void> {
  if ((await caches.match(url, { ignoreSearch: true })) !== undefined) return;
  const note = document.createElement("p");
  note.className = "search-result-unsaved";
  note.textContent = "Not saved on this device: this page opens once you are online again.";
  item.querySelector("h2")?.after(note);
}

/** "Did you mean …?", a link to the suggested search. */
function showSuggestion(suggested: string, state: SearchRequest): void {
  const link = document.createElement("a");
  link.href = urlOf({ ...state, query: suggested });
  link.textContent = suggested;
  link.addEventListener("click", (event) => {
    event.preventDefault();
    input.value = suggested;
    void run();
  });
  suggestion.replaceChildren("Did you mean ", link, "?");
  suggestion.hidden = false;
}

/** How many results each filter value would leave, after its name; the names alone without a search. */
function showCounts(facets: Awaited<ReturnType<SearchOutcome["facets"]>> | undefined): void {
  const counted = (select: HTMLSelectElement, counts: ReadonlyMap<string, number> | undefined): void => {
    for (const option of select.options) {
      if (option.value === "") continue;
      const count = counts?.get(option.value);
      option.textContent = count === undefined ? option.value : `${option.value} (${count})`;
    }
  };
  counted(category, facets === undefined ? undefined : new Map(facets.categories.map(([name, count]) => [name, count])));
  counted(year, facets === undefined ? undefined : new Map(facets.years.map(([value, count]) => [String(value), count])));
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
/** The batches "Show more" asked for, one after the other: a second click's results go after the first's. */
let showingMore: Promise<void> = Promise.resolve();
more.addEventListener("click", () => {
  const mine = generation;
  showingMore = showingMore.then(() => showMore(mine, PAGE_SIZE, true));
});
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

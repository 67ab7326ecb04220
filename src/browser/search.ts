// The search page's client: reads the query from the URL (/search/?q=carbon),
// searches the Pagefind bundle beside the site and prints the results. It loads
// the bundle relative to this script, so it works under any base path.
import { HIGHLIGHT_PARAM, type PagefindModule, type PagefindResult } from "./pagefind-api.ts";

const PAGE_SIZE = 10;

interface SearchState {
  readonly query: string;
  readonly category: string;
  readonly year: string;
  readonly sort: "relevance" | "newest";
}

function element<T extends HTMLElement>(id: string, type: new () => T): T {
  const found = document.getElementById(id);
  if (!(found instanceof type)) throw new Error(`the search page lacks #${id}`);
  return found;
}

const form = element("search-form", HTMLFormElement);
const input = element("search-query", HTMLInputElement);
const category = element("search-category", HTMLSelectElement);
const year = element("search-year", HTMLSelectElement);
const sort = element("search-sort", HTMLSelectElement);
const status = element("search-status", HTMLElement);
const list = element("search-results", HTMLOListElement);
const more = element("search-more", HTMLButtonElement);

let pagefind: PagefindModule | undefined;
let pending: PagefindResult[] = [];
let generation = 0;

function readState(): SearchState {
  return {
    query: input.value.trim(),
    category: category.value,
    year: year.value,
    sort: sort.value === "newest" ? "newest" : "relevance",
  };
}

function writeUrl(state: SearchState): void {
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

async function loadPagefind(): Promise<PagefindModule> {
  if (pagefind !== undefined) return pagefind;
  const module = (await import(new URL("../pagefind/pagefind.js", import.meta.url).href)) as PagefindModule;
  // The indexed URLs already carry the site's base path; Pagefind must not add it again.
  await module.options({ baseUrl: "/", highlightParam: HIGHLIGHT_PARAM, excerptLength: 30 });
  await module.init();
  pagefind = module;
  return module;
}

function describe(count: number, state: SearchState): string {
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
  const module = await loadPagefind();
  const filters: Record<string, string> = {};
  if (state.category !== "") filters["category"] = state.category;
  if (state.year !== "") filters["year"] = state.year;
  const search = await module.search(state.query, { filters, ...(state.sort === "newest" ? { sort: { date: "desc" } } : {}) });
  if (mine !== generation || search === null) return;
  pending = [...search.results];
  status.textContent = describe(search.results.length, state);
  await showMore(mine);
}

async function showMore(mine: number): Promise<void> {
  const batch = pending.splice(0, PAGE_SIZE);
  const data = await Promise.all(batch.map((result) => result.data()));
  if (mine !== generation) return;
  for (const item of data) list.append(renderResult(item.url, item.meta, item.excerpt));
  more.hidden = pending.length === 0;
}

function renderResult(url: string, meta: Readonly<Record<string, string | undefined>>, excerpt: string): HTMLLIElement {
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
  // Pagefind escapes the page text and marks matches with <mark>; nothing else is allowed through.
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

form.hidden = false;
document.documentElement.classList.add("search-ready");
restoreState();
void run();

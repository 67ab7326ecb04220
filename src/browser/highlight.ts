// On an article reached from the search page (?highlight=words), marks the
// words with Pagefind's highlighter; otherwise it loads nothing more. Pagefind
// lives one folder above this script's. A page opened from disk cannot load
// modules, so there the words stay unmarked.
import { HIGHLIGHT_PARAM } from "./pagefind-api.ts";

const script = document.currentScript;

if (new URLSearchParams(location.search).has(HIGHLIGHT_PARAM) && script instanceof HTMLScriptElement && location.protocol !== "file:") {
  import(new URL("../pagefind/pagefind-highlight.js", script.src).href)
    .then((highlighter: { default: new (options: { highlightParam: string }) => unknown }) => new highlighter.default({ highlightParam: HIGHLIGHT_PARAM }))
    .catch((cause: unknown) => console.warn("The searched words could not be highlighted:", cause));
}

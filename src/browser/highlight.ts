// On an article reached from the search page (?highlight=words), marks the
// words with Pagefind's highlighter; otherwise it loads nothing more.
import { HIGHLIGHT_PARAM } from "./pagefind-api.ts";

if (new URLSearchParams(location.search).has(HIGHLIGHT_PARAM)) {
  const highlighter = (await import(new URL("../pagefind/pagefind-highlight.js", import.meta.url).href)) as {
    default: new (options: { highlightParam: string }) => unknown;
  };
  new highlighter.default({ highlightParam: HIGHLIGHT_PARAM });
}

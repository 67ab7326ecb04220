// On the home page and the 404 page: a visitor who came by an old address
// with a query ("/?p=12", WordPress's plain permalinks), which a static host
// answers with one of these pages, is sent on to the article the map names.
import { queryRedirectKeys } from "../core/query-redirects.browser.ts";

const script = document.currentScript;
const mapHref = script instanceof HTMLScriptElement ? script.dataset["map"] : undefined;
const keys = queryRedirectKeys(location.pathname, location.search);

if (mapHref !== undefined && keys.length > 0 && location.protocol !== "file:") {
  fetch(mapHref)
    .then((response) => (response.ok ? (response.json() as Promise<Record<string, unknown>>) : {}))
    .then((map: Record<string, unknown>) => {
      const target = keys.map((key) => map[key]).find((value): value is string => typeof value === "string");
      if (target !== undefined) location.replace(`${target}${location.hash}`);
    })
    .catch((cause: unknown) => console.warn("The old address could not be looked up:", cause));
}

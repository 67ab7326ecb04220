import { schemeOf } from "../core/html-urls.ts";
import type { HtmlElement } from "./dom.ts";

/**
 * Content imported from another site (a feed, a WordPress export) is
 * untrusted: the archive publishes its bodies as they are written, so what
 * would run in a reader's browser is removed at import, whatever the
 * "sanitize" setting. Removed: script elements, and the elements that take
 * over a page from inside it (`<base>` moves every link, `<meta>` redirects
 * it, `<link>` brings in a style sheet or more); event-handler attributes
 * (onload, onerror...) and `srcdoc` (a page of its own); and every
 * attribute whose value is a javascript:, vbscript: or HTML data: address,
 * in a link, a frame or an SVG animation alike.
 */
const ACTIVE_ELEMENTS = "script, base, meta, link";
/** A data: address holding a document that runs script. */
const RUNNABLE_DATA = /^data:(?:text\/html|application\/xhtml\+xml|image\/svg\+xml)/i;

/** Removes what would run from a parsed body, in place; returns how many of each kind were removed, for the report. */
export function removeActiveContent(body: HtmlElement): ReadonlyMap<string, number> {
  const removed = new Map<string, number>();
  const count = (what: string): void => void removed.set(what, (removed.get(what) ?? 0) + 1);
  for (const element of body.querySelectorAll(ACTIVE_ELEMENTS)) {
    count(element.nodeName.toLowerCase());
    element.remove();
  }
  for (const element of body.querySelectorAll("*")) {
    for (const name of element.getAttributeNames()) {
      const value = element.getAttribute(name) ?? "";
      const what = /^on/i.test(name) ? "event handler" : name.toLowerCase() === "srcdoc" ? "srcdoc" : runnableScheme(value);
      if (what === undefined) continue;
      count(what);
      element.removeAttribute(name);
    }
  }
  return removed;
}

/** "javascript: URL" for an address that would run script when followed or loaded, else undefined. */
function runnableScheme(value: string): string | undefined {
  const scheme = schemeOf(value);
  const runs = scheme === "javascript" || scheme === "vbscript" || (scheme === "data" && RUNNABLE_DATA.test(value.replace(/[\u0000-\u0020\u007f]/g, "")));
  return runs ? `${scheme}: URL` : undefined;
}

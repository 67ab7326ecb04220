import { parseHTML } from "linkedom";

type HtmlDocument = ReturnType<typeof parseHTML>["document"];
export type HtmlElement = HtmlDocument["body"];

/** Parses an HTML fragment (a post's body) into a document whose body holds it. */
export function parseFragment(html: string): HtmlDocument {
  return parseHTML(`<!doctype html><html><head></head><body>${html}</body></html>`).document;
}

/**
 * The text of an HTML fragment on one line: tags dropped, entities decoded.
 * WordPress stores titles and excerpts escaped ("Media &amp; Text").
 */
export function htmlToText(html: string): string {
  if (!/[<&]/.test(html)) return html.replace(/\s+/g, " ").trim();
  return (parseFragment(html).body.textContent ?? "").replace(/\s+/g, " ").trim();
}

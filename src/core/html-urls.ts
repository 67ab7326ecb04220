import { QuoteType, Tokenizer, type TokenizerCallbacks } from "htmlparser2";

/** Attributes holding one URL; `srcset` holds a list of them. */
const URL_ATTRIBUTES = new Set(["href", "src", "poster", "action"]);

/**
 * Runs htmlparser2's tokenizer over HTML with the callbacks given, the others
 * doing nothing: it finds tags and attributes by their places in the text,
 * leaving alone text that looks like markup, comments, and the contents of
 * `<script>`, `<style>`, `<textarea>` and `<title>`.
 */
export function tokenizeHtml(html: string, callbacks: Partial<TokenizerCallbacks>): void {
  const ignore = (): void => undefined;
  const tokenizer = new Tokenizer(
    { decodeEntities: true },
    {
      onattribdata: ignore,
      onattribentity: ignore,
      onattribend: ignore,
      onattribname: ignore,
      oncdata: ignore,
      onclosetag: ignore,
      oncomment: ignore,
      ondeclaration: ignore,
      onend: ignore,
      onopentagend: ignore,
      onopentagname: ignore,
      onprocessinginstruction: ignore,
      onselfclosingtag: ignore,
      ontext: ignore,
      ontextentity: ignore,
      ...callbacks,
    },
  );
  tokenizer.write(html);
  tokenizer.end();
}

/** A change to a text: what lies from `start` to `end` replaced by `text` (an insertion when they are equal). */
export interface TextEdit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** A text with its edits made; the edits are given in order and do not overlap. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  if (edits.length === 0) return text;
  let result = "";
  let copied = 0;
  for (const edit of edits) {
    result += text.slice(copied, edit.start) + edit.text;
    copied = edit.end;
  }
  return result + text.slice(copied);
}

/**
 * Rewrites the URLs of links, forms and embedded files in HTML (href, src,
 * poster, action and each candidate of srcset), in the attributes of
 * elements only: htmlparser2's tokenizer finds them, so text that looks like
 * markup (`&lt;a href="/x"&gt;` in a code sample), comments, and the
 * contents of `<script>`, `<style>`, `<textarea>` and `<title>` are left
 * alone. The rewrite function gets each URL with its character references
 * decoded and decides; a value it changes is written back in place, escaped
 * for its quotes. Every other byte stays as it was, the attributes that do
 * not change included.
 */
export function rewriteHtmlUrls(html: string, rewrite: (url: string) => string): string {
  const edits: TextEdit[] = [];
  let attribute: "url" | "srcset" | undefined;
  let nameEnd = 0;
  let value = "";
  tokenizeHtml(html, {
    onattribname(start, end) {
      attribute = urlAttributeKind(html.slice(start, end).toLowerCase());
      nameEnd = end;
      value = "";
    },
    onattribdata(start, end) {
      if (attribute !== undefined) value += html.slice(start, end);
    },
    onattribentity(codePoint) {
      if (attribute !== undefined) value += String.fromCodePoint(codePoint);
    },
    onattribend(quote, end) {
      if (attribute === undefined || quote === QuoteType.NoValue) return;
      const rewritten = attribute === "url" ? rewrite(value) : rewriteSrcset(value, rewrite);
      if (rewritten === value) return;
      // A quoted value ends before its closing quote, which `end` follows.
      edits.push({ start: valueStart(html, nameEnd, quote), end: quote === QuoteType.Unquoted ? end : end - 1, text: escapeValue(rewritten, quote) });
    },
  });
  return applyEdits(html, edits);
}

/** Each candidate's URL ("/a.png 2x, /b.png 3x"), the commas, spaces and descriptors kept as written. */
function rewriteSrcset(list: string, rewrite: (url: string) => string): string {
  return list
    .split(",")
    .map((candidate) => candidate.replace(SRCSET_URL, (_whole, space: string, url: string) => `${space}${rewrite(url)}`))
    .join(",");
}

/** A srcset candidate's URL: what follows its leading spaces, up to the next space. */
const SRCSET_URL = /^(\s*)(\S+)/;

/** Whether an attribute (its name in lower case) holds a URL, a srcset's list of them, or neither. */
function urlAttributeKind(name: string): "url" | "srcset" | undefined {
  return URL_ATTRIBUTES.has(name) ? "url" : name === "srcset" ? "srcset" : undefined;
}

/**
 * The URLs an attribute holds as `rewriteHtmlUrls` reads them, in the order it
 * hands them to its rewrite function: none but for href, src, poster, action
 * and srcset, and none for an attribute written without a value (`value`
 * undefined). `name` is in lower case and `value` has its character
 * references decoded, as htmlparser2's Parser gives them: a parse made for
 * another purpose (the search's, text/html-text.ts) finds a body's URLs too,
 * so that resolving its links needs no parse of its own when none changes.
 */
export function attributeUrls(name: string, value: string | undefined): string[] {
  if (value === undefined) return [];
  const kind = urlAttributeKind(name);
  if (kind === undefined) return [];
  if (kind === "url") return [value];
  return value.split(",").flatMap((candidate) => SRCSET_URL.exec(candidate)?.[2] ?? []);
}

/** Where an attribute's value starts: after its name, the "=" and the spaces around it, and its opening quote. */
function valueStart(html: string, nameEnd: number, quote: QuoteType): number {
  let index = nameEnd;
  while (/[\s=]/.test(html[index] ?? "")) index += 1;
  return quote === QuoteType.Unquoted ? index : index + 1;
}

/** A value written back: "&" and its own quote escaped; an unquoted value that now needs quotes gets them. */
function escapeValue(value: string, quote: QuoteType): string {
  const escaped = value.replaceAll("&", "&amp;");
  if (quote === QuoteType.Double) return escaped.replaceAll('"', "&quot;");
  if (quote === QuoteType.Single) return escaped.replaceAll("'", "&#39;");
  return /[\s"'=<>`]/.test(escaped) || escaped === "" ? `"${escaped.replaceAll('"', "&quot;")}"` : escaped;
}

/**
 * A URL's scheme ("javascript", "data"), in lower case, as a browser reads it:
 * after dropping the white space and control characters it ignores there
 * ("java\tscript:" is "javascript:"). Undefined for a URL without one.
 */
export function schemeOf(url: string): string | undefined {
  return /^([a-z][a-z0-9+.-]*):/i.exec(url.replace(/[\u0000-\u0020\u007f]/g, ""))?.[1]?.toLowerCase();
}

/** Whether a URL is root-relative ("/images/x.png"), not protocol-relative ("//host/x"). */
export function isRootRelative(url: string): boolean {
  return url.startsWith("/") && !url.startsWith("//");
}

/** Whether a URL is relative to its page ("chart.svg", "../x"): no scheme, no leading slash, no fragment only. */
export function isPageRelative(url: string): boolean {
  return url !== "" && !url.startsWith("/") && !url.startsWith("#") && !/^[a-z][a-z0-9+.-]*:/i.test(url);
}

/** A root-relative link written for the site's root ("/images/x.png") gets the base path ("/news/images/x.png"). */
export function underBasePath(url: string, basePath: string): string {
  return isRootRelative(url) && !url.startsWith(basePath) ? `${basePath}${url.slice(1)}` : url;
}

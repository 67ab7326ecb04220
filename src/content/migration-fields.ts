import { describeType } from "../core/dates.ts";
import { schemeOf } from "../core/html-urls.ts";
import { error, type Diagnostic } from "../core/diagnostics.ts";
import type { WrittenPath } from "../core/article.ts";
import type { ArticleSource } from "./front-matter.ts";

/**
 * The keys that archives moved from Jekyll, Hugo, Zola and WordPress carry
 * besides title and date: where an article lives and lived, the address
 * search engines should index, and its card image. Their paths are checked
 * where the article is placed (`placement.ts`), once its own address is known.
 */
interface MigrationFields {
  readonly ownPath?: WrittenPath;
  readonly oldAddresses: readonly WrittenPath[];
  readonly canonical?: string;
  readonly image?: string;
}

/** Where an article says it lives: Zola's `path`, Hugo's `url`, Jekyll's `permalink`, the first given. */
const OWN_PATH_KEYS = ["path", "url", "permalink"] as const;
/** Its old addresses: Hugo's and Zola's `aliases`, jekyll-redirect-from's `redirect_from` (which the WordPress importer writes). */
const OLD_ADDRESS_KEYS = ["aliases", "redirect_from"] as const;
/** Keys are read in lower case (see withLowerCaseKeys): "canonicalUrl" and "canonicalURL" are "canonicalurl". */
const CANONICAL_KEYS = ["canonical", "canonicalurl", "canonical_url"] as const;

/** Every key this module reads, so that they are not kept among the keys the tool does not use. */
export const MIGRATION_KEYS: readonly string[] = [...OWN_PATH_KEYS, ...OLD_ADDRESS_KEYS, ...CANONICAL_KEYS, "image", "images", "cover"];

type LineOf = (key: string) => number;

export function readMigrationFields(data: Readonly<Record<string, unknown>>, path: string, lineOf: LineOf, diagnostics: Diagnostic[]): MigrationFields {
  const fail = (key: string, message: string): void => void diagnostics.push(error(`invalid-${key.toLowerCase()}`, path, message, lineOf(key)));
  let ownPath: WrittenPath | undefined;
  for (const key of OWN_PATH_KEYS) {
    const value = data[key];
    if (value === undefined || value === null || ownPath !== undefined) continue;
    if (typeof value === "string" && value.trim() !== "") ownPath = { text: value.trim(), key, line: lineOf(key) };
    else fail(key, `"${key}" must be the article's address written as text, such as "/2019/10/15/release/", not ${describeType(value)}`);
  }
  const oldAddresses: WrittenPath[] = [];
  for (const key of OLD_ADDRESS_KEYS) {
    const value = data[key];
    if (value === undefined || value === null) continue;
    for (const item of Array.isArray(value) ? value : [value]) {
      if (typeof item === "string") oldAddresses.push({ text: item, key, line: lineOf(key) });
      else fail(key, `"${key}" must be an old address or a list of them, written as text, such as ["/old/page.html"], not ${describeType(item)}`);
    }
  }
  const canonical = readCanonical(data, fail);
  const image = readImage(data, fail);
  return {
    ...(ownPath === undefined ? {} : { ownPath }),
    oldAddresses,
    ...(canonical === undefined ? {} : { canonical }),
    ...(image === undefined ? {} : { image }),
  };
}

function readCanonical(data: Readonly<Record<string, unknown>>, fail: (key: string, message: string) => void): string | undefined {
  const key = CANONICAL_KEYS.find((name) => data[name] !== undefined && data[name] !== null);
  if (key === undefined) return undefined;
  const value = data[key];
  if (typeof value === "string" && (/^https?:\/\/[^/]/i.test(value.trim()) || /^\/(?!\/)/.test(value.trim()))) return value.trim();
  fail(key, `"${key}" must be an absolute URL such as "https://example.org/2021/04/09/report/", or a path from the site's root, not ${JSON.stringify(value)}`);
  return undefined;
}

/**
 * The card image: `image` as text or as Jekyll SEO's `{ path: ... }`, Hugo's
 * `images` list (the first), or a theme's `cover` (text, or `{ image: ... }`).
 */
function readImage(data: Readonly<Record<string, unknown>>, fail: (key: string, message: string) => void): string | undefined {
  for (const key of ["image", "images", "cover"]) {
    const value = data[key];
    if (value === undefined || value === null || value === "") continue;
    const first: unknown = Array.isArray(value) ? value[0] : value;
    const text = typeof first === "string" ? first : typeof first === "object" && first !== null ? firstText(first, ["path", "src", "url", "image"]) : undefined;
    const scheme = text === undefined ? undefined : schemeOf(text);
    if (text !== undefined && text.trim() !== "" && (scheme === undefined || scheme === "http" || scheme === "https")) return text.trim();
    const not = scheme === undefined ? "written as text" : `not a ${scheme}: address`;
    fail(key, `"${key}" must name an image: a file beside the article, a path from the site's root or an http(s) URL, ${not}`);
    return undefined;
  }
  return undefined;
}

function firstText(object: object, keys: readonly string[]): string | undefined {
  const record = object as Record<string, unknown>;
  const value = keys.map((key) => record[key]).find((item) => typeof item === "string");
  return typeof value === "string" ? value : undefined;
}

/** Keys Zola themes put in `[extra]`, and the taxonomies in `[taxonomies]`, read as if they were at the top. */
const EXTRA_KEYS = ["author", "authors", "image", "cover", "canonical", "summary", "description", "lastmod"];
const TAXONOMY_KEYS = ["tags", "categories"];

/**
 * Zola keeps what it does not define in an `[extra]` table and tags in
 * `[taxonomies]`: a key found there, and not at the top, is read as if it
 * were, and reported at the table's line.
 */
export function withZolaTables(source: ArticleSource): ArticleSource {
  const lifted: Record<string, unknown> = {};
  const keyLines = new Map(source.keyLines);
  for (const [table, keys] of [["extra", EXTRA_KEYS], ["taxonomies", TAXONOMY_KEYS]] as const) {
    const values = source.data[table];
    if (values === null || typeof values !== "object" || Array.isArray(values)) continue;
    for (const key of keys) {
      const value = (values as Record<string, unknown>)[key];
      if (value === undefined || source.data[key] !== undefined || lifted[key] !== undefined) continue;
      lifted[key] = value;
      const line = source.keyLines.get(table);
      if (line !== undefined) keyLines.set(key, line);
    }
  }
  return Object.keys(lifted).length === 0 ? source : { ...source, data: { ...source.data, ...lifted }, keyLines };
}

/**
 * Front matter keys read whatever their case, as Hugo reads them: "Author:"
 * and "Description:" are "author" and "description". A key is read in lower
 * case unless the file also has that lower-case key, which then wins (the
 * other is kept, unread, for the warning about unread keys).
 */
export function withLowerCaseKeys(source: ArticleSource): ArticleSource {
  if (Object.keys(source.data).every((key) => key === key.toLowerCase())) return source;
  const data: Record<string, unknown> = {};
  const keyLines = new Map<string, number>();
  const quotedKeys = new Set<string>();
  for (const [key, value] of Object.entries(source.data)) {
    const lower = key.toLowerCase();
    const read = lower === key || Object.hasOwn(source.data, lower) ? key : lower;
    data[read] = value;
    const line = source.keyLines.get(key);
    if (line !== undefined) keyLines.set(read, line);
    if (source.quotedKeys.has(key)) quotedKeys.add(read);
  }
  return { ...source, data, keyLines, quotedKeys };
}

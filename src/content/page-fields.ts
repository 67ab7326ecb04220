import { describeType } from "../core/dates.ts";
import { warning, type Diagnostic } from "../core/diagnostics.ts";
import type { WrittenPath } from "../core/article.ts";

/**
 * Files that are not articles but are read all the same: undated files are
 * pages of the site (About, Contact), and stubs (the Go blog's `redirect:`,
 * jekyll-redirect-from's `redirect_to:`) lead an old address elsewhere.
 */

/** The keys of a stub's target: the Go blog's, then jekyll-redirect-from's. */
export const STUB_KEYS = ["redirect", "redirect_to"] as const;

interface StubContext {
  readonly data: Readonly<Record<string, unknown>>;
  readonly path: string;
  readonly lineOf: (key: string) => number;
  readonly fail: (kind: string, key: string, message: string) => void;
}

/** Where a stub leads, as written; undefined when the file is no stub. A target that is not one address of text is an error. */
export function readStub({ data, lineOf, fail }: StubContext, keys: readonly string[]): WrittenPath | undefined {
  for (const key of keys) {
    const value = data[key];
    if (value === undefined || value === null) continue;
    const first: unknown = Array.isArray(value) && value.length === 1 ? value[0] : value;
    if (typeof first === "string" && first.trim() !== "") return { text: first.trim(), key, line: lineOf(key) };
    fail("invalid-redirect", key, `"${key}" must be the address this file leads to, written as text, such as "/blog/new-name", not ${describeType(value)}`);
    return { text: "", key, line: lineOf(key) };
  }
  return undefined;
}

/** An undated file that names a category, tags or authors: a page now, but most likely an article missing its date. */
export function undatedPageWarning(path: string, articleKeys: readonly string[], line: number): Diagnostic {
  const keys = articleKeys.map((key) => `"${key}"`).join(", ");
  return warning(
    "undated-page",
    path,
    `has no date, so it is published as a page of the site, not as an article, and its ${keys} ${articleKeys.length === 1 ? "is" : "are"} not used; add "date: YYYY-MM-DD" to publish it as an article`,
    line,
  );
}

/** A file without front matter named README is the folder's notes, not a page: skipped, counted in the summary. */
export function isReadme(file: string): boolean {
  return /(?:^|\/)readme\.(?:md|markdown)$/i.test(file);
}

import { posix } from "node:path";
import type { Category, OldAddress, WrittenPath } from "../core/article.ts";
import type { ArticleDate } from "../core/dates.ts";
import { error, warning, type Diagnostic } from "../core/diagnostics.ts";
import { expandPermalink, parsePermalinkPattern, type PermalinkSubject } from "../core/permalinks.ts";
import type { Settings } from "../core/settings.ts";
import { readWrittenAddress } from "../core/site-paths.ts";
import { outputFileFor, siteOwnPath, type Route } from "../core/urls.ts";

/** What placing an article reads: where its file is, what its permalink is made of, where it says it lives and lived. */
export interface PlaceableFields extends Omit<PermalinkSubject, "category" | "section"> {
  readonly sourcePath: string;
  readonly bundleDir?: string;
  readonly date: ArticleDate;
  readonly ownPath?: WrittenPath;
  readonly oldAddresses: readonly WrittenPath[];
}

/** An article's address, and the old addresses that lead to it. */
export interface Placement {
  readonly route: Route & { readonly kind: "article" };
  readonly redirects: readonly OldAddress[];
}

/**
 * Gives each article its address (its own `url`/`path`, or the permalink
 * setting's) and its redirects. Two articles never share an address, no
 * article takes a page of the site's own, and no old address leads two
 * ways: each clash is an error naming both files, and the second article by
 * path (or its redirect) is left out. Addresses are compared by the file
 * each is written to ("/x/" and "/x/index.html" are one), ignoring case, as
 * case-insensitive file systems would.
 */
export function placeArticles<T extends { readonly fields: PlaceableFields; readonly category: Category }>(
  candidates: readonly T[],
  settings: Settings,
  diagnostics: Diagnostic[],
): (T & Placement)[] {
  const ordered = [...candidates].sort((a, b) => (a.fields.sourcePath < b.fields.sourcePath ? -1 : 1));
  warnOfUnreadUrls(ordered, settings, diagnostics);
  /** The file each placed article is written to, in lower case, and the article's source. */
  const byFile = new Map<string, string>();
  const placed: (T & { readonly route: Route & { readonly kind: "article" } })[] = [];
  for (const candidate of ordered) {
    const { fields } = candidate;
    const path = addressOf(fields, candidate.category, settings, diagnostics);
    if (path === undefined) continue;
    const file = writtenFileKey(path);
    const taken = byFile.get(file);
    const site = siteOwnPath(path);
    if (taken !== undefined || site !== undefined) {
      const what = taken === undefined ? `${site}, a page of the site` : `the URL of ${taken}`;
      const fix = fields.ownPath === undefined ? `give one of them another "slug"` : `change its "${fields.ownPath.key}"`;
      diagnostics.push(error("duplicate-url", fields.sourcePath, `would be published at ${path}, ${what}; ${fix} (nothing was overwritten: this one was left out)`, fields.ownPath?.line));
      continue;
    }
    byFile.set(file, fields.sourcePath);
    placed.push({ ...candidate, route: { kind: "article", path } });
  }
  const redirectsOf = placeRedirects(placed, byFile, settings, diagnostics);
  return placed.map((article) => ({ ...article, redirects: redirectsOf.get(article.fields.sourcePath) ?? [] }));
}

/**
 * Jekyll's `permalink` and Hugo's `url` are read with the permalink style of
 * the tool that wrote them; without one, articles keep the default
 * addresses, and one warning counts those whose key was not read.
 */
function warnOfUnreadUrls(candidates: readonly { readonly fields: PlaceableFields }[], settings: Settings, diagnostics: Diagnostic[]): void {
  if (settings.permalinkStyle !== "news-archive") return;
  const unread = candidates.filter(({ fields }) => fields.ownPath !== undefined && !isAlwaysRead(fields.ownPath));
  const first = unread[0]?.fields;
  if (first === undefined || first.ownPath === undefined) return;
  const { key } = first.ownPath;
  const some = unread.length === 1 ? `it names its own address with "${key}"` : `it and ${unread.length - 1} other article(s) name their own address with "url" or "permalink"`;
  diagnostics.push(
    warning("own-url-unread", first.sourcePath, `${some}, which Jekyll and Hugo read; they are published at the "permalink" setting's address instead. To keep those addresses, set "permalinkStyle" to "jekyll" or "hugo"`, first.ownPath.line),
  );
}

/** Zola's `path` is read whatever the style: Zola archives build with no settings. */
function isAlwaysRead(ownPath: WrittenPath): boolean {
  return ownPath.key === "path";
}

/** The first folder of an article's path in the content folder, not counting a page bundle's own: Hugo's section. */
function sectionOf(fields: PlaceableFields): string {
  const folder = posix.dirname(fields.bundleDir ?? fields.sourcePath);
  return folder === "." ? "" : (folder.split("/")[0] ?? "");
}

/** Where an article lives: its own `url`, `permalink` or `path`, else where the permalink setting puts it. */
function addressOf(fields: PlaceableFields, category: Category, settings: Settings, diagnostics: Diagnostic[]): string | undefined {
  const ownPath = fields.ownPath !== undefined && (settings.permalinkStyle !== "news-archive" || isAlwaysRead(fields.ownPath)) ? fields.ownPath : undefined;
  const subject = { ...fields, category, section: sectionOf(fields) };
  if (ownPath === undefined) {
    const expanded = expandPermalink(settings.permalink, settings.permalinkStyle, subject);
    if (expanded.ok) return expanded.path;
    diagnostics.push(error("invalid-permalink", fields.sourcePath, `cannot be placed: ${expanded.reason} (this article was left out)`));
    return undefined;
  }
  const problem = (reason: string): undefined => void diagnostics.push(error("invalid-path", fields.sourcePath, `its "${ownPath.key}" ${JSON.stringify(ownPath.text)} ${reason}`, ownPath.line));
  // Jekyll reads the tokens of a post's own permalink, Hugo (since 0.131) those of its `url`; Zola's `path` is an address as written.
  if (!isAlwaysRead(ownPath) && /:[a-z]/i.test(ownPath.text)) {
    const pattern = parsePermalinkPattern(ownPath.text, { needsArticleToken: false });
    if (!pattern.ok) return problem(`is not a permalink pattern: ${pattern.reason}`);
    const expanded = expandPermalink(pattern.pattern, settings.permalinkStyle, subject, { ownUrl: true });
    return expanded.ok ? expanded.path : problem(`cannot be expanded: ${expanded.reason}`);
  }
  const read = readWrittenAddress(ownPath.text, "/", { allowQuery: false });
  return read.ok ? read.address.path : problem(`${read.reason}; write the article's address from the site's root, such as "/2019/10/15/release/"`);
}

/**
 * Each article's old addresses, resolved: relative ones start at the site's
 * root, or, as Hugo reads `aliases`, at the article's folder. An old address
 * that is the article's own is dropped; one that is another article's, a
 * page of the site's, or another article's old address is an error.
 */
function placeRedirects(
  placed: readonly { readonly fields: PlaceableFields; readonly route: Route & { readonly kind: "article" } }[],
  articleFiles: ReadonlyMap<string, string>,
  settings: Settings,
  diagnostics: Diagnostic[],
): Map<string, OldAddress[]> {
  const claimed = new Map<string, string>();
  const redirects = new Map<string, OldAddress[]>();
  for (const { fields, route } of placed) {
    const base = settings.permalinkStyle === "hugo" ? posix.dirname(route.path.replace(/\/$/, "")) : "/";
    const own: OldAddress[] = [];
    for (const written of fields.oldAddresses) {
      const fail = (kind: string, message: string): void =>
        void diagnostics.push(error(kind, fields.sourcePath, `the old address ${JSON.stringify(written.text)} in "${written.key}" ${message}`, written.line));
      const read = readWrittenAddress(written.text, base, { allowQuery: true });
      if (!read.ok) {
        fail("invalid-redirect", `${read.reason}; write an old address from the site's root, such as "/2019/10/15/old-name.html"`);
        continue;
      }
      const { path, query } = read.address;
      // A plain old address is a page, compared by its file; one with a query is matched as written.
      const key = query === "" ? writtenFileKey(path) : `${path}${query}`.toLowerCase();
      const ownKey = (address: OldAddress): string => (address.query === "" ? writtenFileKey(address.path) : `${address.path}${address.query}`.toLowerCase());
      if (key === writtenFileKey(route.path) || own.some((address) => ownKey(address) === key)) continue;
      const article = query === "" ? articleFiles.get(key) : undefined;
      const site = query === "" ? siteOwnPath(path) : undefined;
      const other = claimed.get(key);
      if (article !== undefined || site !== undefined || other !== undefined) {
        const whose = article !== undefined ? `the URL of ${article}` : site !== undefined ? `${site}, a page of the site` : `an old address of ${other ?? ""} too`;
        fail("redirect-collision", `is ${whose}, so it cannot lead here; remove it from one of them (no redirect was written for it)`);
        continue;
      }
      claimed.set(key, fields.sourcePath);
      own.push(read.address);
    }
    redirects.set(fields.sourcePath, own);
  }
  return redirects;
}

/** The file a page at `path` is written to, in lower case: the key two addresses clash by. */
function writtenFileKey(path: string): string {
  return outputFileFor({ kind: "article", path }).toLowerCase();
}

import { posix } from "node:path";
import type { Category, OldAddress, WrittenPath } from "../core/article.ts";
import type { ArticleDate } from "../core/dates.ts";
import { error, warning, type Diagnostic } from "../core/diagnostics.ts";
import { expandPermalink, parsePermalinkPattern, type PermalinkSubject } from "../core/permalinks.ts";
import type { Settings } from "../core/settings.ts";
import { readWrittenAddress, withoutBasePath } from "../core/site-paths.ts";
import { outputFileFor, siteOwnPath, type Route } from "../core/urls.ts";

/** What placing an article reads: where its file is, what its permalink is made of, where it says it lives and lived. */
interface PlaceableFields extends Omit<PermalinkSubject, "category" | "section"> {
  readonly sourcePath: string;
  readonly bundleDir?: string;
  readonly date: ArticleDate;
  readonly ownPath?: WrittenPath;
  readonly oldAddresses: readonly WrittenPath[];
}

/** An article's address, and the old addresses that lead to it. */
interface Placement {
  readonly route: Route & { readonly kind: "article" };
  readonly redirects: readonly OldAddress[];
  /** The folder its old address was in (the first of `oldPermalinks`), from which its relative links were resolved on the old site. */
  readonly oldFolder?: string;
}

/**
 * Who holds each address once articles are placed: articles' and pages' own
 * by the file each is written to, in lower case (`writtenFileKey`); old
 * addresses likewise, or, with a query, as written in lower case.
 */
export interface PlacedAddresses {
  /** Articles' and pages' own addresses. */
  readonly articlePaths: Map<string, string>;
  readonly oldAddresses: Map<string, string>;
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
): { readonly placed: (T & Placement)[]; readonly addresses: PlacedAddresses } {
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
  const claimed = new Map<string, string>();
  const redirectsOf = placeRedirects(placed, byFile, claimed, settings, diagnostics);
  return {
    placed: placed.map((article) => {
      const old = redirectsOf.get(article.fields.sourcePath);
      return { ...article, redirects: old?.addresses ?? [], ...(old?.folder === undefined ? {} : { oldFolder: old.folder }) };
    }),
    addresses: { articlePaths: byFile, oldAddresses: claimed },
  };
}

/**
 * Where one article would now live were its fields edited, as placeArticles
 * would place it, when that address is free: no other article's or page's,
 * no old address's, no page of the site's own. Undefined where placing it is
 * an error or its address is taken, which the next whole load reports.
 * `addresses` are a load's (placeArticles), this article's among them.
 */
export function placeEdited(fields: PlaceableFields, category: Category, settings: Settings, addresses: PlacedAddresses): string | undefined {
  const problems: Diagnostic[] = [];
  const path = addressOf(fields, category, settings, problems);
  if (path === undefined || problems.length > 0 || siteOwnPath(path) !== undefined) return undefined;
  const key = writtenFileKey(path);
  const holder = addresses.articlePaths.get(key);
  return (holder === undefined || holder === fields.sourcePath) && !addresses.oldAddresses.has(key) ? path : undefined;
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
export function sectionOf(fields: { readonly sourcePath: string; readonly bundleDir?: string | undefined }): string {
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
    return expanded.ok ? withoutBasePath(expanded.path, settings.basePath) : problem(`cannot be expanded: ${expanded.reason}`);
  }
  const read = readWrittenAddress(ownPath.text, "/", { allowQuery: false, basePath: settings.basePath });
  return read.ok ? read.address.path : problem(`${read.reason}; write the article's address from the site's root, such as "/2019/10/15/release/"`);
}

/**
 * Each article's old addresses, resolved: those its front matter lists
 * (relative ones start at the site's root, or, as Hugo reads `aliases`, at
 * the article's folder) and those the `oldPermalinks` patterns give it. An
 * old address that is the article's own is dropped; one that is another
 * article's, a page of the site's, or another article's old address too is
 * an error. `claimed` receives every old address kept, by whom.
 */
function placeRedirects(
  placed: readonly { readonly fields: PlaceableFields; readonly category: Category; readonly route: Route & { readonly kind: "article" } }[],
  articlePaths: Map<string, string>,
  claimed: Map<string, string>,
  settings: Settings,
  diagnostics: Diagnostic[],
): Map<string, { readonly addresses: OldAddress[]; readonly folder?: string }> {
  const redirects = new Map<string, { readonly addresses: OldAddress[]; readonly folder?: string }>();
  for (const { fields, category, route } of placed) {
    const base = settings.permalinkStyle === "hugo" ? posix.dirname(route.path.replace(/\/$/, "")) : "/";
    const patterned = oldPermalinkAddresses({ ...fields, category, section: sectionOf(fields) }, settings.oldPermalinks, settings.basePath, diagnostics);
    const own = claimOldAddresses({ owner: fields.sourcePath, written: [...fields.oldAddresses, ...patterned.addresses], ownPath: route.path, base }, { articlePaths, oldAddresses: claimed }, settings, diagnostics);
    redirects.set(fields.sourcePath, { addresses: own, ...(patterned.folder === undefined ? {} : { folder: patterned.folder }) });
  }
  return redirects;
}

/**
 * The old addresses the `oldPermalinks` patterns give an article, written as
 * paths from the root; and the folder the first of them was in, from which
 * the article's relative links were resolved: "/blog/:filename" put
 * `go1.6.md` at "/blog/go1.6", whose relative "go1.6/x.png" is in "/blog/".
 */
export function oldPermalinkAddresses(
  subject: PermalinkSubject & { readonly sourcePath: string },
  patterns: Settings["oldPermalinks"],
  basePath: string,
  diagnostics: Diagnostic[],
): { readonly addresses: WrittenPath[]; readonly folder?: string } {
  const addresses: WrittenPath[] = [];
  let folder: string | undefined;
  for (const { pattern, style } of patterns) {
    const expanded = expandPermalink(pattern, style, subject);
    if (!expanded.ok) {
      diagnostics.push(warning("old-permalink", subject.sourcePath, `has no address by the old permalink "${pattern.text}": ${expanded.reason}`));
      continue;
    }
    // As written from the host's root: claiming it takes the base path off, once.
    addresses.push({ text: expanded.path, key: "oldPermalinks", line: 0 });
    const path = withoutBasePath(expanded.path, basePath);
    const isFolder = pattern.text.endsWith("/") && !/\.html?$/i.test(path);
    folder ??= isFolder ? path : posix.dirname(path.replace(/\/$/, "")).replace(/\/?$/, "/");
  }
  return { addresses, ...(folder === undefined ? {} : { folder }) };
}

/** Old addresses written for one article, page or stub, and what they are read against. */
interface WrittenOldAddresses {
  /** The file they belong to. */
  readonly owner: string;
  readonly written: readonly WrittenPath[];
  /** Its own address, which an old address may repeat (then dropped); none for a stub. */
  readonly ownPath: string | undefined;
  /** The folder relative ones start from: the site's root, or, as Hugo reads `aliases`, the article's folder. */
  readonly base: string;
  /**
   * Whether they may lie in the site's own folders ("/category/news/local/",
   * an old category's address, from the `redirects` setting): then only
   * the written files are compared, once the site is built.
   */
  readonly inSiteFolders?: boolean;
}

/**
 * Claims old addresses: one that is the owner's own address is dropped; one
 * that is an article's or page's address, a page of the site's, or another
 * old address already is an error naming both (no redirect is written for
 * it). Each kept joins `addresses.oldAddresses`.
 */
export function claimOldAddresses({ owner, written, ownPath, base, inSiteFolders = false }: WrittenOldAddresses, addresses: PlacedAddresses, settings: Settings, diagnostics: Diagnostic[]): OldAddress[] {
  const kept: OldAddress[] = [];
  for (const each of written) {
    const fail = (kind: string, message: string): void =>
      void diagnostics.push(error(kind, owner, `the old address ${JSON.stringify(each.text)} in "${each.key}" ${message}`, each.line > 0 ? each.line : undefined));
    const read = readWrittenAddress(each.text, base, { allowQuery: true, basePath: settings.basePath });
    if (!read.ok) {
      fail("invalid-redirect", `${read.reason}; write an old address from the site's root, such as "/2019/10/15/old-name.html"`);
      continue;
    }
    const { path, query } = read.address;
    const key = oldAddressKey(read.address);
    if ((ownPath !== undefined && key === writtenFileKey(ownPath)) || kept.some((address) => oldAddressKey(address) === key)) continue;
    const page = query === "" ? addresses.articlePaths.get(key) : undefined;
    const site = query === "" && !inSiteFolders ? siteOwnPath(path) : undefined;
    const other = addresses.oldAddresses.get(key);
    if (page !== undefined || site !== undefined || other !== undefined) {
      const whose = page !== undefined ? `the URL of ${page}` : site !== undefined ? `${site}, a page of the site` : `an old address of ${other ?? ""} too`;
      fail("redirect-collision", `is ${whose}, so it cannot lead here; remove it from one of them (no redirect was written for it)`);
      continue;
    }
    addresses.oldAddresses.set(key, owner);
    kept.push(read.address);
  }
  return kept;
}

/** The file a page at `path` is written to, in lower case: the key two addresses clash by. */
export function writtenFileKey(path: string): string {
  return outputFileFor({ kind: "article", path }).toLowerCase();
}

/** A plain old address is a page, compared by its file; one with a query is matched as written. */
function oldAddressKey({ path, query }: OldAddress): string {
  return query === "" ? writtenFileKey(path) : `${path}${query}`.toLowerCase();
}

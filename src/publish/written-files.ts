import { error, type Diagnostic } from "../core/diagnostics.ts";
import { pathFromRoot } from "../core/urls.ts";
import { selectPages, type SiteViews } from "../model/pages.ts";
import type { PageBase } from "../model/views/types.ts";

/**
 * Every file a build writes, with who asked for it, so that no file
 * replaces another: a static file at a page's place, a redirect of the
 * `redirects` setting over a category page. Paths are compared as a
 * case-insensitive file system compares them. The first file of a path is
 * kept; each later one is an error naming both, and is not written.
 */
export interface WrittenFile {
  /** Relative to the output folder: "2021/04/09/x/index.html", "images/logo.png". */
  readonly path: string;
  /** Who writes it, as messages say: "the page of news/a.md", "the static file static/feed.xml". */
  readonly by: string;
  /** The file the problem is reported at (relative to the content folder); "" for the archive. */
  readonly source: string;
}

/** Folders and files the build writes once the pages are written (the search index, the service worker): nothing else may be written there. */
const WRITTEN_LATER = [pathFromRoot({ kind: "search-index" }), pathFromRoot({ kind: "service-worker" }), pathFromRoot({ kind: "offline-archive-list" })];

/** The files of `later` that would replace one of `first` or of each other, as errors; and those that may be written. */
export function withoutClashes<T extends WrittenFile>(first: readonly WrittenFile[], later: readonly T[]): { readonly kept: T[]; readonly diagnostics: Diagnostic[] } {
  const taken = new Map(first.map((file) => [file.path.toLowerCase(), file]));
  const kept: T[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const file of later) {
    const key = file.path.toLowerCase();
    const other = taken.get(key) ?? builtLater(key);
    if (other !== undefined) {
      diagnostics.push(error("file-clash", file.source, `${file.by} would be written at /${file.path}, replacing ${other.by}; it was not written. Move or rename one of them`));
      continue;
    }
    taken.set(key, file);
    kept.push(file);
  }
  return { kept, diagnostics };
}

function builtLater(path: string): WrittenFile | undefined {
  const place = WRITTEN_LATER.find((later) => (later.endsWith("/") ? path.startsWith(later) : path === later));
  return place === undefined ? undefined : { path: place, by: `the site's own /${place}`, source: "" };
}

/** What a site writes, before it is checked: its pages' views, the files beside them, and where each comes from. */
export interface SiteWrites {
  readonly views: SiteViews;
  /** The theme's files, feeds, sitemap and the like. */
  readonly siteFiles: readonly { readonly path: string }[];
  /** `content`: a file written anew (a sanitized SVG) instead of copied. */
  readonly bundleAssets: readonly { readonly from: string; readonly to: string; readonly content?: string }[];
  readonly staticFiles: readonly { readonly from: string; readonly to: string; readonly shown: string }[];
  /** The file each article's or site page's page comes from, by its output file. */
  readonly sourceOf: ReadonlyMap<string, string>;
}

/**
 * Checks every file a site writes against every other: pages first (none
 * of which is dropped: their addresses were checked as they were placed),
 * then redirect pages and static files, each dropped with an error when it
 * would replace a file written before it (page-bundle files included).
 */
export function checkSiteWrites(site: SiteWrites): Omit<SiteWrites, "siteFiles" | "sourceOf" | "bundleAssets"> & { readonly diagnostics: readonly Diagnostic[] } {
  const redirectPages = new Set<PageBase>(site.views.pages.redirect);
  const pages = selectPages(site.views.pages, (_kind, page) => !redirectPages.has(page)).map((page) => {
    const source = site.sourceOf.get(page.permalink);
    return { path: page.permalink, by: source === undefined ? `the site's page /${page.permalink}` : `the page of ${source}`, source: source ?? "" };
  });
  const files = site.siteFiles.map((file) => ({ path: file.path, by: `the site's own /${file.path}`, source: "" }));
  const redirects = withoutClashes(
    [...pages, ...files],
    site.views.pages.redirect.map((view) => ({ path: view.permalink, by: `the redirect page to ${view.targetHref}`, source: "", view })),
  );
  // Page-bundle files are checked by written-paths.ts, against folders too; here they only take their places first.
  const assets = site.bundleAssets.map((asset) => ({ path: asset.to, by: `the page-bundle file ${asset.from}`, source: asset.from }));
  const statics = withoutClashes(
    [...pages, ...files, ...redirects.kept, ...assets],
    site.staticFiles.map((file) => ({ path: file.to, by: `the static file ${file.shown}`, source: file.shown, file })),
  );
  return {
    views: { ...site.views, pages: { ...site.views.pages, redirect: redirects.kept.map((kept) => kept.view) } },
    staticFiles: statics.kept.map((kept) => kept.file),
    diagnostics: [...redirects.diagnostics, ...statics.diagnostics],
  };
}

import { error, type Diagnostic } from "../core/diagnostics.ts";
import { OUTPUT_MARKER } from "./output-folder.ts";
import { outputFileFor, pathFromRoot, type Route } from "../core/urls.ts";
import { selectPages, type SiteViews } from "../model/pages.ts";
import type { PageBase } from "../model/views/types.ts";
import type { ThemeBundle } from "../render/theme.ts";
import { THEME_FILES } from "../core/assets.ts";
import type { PublishedFile } from "./feeds.ts";
import type { BundleAsset } from "./site-plan.ts";

/**
 * Every file a build writes into the output folder is claimed here before
 * anything is written, with who writes it, so that no file replaces another:
 * not a page, a redirect page, a page-bundle file, a static file, a theme
 * file, a feed, the redirects or the search index. Paths are compared
 * ignoring case, as case-insensitive file systems and hosts do, and a file
 * may not stand where another file needs a folder ("a/b" beside "a/b/c").
 * The first claim of a path wins; a later one the build may leave out is an
 * error naming both, and is not written.
 */
export interface PathClaim {
  /** From the output folder's root ("2021/04/09/x/index.html"); ending in "/" for a folder its writer fills alone ("search-index/"). */
  readonly path: string;
  /** Who writes it, for messages ("the article 2021/x.md", "the search index"); a folder's writer may write inside it. */
  readonly by: string;
  /** For what the build leaves out when it clashes (what authors and the settings name): its kind, and the file the error is reported at ("" for the archive). Without it, a clash is a fault of this program. */
  readonly leftOut?: { readonly kind: LeftOutKind; readonly reportedAt: string };
  /** For a folder its writer fills: the kind of file others may still put in it. */
  readonly openTo?: LeftOutKind;
}

/** What a build may leave out: a redirect page at an old address, a page-bundle file, a file of the static folder. */
type LeftOutKind = "redirect-page" | "bundle-file" | "static-file";

interface PathConflict {
  /** The later claim, which cannot be written. */
  readonly claim: PathClaim;
  /** The claim it clashes with. */
  readonly taken: PathClaim;
  /** Whether `taken` needs the path as a folder (or fills that folder), rather than as the same file. */
  readonly asFolder: boolean;
}

/** The claims that clash with an earlier one, in order: earlier claims win. */
export function findPathConflicts(claims: readonly PathClaim[]): PathConflict[] {
  const files = new Map<string, PathClaim>();
  /** Folders that written files need, by the first claim that needs each. */
  const folders = new Map<string, PathClaim>();
  /** Folders one writer fills alone. */
  const owned = new Map<string, PathClaim>();
  const conflicts: PathConflict[] = [];
  for (const claim of claims) {
    const key = claim.path.toLowerCase();
    const parents = parentFolders(key);
    const conflict = key.endsWith("/") ? ownedFolderConflict(claim, key, [...files.values()]) : fileConflict(claim, key, parents, { files, folders, owned });
    if (conflict !== undefined) {
      conflicts.push(conflict);
      continue;
    }
    if (key.endsWith("/")) {
      owned.set(key, claim);
      continue;
    }
    files.set(key, claim);
    for (const folder of parents) if (!folders.has(folder)) folders.set(folder, claim);
  }
  return conflicts;
}

function fileConflict(
  claim: PathClaim,
  key: string,
  parents: readonly string[],
  taken: { readonly files: ReadonlyMap<string, PathClaim>; readonly folders: ReadonlyMap<string, PathClaim>; readonly owned: ReadonlyMap<string, PathClaim> },
): PathConflict | undefined {
  const sameFile = taken.files.get(key);
  if (sameFile !== undefined) return { claim, taken: sameFile, asFolder: false };
  const folderHere = taken.folders.get(`${key}/`) ?? taken.owned.get(`${key}/`);
  if (folderHere !== undefined) return { claim, taken: folderHere, asFolder: true };
  for (const folder of parents) {
    const fileThere = taken.files.get(folder.slice(0, -1));
    if (fileThere !== undefined) return { claim, taken: fileThere, asFolder: false };
    const owner = taken.owned.get(folder);
    if (owner !== undefined && owner.by !== claim.by && !opensTo(owner, claim)) return { claim, taken: owner, asFolder: true };
  }
  return undefined;
}

/** A folder one writer fills alone clashes with a file another writer put there before. */
function ownedFolderConflict(claim: PathClaim, key: string, files: readonly PathClaim[]): PathConflict | undefined {
  const inside = files.find(
    (file) => file.by !== claim.by && !opensTo(claim, file) && (file.path.toLowerCase().startsWith(key) || file.path.toLowerCase() === key.slice(0, -1)),
  );
  return inside === undefined ? undefined : { claim, taken: inside, asFolder: true };
}

const opensTo = (folder: PathClaim, file: PathClaim): boolean => folder.openTo !== undefined && folder.openTo === file.leftOut?.kind;

/** "a/b/c.txt" → ["a/", "a/b/"]. */
function parentFolders(path: string): string[] {
  const folders: string[] = [];
  for (let slash = path.indexOf("/"); slash !== -1 && slash < path.length - 1; slash = path.indexOf("/", slash + 1)) folders.push(path.slice(0, slash + 1));
  return folders;
}

/** The folder of the theme's files ("assets/"), which the theme fills: the archive's static files may sit beside its files there, nothing else. */
const THEME_FOLDER = THEME_FILES.stylesheet.slice(0, THEME_FILES.stylesheet.indexOf("/") + 1);

/** An article or a page of the site made from an undated file: its page, and the redirect pages at its old addresses. */
interface SourcedItem {
  readonly route: Route;
  readonly sourcePath: string;
  readonly redirects: readonly { readonly path: string }[];
}

/** A file of the archive's static folder: `to` from the output folder's root, `shown` as messages name it. */
interface StaticFileCopy {
  readonly from: string;
  readonly to: string;
  readonly shown: string;
}

/** What a build writes, as `loadSite` computes it, before it is checked. */
interface SiteWrites {
  /** The articles and the site's pages: who writes each page, for messages. */
  readonly sources: readonly SourcedItem[];
  readonly views: SiteViews;
  readonly theme: ThemeBundle;
  readonly publishedFiles: readonly PublishedFile[];
  readonly bundleAssets: readonly BundleAsset[];
  readonly staticFiles: readonly StaticFileCopy[];
  /** Whether the site is portable (opened from disk): no service worker. */
  readonly portable: boolean;
}

/**
 * Every path a build writes, claimed in the order that decides clashes: the
 * site's own files and folders, then the pages, then what may be left out:
 * redirect pages, page-bundle files and static files, in that order.
 */
export function siteClaims(site: SiteWrites): PathClaim[] {
  const own: PathClaim[] = [
    { path: OUTPUT_MARKER, by: "the build's marker file" },
    { path: pathFromRoot({ kind: "search-index" }), by: "the search index" },
    ...(site.theme.serviceWorkerCode === undefined || site.portable
      ? []
      : [
          { path: outputFileFor({ kind: "service-worker" }), by: "the service worker" },
          { path: outputFileFor({ kind: "offline-archive-list" }), by: "the service worker" },
        ]),
    { path: THEME_FOLDER, by: "the theme", openTo: "static-file" },
    ...site.theme.files.map((file) => ({ path: file.path, by: "the theme" })),
    ...site.publishedFiles.map((file) => ({ path: file.path, by: `the site's own /${file.path}` })),
  ];
  const sources = new Map<string, string>();
  for (const item of site.sources) {
    sources.set(outputFileFor(item.route), item.route.kind === "article" ? `the article ${item.sourcePath}` : `the page of ${item.sourcePath}`);
  }
  const redirectSources = new Map(
    site.sources.flatMap((item) => item.redirects.map((address) => [outputFileFor({ kind: "redirect", path: address.path }), item.sourcePath] as const)),
  );
  const redirectPages = new Set<PageBase>(site.views.pages.redirect);
  const pages = selectPages(site.views.pages, (_kind, page) => !redirectPages.has(page)).map(
    (page): PathClaim => ({ path: page.permalink, by: sources.get(page.permalink) ?? `the site's page /${page.permalink}` }),
  );
  const redirects = site.views.pages.redirect.map((view): PathClaim => {
    const source = redirectSources.get(view.permalink);
    return {
      path: view.permalink,
      by: source === undefined ? `the redirect page to ${view.targetHref}` : `the redirect page of ${source}`,
      leftOut: { kind: "redirect-page", reportedAt: source ?? "" },
    };
  });
  const bundles = site.bundleAssets.map(
    (asset): PathClaim => ({ path: asset.to, by: `the page-bundle file ${asset.from}`, leftOut: { kind: "bundle-file", reportedAt: asset.from } }),
  );
  const statics = site.staticFiles.map(
    (file): PathClaim => ({ path: file.to, by: `the static file ${file.shown}`, leftOut: { kind: "static-file", reportedAt: file.shown } }),
  );
  return [...own, ...pages, ...redirects, ...bundles, ...statics];
}

/** The paths of a site's writes that clash with others, as problems of the archive: an error naming both, at the file left out. */
export function refuseClashes(claims: readonly PathClaim[]): { readonly refused: ReadonlySet<PathClaim>; readonly diagnostics: readonly Diagnostic[] } {
  const refused = new Set<PathClaim>();
  const diagnostics: Diagnostic[] = [];
  const outside = claims.find((claim) => !/^(?!\/)(?:(?!\.\.?(?:\/|$))[^/\\\0]+\/?)*$/.test(claim.path));
  if (outside !== undefined)
    throw new Error(
      `news-archive would write ${JSON.stringify(outside.path)} (${outside.by}) outside the output folder; this is a fault of news-archive, please report it`,
    );
  for (const { claim, taken, asFolder } of findPathConflicts(claims)) {
    // Pages were checked as they were placed, and the site's own files never clash: if they do, it is a fault of this program.
    if (claim.leftOut === undefined)
      throw new Error(`news-archive would write two files at ${claim.path}: ${taken.by} and ${claim.by}; this is a fault of news-archive, please report it`);
    refused.add(claim);
    const where = asFolder ? `where ${taken.by} needs a folder` : `where ${taken.by} is written`;
    diagnostics.push(
      error("path-clash", claim.leftOut.reportedAt, `${claim.by} would be written at /${claim.path}, ${where}; it was left out. Rename or move one of them`),
    );
  }
  return { refused, diagnostics };
}

/**
 * Checks every path a site writes against every other before anything is
 * written, and gives what may be written: the site without the redirect
 * pages, page-bundle files and static files that clash, and an error for each.
 */
export function checkSiteWrites(
  site: SiteWrites,
): Pick<SiteWrites, "views" | "bundleAssets" | "staticFiles"> & { readonly diagnostics: readonly Diagnostic[] } {
  const claims = siteClaims(site);
  const { refused, diagnostics } = refuseClashes(claims);
  /** The items of one kind that may be written: its claims come in the items' order. */
  const kept = <T>(kind: LeftOutKind, items: readonly T[]): T[] => {
    const ofKind = claims.filter((claim) => claim.leftOut?.kind === kind);
    return items.filter((_item, index) => {
      const claim = ofKind[index];
      return claim === undefined || !refused.has(claim);
    });
  };
  return {
    views: { ...site.views, pages: { ...site.views.pages, redirect: kept("redirect-page", site.views.pages.redirect) } },
    bundleAssets: kept("bundle-file", site.bundleAssets),
    staticFiles: kept("static-file", site.staticFiles),
    diagnostics,
  };
}

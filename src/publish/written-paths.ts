import { error, type Diagnostic } from "../core/diagnostics.ts";
import type { Article } from "../core/article.ts";
import { OUTPUT_MARKER } from "./output-folder.ts";
import { outputFileFor, pathFromRoot } from "../core/urls.ts";
import { PAGE_KIND_NAMES, type SiteViews } from "../model/pages.ts";
import type { ThemeBundle } from "../render/theme.ts";
import { THEME_FILES } from "../core/assets.ts";
import type { PublishedFile } from "./feeds.ts";

/**
 * Every file a build writes into the output folder is claimed here before
 * anything is written, with who writes it, so that no file replaces another:
 * not a page, a page-bundle file, a theme file, a feed, the redirects or the
 * search index. Paths are compared ignoring case, as case-insensitive file
 * systems and hosts do, and a file may not stand where another file needs a
 * folder ("a/b" beside "a/b/c").
 */
export interface PathClaim {
  /** From the output folder's root ("2021/04/09/x/index.html"); ending in "/" for a folder its writer fills alone ("search-index/"). */
  readonly path: string;
  /** Who writes it, for messages ("the article 2021/x.md", "the search index"); a folder's writer may write inside it. */
  readonly by: string;
  /** A page-bundle file, relative to the content folder: what an author put there, left out when it clashes. */
  readonly bundleFile?: string;
}

export interface PathConflict {
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
    if (owner !== undefined && owner.by !== claim.by) return { claim, taken: owner, asFolder: true };
  }
  return undefined;
}

/** A folder one writer fills alone clashes with a file another writer put there before. */
function ownedFolderConflict(claim: PathClaim, key: string, files: readonly PathClaim[]): PathConflict | undefined {
  const inside = files.find((file) => file.by !== claim.by && (file.path.toLowerCase().startsWith(key) || file.path.toLowerCase() === key.slice(0, -1)));
  return inside === undefined ? undefined : { claim, taken: inside, asFolder: true };
}

/** "a/b/c.txt" → ["a/", "a/b/"]. */
function parentFolders(path: string): string[] {
  const folders: string[] = [];
  for (let slash = path.indexOf("/"); slash !== -1 && slash < path.length - 1; slash = path.indexOf("/", slash + 1)) folders.push(path.slice(0, slash + 1));
  return folders;
}

/** The folder of the theme's files ("assets/"), which the theme fills alone. */
const THEME_FOLDER = THEME_FILES.stylesheet.slice(0, THEME_FILES.stylesheet.indexOf("/") + 1);

/** What a build writes, as `loadSite` computes it. */
export interface SiteWrites {
  readonly articles: readonly Article[];
  readonly views: SiteViews;
  readonly theme: ThemeBundle;
  readonly publishedFiles: readonly PublishedFile[];
  readonly bundleAssets: readonly { readonly from: string; readonly to: string }[];
  /** Whether the site is portable (opened from disk): no service worker. */
  readonly portable: boolean;
}

/**
 * Every path a build writes, claimed in the order that decides clashes: the
 * site's own files and folders, then the pages (articles and their redirects
 * included), then the page bundles' files, which the authors name.
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
    { path: THEME_FOLDER, by: "the theme" },
    ...site.theme.files.map((file) => ({ path: file.path, by: "the theme" })),
    ...site.publishedFiles.map((file) => ({ path: file.path, by: `the site's ${file.path}` })),
  ];
  const sources = new Map<string, string>();
  for (const article of site.articles) {
    sources.set(outputFileFor(article.route), `the article ${article.sourcePath}`);
    for (const address of article.redirects) sources.set(outputFileFor({ kind: "redirect", path: address.path }), `the redirect page of ${article.sourcePath}`);
  }
  const pages = PAGE_KIND_NAMES.flatMap((name) => site.views.pages[name].map((page): PathClaim => ({ path: page.permalink, by: sources.get(page.permalink) ?? `the site's page ${page.permalink}` })));
  const bundles = site.bundleAssets.map((asset): PathClaim => ({ path: asset.to, by: `the page-bundle file ${asset.from}`, bundleFile: asset.from }));
  return [...own, ...pages, ...bundles];
}

/**
 * The clashes of a site's written paths as problems of the archive: a
 * page-bundle file that would replace another file, or stand where a folder
 * is needed, is an error naming both, and is left out. Two of the site's own
 * files can never clash; if they do, it is a fault of this program.
 */
export function refuseClashes(claims: readonly PathClaim[]): { readonly refused: ReadonlySet<string>; readonly diagnostics: readonly Diagnostic[] } {
  const refused = new Set<string>();
  const diagnostics: Diagnostic[] = [];
  const outside = claims.find((claim) => !/^(?!\/)(?:(?!\.\.?(?:\/|$))[^/\\\0]+\/?)*$/.test(claim.path));
  if (outside !== undefined) throw new Error(`news-archive would write ${JSON.stringify(outside.path)} (${outside.by}) outside the output folder; this is a fault of news-archive, please report it`);
  for (const { claim, taken, asFolder } of findPathConflicts(claims)) {
    if (claim.bundleFile === undefined) throw new Error(`news-archive would write two files at ${claim.path}: ${taken.by} and ${claim.by}; this is a fault of news-archive, please report it`);
    refused.add(claim.bundleFile);
    const where = asFolder ? `where ${taken.by} needs a folder` : `where ${taken.by} is written`;
    diagnostics.push(error("path-clash", claim.bundleFile, `would be written at ${claim.path}, ${where}; rename it or move it (it was left out)`));
  }
  return { refused, diagnostics };
}

import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import type { Settings } from "../core/settings.ts";
import { hrefFromRoot, hrefFromRootOfFile, outputFileFor, urlContextOf } from "../core/urls.ts";
import { selectPages, type SiteViews } from "../model/pages.ts";
import { isForReading, planOffline, revisionOf, serviceWorkerScript, type CacheableFile } from "./offline-plan.ts";
import {
  putSearchIndex,
  SEARCH_INDEX_DIR,
  writeSearchIndex,
  type MadeSearchIndex,
  type PeriodsWriter,
  type SearchIndexReport,
  type SearchIndexRequest,
} from "../search/search-index.ts";
import { SEARCH_ENTRY_FILE, SEARCH_FILE_EXTENSIONS } from "../core/search-files.browser.ts";
import type { ArchiveList } from "../core/archive-save.browser.ts";
import type { FileInFolder } from "../core/files.ts";
import type { SitePlan } from "./site-plan.ts";
import type { OutputReuse } from "./output-reuse.ts";
import { copyEntryIntoSearchPage } from "./search-page-entry.ts";

/** How the written site can be read offline, for the build's summary. */
export type OfflineReport =
  | {
      readonly kind: "service-worker";
      /** The shell, saved on a first visit. */
      readonly savedFiles: number;
      readonly savedBytes: number;
      /** The whole archive, saved when the reader asks, or on a first visit when it is at most `firstVisitBytes`. */
      readonly archiveFiles: number;
      readonly archiveBytes: number;
      readonly firstVisitBytes: number;
    }
  | { readonly kind: "portable" }
  | { readonly kind: "none" };

/** What the files depend on besides the site: where the content is, the settings, and whether the site is opened from disk. */
interface PublishTarget {
  readonly contentDir: string;
  readonly settings: Settings;
  readonly portable: boolean;
}

export interface BesidePagesReport {
  readonly search: SearchIndexReport;
  readonly offline: OfflineReport;
}

/**
 * How other threads help with the search index: it is made there in memory
 * meanwhile (of the plan's search and the same target), to be put, not made;
 * or its periods' folders of fragments are written there while this thread
 * writes the rest.
 */
export type SearchIndexHelp = { readonly made: Promise<MadeSearchIndex> } | { readonly periods: PeriodsWriter };

/** What the steps of publishing share: where they write, the plan, its target, and what the previous output offers. */
interface PublishContext {
  readonly outputDir: string;
  readonly plan: SitePlan;
  readonly target: PublishTarget;
  /** The output being replaced (or written into), whose unchanged search files are kept. */
  readonly previousOutputDir: string | undefined;
  readonly reuse: OutputReuse | undefined;
  readonly searchHelp: SearchIndexHelp | undefined;
}

/** One step of publishing what sits beside the pages: what it writes, and what it adds to the build's report. */
interface PublishStep {
  readonly writes: string;
  /** Given what the steps before reported. */
  readonly run: (context: PublishContext, before: Partial<BesidePagesReport>) => Partial<BesidePagesReport> | Promise<Partial<BesidePagesReport>>;
  /** Once it is done, every page can be shown: what the pages need is written. */
  readonly pagesComplete?: true;
  /** It reads the pages: it waits for them when they are still being written (in worker threads). */
  readonly readsPages?: true;
}

/**
 * The steps, in order. The files a reader's page needs come first: once they
 * are written, every page can be shown (`pagesComplete`). The search
 * index follows, and the service worker last, since it lists every file
 * written before it.
 */
const PUBLISH_STEPS: readonly PublishStep[] = [
  { writes: "page-bundle and static files", run: copySourceFiles },
  {
    writes: "the theme's files, feeds, sitemap and redirects",
    run: ({ outputDir, plan, reuse }) => writeFiles(outputDir, [...plan.theme.files, ...plan.publishedFiles], reuse),
    pagesComplete: true,
  },
  { writes: "the search index", run: writeSearchFiles },
  { writes: "the search page's copy of the index's entry", run: copySearchEntry, readsPages: true },
  // Before the service worker's step, whose list of the archive's files must match the folder; once the pages are
  // written, as a folder left empty is removed, into which a page could still be written.
  { writes: "nothing: it removes what the output the site is built over has and this site has not", run: removeUnclaimed, readsPages: true },
  { writes: "the service worker and the list of the archive's files", run: writeOfflineFiles, readsPages: true },
];

/**
 * Writes what sits beside the rendered pages, by the steps of
 * `PUBLISH_STEPS`: page-bundle and static files, the theme's files, feeds and
 * sitemap, the search index (of the published non-draft articles; as scripts
 * for a portable site), and the service worker when the build has one.
 * `siteFilesWritten` is called before the search index: from then on every
 * page can be shown. `previousOutputDir` is the output being replaced (or
 * written into), whose unchanged search files are kept.
 *
 * Files are written synchronously, as Eleventy writes pages: an interrupted
 * build removes its staging folder from its signal handler, which runs
 * between two tasks of the event loop, and a write already handed to Node's
 * thread pool could land after that (a `mkdir -p` of assets/ did, on a busy
 * machine) and leave a folder behind.
 *
 * With `reuse` (a build writing a new folder), a file the previous build
 * made from the same source is linked from the previous output instead: a
 * page-bundle file whose content file is unchanged (same size, modification
 * time and inode), a file whose content is the same.
 *
 * `pagesWritten`, when the pages are still being written (in worker threads),
 * is awaited before the first step that reads them (`readsPages`): the
 * service worker's plan lists every file. `searchHelp` says what other
 * threads do of the search index (an index made there is of
 * searchIndexRequestOf with the same plan, target and previous output).
 */
export async function writeBesidePages(
  outputDir: string,
  plan: SitePlan,
  target: PublishTarget,
  siteFilesWritten: () => void,
  previousOutputDir?: string,
  reuse?: OutputReuse,
  pagesWritten?: Promise<unknown>,
  searchHelp?: SearchIndexHelp,
): Promise<BesidePagesReport> {
  const context: PublishContext = { outputDir, plan, target, previousOutputDir, reuse, searchHelp };
  let report: Partial<BesidePagesReport> = {};
  for (const step of PUBLISH_STEPS) {
    if (step.readsPages === true) await pagesWritten;
    report = { ...report, ...(await step.run(context, report)) };
    if (step.pagesComplete === true) siteFilesWritten();
  }
  if (report.search === undefined) throw new Error("news-archive wrote no search index; this is a fault of news-archive, please report it");
  return { search: report.search, offline: report.offline ?? { kind: "none" } };
}

/** Copies the page bundles' files (or writes their sanitized content) and the static folder's files, linking those the previous output has unchanged. */
function copySourceFiles({ outputDir, plan, target, reuse }: PublishContext): Partial<BesidePagesReport> {
  const sources = [
    ...plan.bundleAssets.map((asset) => ({ ...asset, from: join(target.contentDir, asset.from) })),
    ...plan.staticFiles.map((file) => ({ ...file, content: undefined })),
  ];
  for (const { from, to, content } of sources) {
    const stats = reuse?.recording === true ? statSync(from) : undefined;
    // A sanitized file (an SVG) is recorded by what is written, the others by their source file.
    const made =
      stats === undefined
        ? ""
        : content === undefined
          ? `file ${from} ${stats.size} ${stats.mtimeMs} ${stats.ino}`
          : `sanitized ${createHash("sha1").update(content).digest("base64")}`;
    if (reuse?.reuse(to, made) === true) continue;
    const file = join(outputDir, to);
    mkdirSync(dirname(file), { recursive: true });
    // Not copyFile, which gives the copy its source's mode: an author's 0600 file would be published
    // unreadable to the web server. A new file gets 0666 less the umask, as the pages do.
    writeFileSync(file, content ?? readFileSync(from));
    reuse?.wrote(to, made);
  }
  return {};
}

/** The search page's copy of the index's entry (search-page-entry.ts); a portable site's page has no element for one. */
function copySearchEntry({ outputDir }: PublishContext): Partial<BesidePagesReport> {
  copyEntryIntoSearchPage(outputDir);
  return {};
}

/** The files of the earlier output a build started from (OutputReuse.stagingKept) that it does not have: gone (the search index's folder keeps its own). */
async function removeUnclaimed({ reuse }: PublishContext): Promise<Partial<BesidePagesReport>> {
  await reuse?.removeUnclaimed();
  return {};
}

async function writeSearchFiles({ outputDir, plan, target, previousOutputDir, reuse, searchHelp }: PublishContext): Promise<Partial<BesidePagesReport>> {
  const request = { ...searchIndexRequestOf(plan.search, target, previousOutputDir), outputHoldsIndex: reuse?.stagingKept === true };
  if (searchHelp !== undefined && "made" in searchHelp) return { search: putSearchIndex(outputDir, request, await searchHelp.made) };
  return { search: await writeSearchIndex(outputDir, request, searchHelp?.periods) };
}

/** What the search index of a plan's search is made from, for a target, keeping what `previousOutputDir` (the output being replaced) has. */
export function searchIndexRequestOf(search: SitePlan["search"], target: PublishTarget, previousOutputDir: string | undefined): SearchIndexRequest {
  return {
    ...search,
    periodArticles: target.settings.searchPeriodArticles,
    portable: target.portable,
    ...(previousOutputDir === undefined ? {} : { previousOutputDir }),
  };
}

/** The service worker, with the plan of what it saves, and the list of every file of the archive, written last. */
async function writeOfflineFiles({ outputDir, plan, target, reuse }: PublishContext, before: Partial<BesidePagesReport>): Promise<Partial<BesidePagesReport>> {
  const { theme, views } = plan;
  if (target.portable) return { offline: { kind: "portable" } };
  if (theme.serviceWorkerCode === undefined) return { offline: { kind: "none" } };
  const { cleanUrls } = target.settings;
  const shell = await shellFiles(outputDir, theme.files, views, cleanUrls);
  const worker = outputFileFor({ kind: "service-worker" });
  const list = outputFileFor({ kind: "offline-archive-list" });
  const archive = filesWritten(outputDir, plan, before.search)
    .map((file) => ({ url: hrefFromRootOfFile(file.path, cleanUrls), bytes: file.bytes }))
    .filter((file) => isForReading(file.url, [worker, list]))
    .sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
  const offlinePlan = planOffline({
    shell,
    archive,
    searchIndex: SEARCH_INDEX_DIR,
    searchEntry: `${SEARCH_INDEX_DIR}/${SEARCH_ENTRY_FILE}${SEARCH_FILE_EXTENSIONS.fetched}`,
    offlinePage: hrefFromRoot({ kind: "offline" }, urlContextOf(target.settings)),
    archiveList: list,
    firstVisitBytes: target.settings.offline.wholeArchiveMB * 1_000_000,
  });
  writeFiles(
    outputDir,
    [
      { path: list, content: JSON.stringify({ version: offlinePlan.version, files: archive.map((file) => [file.url, file.bytes]) } satisfies ArchiveList) },
      { path: worker, content: serviceWorkerScript(offlinePlan, theme.serviceWorkerCode) },
    ],
    reuse,
  );
  return {
    offline: {
      kind: "service-worker",
      savedFiles: shell.length,
      savedBytes: shell.reduce((sum, file) => sum + file.bytes, 0),
      archiveFiles: offlinePlan.archiveFiles,
      archiveBytes: offlinePlan.archiveBytes,
      firstVisitBytes: offlinePlan.firstVisitBytes,
    },
  };
}

/**
 * Every file of the site written so far, with its size: what the plan
 * writes (pages, the theme's and published files, page-bundle and static
 * files; written-paths.ts checks that these are all) and the search index's
 * files, as its step listed them. Not a listing of the folder: at 100,000
 * articles reading the folders of 128,000 pages took 5 of the 7 s that
 * listing them took.
 */
function filesWritten(outputDir: string, plan: SitePlan, search: SearchIndexReport | undefined): FileInFolder[] {
  if (search === undefined)
    throw new Error("the archive's files were listed before the search index was written; this is a fault of news-archive, please report it");
  const paths = [
    ...selectPages(plan.views.pages, () => true).map((page) => page.permalink),
    ...plan.theme.files.map((file) => file.path),
    ...plan.publishedFiles.map((file) => file.path),
    ...plan.bundleAssets.map((asset) => asset.to),
    ...plan.staticFiles.map((file) => file.to),
  ];
  return [
    ...paths.map((path) => ({ path, bytes: statSync(join(outputDir, path)).size })),
    ...search.listing.map((file) => ({ path: `${SEARCH_INDEX_DIR}/${file.path}`, bytes: file.bytes })),
  ];
}

/**
 * The theme's files and the pages saved when the worker installs (the first
 * page of each kind the registry puts in the offline shell), so the site
 * opens offline even at a page never read.
 */
async function shellFiles(
  outputDir: string,
  themeFiles: readonly { readonly path: string; readonly content: string | Uint8Array }[],
  views: SiteViews,
  cleanUrls: boolean,
): Promise<CacheableFile[]> {
  const firstOfKind = selectPages(views.pages, (kind, _page, index) => kind.inOfflineShell && index === 0);
  const pages = await Promise.all(
    firstOfKind.map(async (page) => ({ url: hrefFromRootOfFile(page.permalink, cleanUrls), content: await readFile(join(outputDir, page.permalink)) })),
  );
  return [...themeFiles.map((file) => ({ url: file.path, content: file.content })), ...pages].map(({ url, content }) => ({
    url,
    bytes: Buffer.byteLength(content),
    revision: revisionOf(content),
  }));
}

/**
 * Writes files into the output folder, making each folder once: a large
 * archive's redirect files are thousands in a few folders. With
 * `reuse`, a file whose content the previous build wrote is linked instead.
 */
function writeFiles(
  outputDir: string,
  files: readonly { readonly path: string; readonly content: string | Uint8Array }[],
  reuse?: OutputReuse,
): Partial<BesidePagesReport> {
  const made = new Set<string>();
  for (const file of files) {
    const digest = reuse?.recording === true ? `content ${createHash("sha256").update(file.content).digest("base64")}` : "";
    if (reuse?.reuse(file.path, digest) === true) continue;
    const target = join(outputDir, file.path);
    const folder = dirname(target);
    if (!made.has(folder)) mkdirSync(folder, { recursive: true });
    made.add(folder);
    writeFileSync(target, file.content);
    reuse?.wrote(file.path, digest);
  }
  return {};
}

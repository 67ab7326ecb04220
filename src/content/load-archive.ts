import { posix } from "node:path";
import { inBatches, mapConcurrently } from "../core/concurrency.ts";
import type { Settings } from "../core/settings.ts";
import { compareArticles, type Article, type Category, type SitePage, type SiteRedirect, type StubFields } from "../core/article.ts";
import { compareDiagnostics, asWarning, type Diagnostic } from "../core/diagnostics.ts";
import { bundleFolder, outputFileFor, routeFolder } from "../core/urls.ts";
import { connectArchive } from "./archive-links.ts";
import { resolveAuthors } from "./authors.ts";
import { categorise } from "./categories.ts";
import { placeArticles } from "./placement.ts";
import { articleEditor, linkableOf, placedBodyOf, printedHtml, publishedArticle, type BodyPlace, type EditedArticle } from "./published-article.ts";
import { checkBundleFiles } from "./bundle-files.ts";
import { discoverArchive } from "./discover.ts";
import type { RenderedBody } from "./markdown.ts";
import { readOne, readUnlessUnchanged, type ArticleBytes, type ReadArticle, type ReadOptions, type ReadOutcome, type ReadPage, type RecentReads } from "./read-file.ts";
import { placePages } from "./site-pages.ts";
import { listStaticFiles, type StaticFile } from "./static-files.ts";
import { countTemplates, linkArticles, type TemplateCounts } from "./templates.ts";
import { unreadKeysWarning } from "./unread-keys.ts";
import type { BuildCache } from "./build-cache.ts";

export type { ArticleBytes, ArticleReadSettings, ReadOutcome, RecentRead } from "./read-file.ts";

export interface ArchiveCounts {
  /** Files that hold an article (published, draft or invalid). */
  readonly articleFiles: number;
  readonly published: number;
  readonly draftsLeftOut: number;
  /** Articles with errors, left out of the site (fatal unless --keep-going). */
  readonly invalidLeftOut: number;
  readonly bundleAssets: number;
  /** Files that are neither articles nor bundle assets, each with a warning. */
  readonly skippedFiles: number;
  readonly ignoredBySettings: number;
  /** Template calls in the published articles' bodies, and what they became. */
  readonly templates: TemplateCounts;
  /** Pages of the site published from undated files. */
  readonly pages: number;
  /** Stubs that lead an old address elsewhere (`redirect:`, `redirect_to:`), and entries of the `redirects` setting. */
  readonly stubs: number;
  readonly settingsRedirects: number;
  /** READMEs without front matter, skipped: a folder's notes. */
  readonly readmes: number;
  /** Files of the static folder, published as they are. */
  readonly staticFiles: number;
  /** Links in bodies that named an old address and now name the article's, and those that lead nowhere in the archive. */
  readonly links: { readonly rewritten: number; readonly unmatched: number };
}

export interface LoadedArchive {
  /** Oldest first; ties by slug, then by source path, so every build orders alike. */
  readonly articles: readonly Article[];
  /** Pages of the site (undated files), by path. */
  readonly pages: readonly SitePage[];
  /** Redirects that lead elsewhere than to an article or page: to the site's own pages, its files, or another site. */
  readonly redirects: readonly SiteRedirect[];
  readonly staticFiles: readonly StaticFile[];
  /** With "sanitize" on: the page bundles' SVG files written anew, by their path in the content folder, published instead of the files. */
  readonly sanitizedFiles: ReadonlyMap<string, string>;
  /** The order of the settings first, then by name. */
  readonly categories: readonly Category[];
  readonly diagnostics: readonly Diagnostic[];
  readonly counts: ArchiveCounts;
}

/** Where an archive's static files are: a folder of their own (shown as messages name it), or the content folder itself. */
export type StaticSource = { readonly dir: string; readonly shown: string } | "content";

export interface LoadOptions {
  readonly contentDir: string;
  readonly settings: Settings;
  readonly includeDrafts: boolean;
  /** Files of the content folder the build reads itself, such as its settings file. */
  readonly knownFiles: readonly string[];
  /** Real paths of folders inside the content folder never to read (an output folder, a static folder). */
  readonly excludedDirs: readonly string[];
  /** The static folder, when the archive has one. */
  readonly staticFiles?: StaticSource;
  /** The settings file, as messages about settings name it. */
  readonly settingsFile?: string;
  /** Renders a body whose first line is `firstLine` of its file (`file`, absolute). */
  readonly renderMarkdown: (markdown: string, firstLine: number, title: string, file: string) => RenderedBody;
  /**
   * Outcomes of earlier builds, keyed by the file's bytes and everything else
   * its outcome depends on: an unchanged article is neither parsed nor rendered again.
   */
  readonly cache?: BuildCache<ReadOutcome>;
  /** Under `npm start`: the outcomes of the last load (see RecentReads). */
  readonly recentReads?: RecentReads;
  /**
   * Reads articles elsewhere (in worker threads, with the same renderer's
   * options), a batch at a time: the files not in the build cache are read
   * there while this thread reads the next files. Without it, each is read here.
   */
  readonly readArticles?: (batch: readonly ArticleBytes[]) => Promise<readonly ReadOutcome[]>;
  /** Told the articles once placed, before their bodies are linked (0.6 s of the Node.js blog's load), and awaited: a build starts its search index then. */
  readonly articlesPlaced?: (placed: PlacedArchive) => Promise<void>;
}

/**
 * The published articles of a load as placed, before their bodies are linked
 * (oldest first, as LoadedArchive orders them), and their categories in the
 * site's order.
 */
export interface PlacedArchive {
  readonly articles: readonly Pick<Article, "title" | "date" | "draft" | "slug" | "sourcePath" | "route" | "category" | "searchRecord">[];
  readonly categories: readonly Category[];
}

const READ_CONCURRENCY = 32;
/**
 * Files under way at once when other threads read them: enough that every
 * thread has batches queued, and that the second worker, started once many
 * articles are sent (BuildWorkers), starts while the first is on its first
 * batches rather than once it has read hundreds alone. A file under way
 * holds only its bytes.
 */
const READ_AHEAD = 1024;
/** Articles read elsewhere are sent in batches of at most this many, so that a message carries enough work. */
const READ_BATCH = 16;

/** What the files read are, sorted: articles, pages, stubs, and the counts of the rest. */
interface Sorted {
  readonly articles: ReadArticle[];
  readonly pages: ReadPage[];
  readonly stubs: StubFields[];
  draftsLeftOut: number;
  invalid: number;
  notArticles: number;
  readmes: number;
}

/** An archive as loaded, and how the body of one of its articles would be linked were it edited. */
export interface ArchiveLoad {
  readonly archive: LoadedArchive;
  /**
   * The article a file would publish were its last read, `before`, to read
   * `after` instead: placed, and its body linked, as this load placed and
   * linked the others (to the same articles and addresses), its category and
   * authors as they were. Undefined for a file this load published no
   * article from, and for an edit only a whole load can place: a new
   * category, authors, own or old addresses, draft state or page bundle's
   * files, a new address that is an error or taken, or the move of an
   * article with page-bundle files or redirects (or under `oldPermalinks`).
   * Under `npm start`, such an edit is shown on the article's page at once,
   * before the whole archive is loaded again.
   */
  readonly editedArticle: EditedArticle;
}

/** Loads, checks and renders every article and page of a content folder. Reports every problem; never throws on bad content. */
export async function loadArchive(options: LoadOptions): Promise<LoadedArchive> {
  return (await loadArchiveToEdit(options)).archive;
}

/** loadArchive, and how an edited article would be placed and linked (ArchiveLoad). */
export async function loadArchiveToEdit(options: LoadOptions): Promise<ArchiveLoad> {
  const { settings } = options;
  const discovery = await discoverArchive(options.contentDir, {
    extensions: settings.extensions,
    include: settings.include,
    ignore: settings.ignore,
    knownFiles: options.knownFiles,
    excludedDirs: options.excludedDirs,
    staticContent: options.staticFiles === "content",
  });
  const diagnostics: Diagnostic[] = [...discovery.diagnostics];
  const staticFiles = await staticFilesOf(options, discovery.staticFiles, diagnostics);
  const { recentReads } = options;
  const { readArticles } = options;
  const readOptions: ReadOptions = {
    contentDir: options.contentDir,
    timeZone: settings.timeZone,
    language: settings.language,
    renderMarkdown: options.renderMarkdown,
    ...(options.cache === undefined ? {} : { cache: options.cache }),
    ...(readArticles === undefined ? {} : { readElsewhere: inBatches(readArticles, READ_BATCH) }),
  };
  const outcomes = await mapConcurrently(discovery.articles, readArticles === undefined ? READ_CONCURRENCY : READ_AHEAD, async (file) =>
    recentReads === undefined ? (await readOne(file, readOptions)).outcome : readUnlessUnchanged(file, readOptions, recentReads),
  );
  const sorted = sortOutcomes(outcomes, options.includeDrafts, diagnostics);
  const unread = unreadKeysWarning(outcomes);
  if (unread !== undefined) diagnostics.push(unread);

  const { categorised, ordered } = categorise(sorted.articles, settings, diagnostics);
  const { placed, addresses } = placeArticles(categorised, settings, diagnostics);
  const categories = ordered(new Set(placed.map((article) => article.category.slug)));
  const placedArticles = placed.map(({ fields: { title, date, draft, slug, sourcePath }, route, category, record }) => ({ title, date, draft, slug, sourcePath, route, category, searchRecord: record }));
  await options.articlesPlaced?.({ articles: placedArticles.sort(compareArticles), categories });
  const pages = placePages(sorted.pages, addresses, settings, diagnostics);
  const invalid = sorted.invalid + sorted.articles.length - placed.length + sorted.pages.length - pages.length;
  const authorsOf = resolveAuthors(placed.map(({ fields }) => fields), settings, diagnostics);
  const bodies = [...placed, ...pages];
  const linked = linkArticles(bodies.map(({ fields, route, body }) => linkableOf({ sourcePath: fields.sourcePath, bundleDir: fields.bundleDir, title: fields.title, route }, body)));
  diagnostics.push(...linked.diagnostics);
  const bundle = checkedBundles(bodies.map(({ fields }) => fields), settings, options.contentDir, diagnostics);
  const bundleFiles = bodies.flatMap(({ fields, route }) => bundle.assetsOf(fields).map((asset) => `/${outputFileFor({ kind: "file", path: `${route.kind === "article" ? bundleFolder(route) : routeFolder(route)}${asset}` })}`));
  const places = bodies.map(({ fields, route, redirects, ...rest }): BodyPlace => ({
    sourcePath: fields.sourcePath,
    bundleDir: fields.bundleDir,
    title: fields.title,
    route,
    redirects,
    assets: bundle.assetsOf(fields),
    ...("oldFolder" in rest && rest.oldFolder !== undefined ? { oldFolder: rest.oldFolder } : {}),
  }));
  const connected = connectArchive(
    // The URLs found as an article was read are its HTML's, unless linking other articles changed it.
    places.map((place, index) => placedBodyOf(place, linked.html[index] ?? "", linked.html[index] === placed[index]?.body.html ? placed[index]?.urls : undefined)),
    sorted.stubs,
    { settings, settingsFile: options.settingsFile ?? "settings", addresses, files: [...staticFiles.map((file) => file.path), ...bundleFiles], diagnostics },
  );
  const bodyHtmlAt = (index: number): string => printedHtml(connected.html[index] ?? "", places[index] as BodyPlace, options.contentDir);
  const articles = placed.map(({ fields, body, record, category, route }, index): Article =>
    publishedArticle(fields, bundle.assetsOf(fields), {
      category,
      authors: authorsOf(fields.authors),
      route,
      redirects: connected.redirects[index] ?? [],
      bodyHtml: bodyHtmlAt(index),
      excerpt: body.excerpt,
      searchRecord: record,
    }),
  );
  const editedArticle = articleEditor(
    articles.map((article, index) => ({ article, place: places[index] as BodyPlace })),
    { relink: linked.relink, resolveLinks: connected.resolveLinks, contentDir: options.contentDir, settings, addresses },
  );
  articles.sort(compareArticles);
  const sitePages = pages.map((page, index): SitePage => {
    const { fields: read, route } = page;
    const fields = { ...read, assets: bundle.assetsOf(read) };
    const { ownPath: _own, oldAddresses: _old, ...rest } = fields;
    return { ...rest, route, redirects: connected.redirects[placed.length + index] ?? [], bodyHtml: bodyHtmlAt(placed.length + index) };
  });

  const archive: LoadedArchive = {
    articles,
    pages: sitePages,
    redirects: connected.siteRedirects,
    staticFiles,
    sanitizedFiles: bundle.sanitizedFiles,
    categories,
    diagnostics: diagnostics.sort(compareDiagnostics),
    counts: {
      articleFiles: discovery.articles.length - sorted.notArticles - sorted.readmes - sorted.pages.length - sorted.stubs.length,
      published: articles.length,
      draftsLeftOut: sorted.draftsLeftOut,
      invalidLeftOut: invalid,
      bundleAssets: bundleFiles.length,
      skippedFiles: discovery.skippedCount + sorted.notArticles,
      ignoredBySettings: discovery.ignoredCount,
      templates: countTemplates(bodies.map(({ body }) => body.templates), linked.unresolved),
      pages: sitePages.length,
      stubs: connected.stubs,
      settingsRedirects: connected.settingsRedirects,
      readmes: sorted.readmes,
      staticFiles: staticFiles.length,
      links: connected.links,
    },
  };
  return { archive, editedArticle };
}

/** Each outcome's problems (a left-out draft's as warnings), and what it is. */
function sortOutcomes(outcomes: readonly ReadOutcome[], includeDrafts: boolean, diagnostics: Diagnostic[]): Sorted {
  const sorted: Sorted = { articles: [], pages: [], stubs: [], draftsLeftOut: 0, invalid: 0, notArticles: 0, readmes: 0 };
  for (const outcome of outcomes) {
    const leftOutDraft = outcome.draft && !includeDrafts;
    diagnostics.push(...(leftOutDraft ? outcome.diagnostics.map(asWarning) : outcome.diagnostics));
    if (outcome.readme === true) sorted.readmes += 1;
    else if (outcome.notAnArticle === true) sorted.notArticles += 1;
    else if (leftOutDraft) sorted.draftsLeftOut += 1;
    else if (outcome.article !== undefined) sorted.articles.push(outcome.article);
    else if (outcome.page !== undefined) sorted.pages.push(outcome.page);
    else if (outcome.stub !== undefined) sorted.stubs.push(outcome.stub);
    else sorted.invalid += 1;
  }
  return sorted;
}

/**
 * With "sanitize" on, no page-bundle file may run script on the site
 * (`checkBundleFiles`): the files each bundle publishes, and its SVG files
 * written anew. Checked before links are resolved, so that a link to a
 * refused file leads nowhere.
 */
function checkedBundles(
  bodies: readonly { readonly sourcePath: string; readonly bundleDir?: string; readonly assets: readonly string[] }[],
  settings: Settings,
  contentDir: string,
  diagnostics: Diagnostic[],
): { readonly assetsOf: (fields: { readonly sourcePath: string; readonly assets: readonly string[] }) => readonly string[]; readonly sanitizedFiles: ReadonlyMap<string, string> } {
  const published = new Map<string, readonly string[]>();
  const sanitizedFiles = new Map<string, string>();
  for (const { sourcePath, bundleDir, assets } of bodies) {
    if (!settings.sanitize || bundleDir === undefined) continue;
    const checked = checkBundleFiles(contentDir, bundleDir, assets);
    diagnostics.push(...checked.diagnostics);
    published.set(sourcePath, checked.assets);
    for (const [file, svg] of checked.sanitized) sanitizedFiles.set(file, svg);
  }
  return { assetsOf: (fields) => published.get(fields.sourcePath) ?? fields.assets, sanitizedFiles };
}

/** The static files: the static folder's, or the content folder's own files that are not articles when it is the static folder. */
async function staticFilesOf(options: LoadOptions, inContent: readonly string[], diagnostics: Diagnostic[]): Promise<StaticFile[]> {
  const source = options.staticFiles;
  if (source === undefined) return [];
  if (source === "content") return inContent.map((file) => ({ from: posix.join(options.contentDir, file), path: `/${file}`, shown: file }));
  const listed = await listStaticFiles(source.dir, source.shown);
  diagnostics.push(...listed.diagnostics);
  return listed.files;
}

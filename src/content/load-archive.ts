import { readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { bundleImageSizes, withImageSizes } from "./image-sizes.ts";
import { mapConcurrently } from "../core/concurrency.ts";
import type { BuildCache } from "./build-cache.ts";
import type { RenderedBody } from "./markdown.ts";
import type { Settings } from "../core/settings.ts";
import { readArticleFields } from "./article.ts";
import { compareArticles, type Article, type ArticleFields, type Category } from "../core/article.ts";
import { compareDiagnostics, asWarning, error, errorCodeOf, warning, type Diagnostic } from "../core/diagnostics.ts";
import { resolveAuthors } from "./authors.ts";
import { categorise } from "./categories.ts";
import { placeArticles } from "./placement.ts";
import { bodyLinkedToBundle, checkBundleFiles, linkToBundleFolder } from "./bundle-files.ts";
import { discoverArchive, type ArticleFile } from "./discover.ts";
import { readArticleSource } from "./front-matter.ts";
import { countTemplates, linkArticles, templateSyntaxWarning, type TemplateCounts } from "./templates.ts";
import { indexRecord, type IndexRecord } from "../text/index-record.ts";
import { loadStemmer, stemmingLanguage } from "../text/stemmers.ts";

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
}

export interface LoadedArchive {
  /** Oldest first; ties by slug, then by source path, so every build orders alike. */
  readonly articles: readonly Article[];
  /** With "sanitize" on: the page bundles' SVG files written anew, by their path in the content folder, published instead of the files. */
  readonly sanitizedFiles: ReadonlyMap<string, string>;
  /** The order of the settings first, then by name. */
  readonly categories: readonly Category[];
  readonly diagnostics: readonly Diagnostic[];
  readonly counts: ArchiveCounts;
}

export interface LoadOptions {
  readonly contentDir: string;
  readonly settings: Settings;
  readonly includeDrafts: boolean;
  /** Files of the content folder the build reads itself, such as its settings file. */
  readonly knownFiles: readonly string[];
  /** Real paths of folders inside the content folder never to read (an output folder). */
  readonly excludedDirs: readonly string[];
  /** Renders a body whose first line is `firstLine` of its file. */
  readonly renderMarkdown: (markdown: string, firstLine: number, title: string) => RenderedBody;
  /**
   * Outcomes of earlier builds, keyed by the file's bytes and everything else
   * its outcome depends on: an unchanged article is neither parsed nor rendered again.
   */
  readonly cache?: BuildCache<ReadOutcome>;
  /**
   * Under `npm start`, where one process loads the archive again after each
   * edit: the outcomes of the last load, by file, reused while a file's
   * modification time, size and inode are unchanged (a stat costs a third of
   * a read). Each load fills `next`, which becomes the next load's `previous`.
   */
  readonly recentReads?: { readonly previous: ReadonlyMap<string, RecentRead>; readonly next: Map<string, RecentRead> };
}

/** A file's outcome and its state when it was read. */
export interface RecentRead extends Read {
  readonly stamp: string;
}

const READ_CONCURRENCY = 32;
/** Above this size an article is still published, with a warning: such pages load slowly on poor connections. */
export const LARGE_ARTICLE_BYTES = 1_048_576;

/** Loads, checks and renders every article of a content folder. Reports every problem; never throws on bad content. */
export async function loadArchive(options: LoadOptions): Promise<LoadedArchive> {
  const { settings } = options;
  const discovery = await discoverArchive(options.contentDir, {
    extensions: settings.extensions,
    include: settings.include,
    ignore: settings.ignore,
    knownFiles: options.knownFiles,
    excludedDirs: options.excludedDirs,
  });
  const diagnostics: Diagnostic[] = [...discovery.diagnostics];
  const { recentReads } = options;
  const outcomes = await mapConcurrently(discovery.articles, READ_CONCURRENCY, async (file) =>
    recentReads === undefined ? (await readOne(file, options)).outcome : readUnlessUnchanged(file, options, recentReads),
  );

  const candidates: ReadArticle[] = [];
  let draftsLeftOut = 0;
  let invalid = 0;
  let notArticles = 0;
  for (const outcome of outcomes) {
    const leftOutDraft = outcome.draft && !options.includeDrafts;
    diagnostics.push(...(leftOutDraft ? outcome.diagnostics.map(asWarning) : outcome.diagnostics));
    if (outcome.notAnArticle === true) notArticles += 1;
    else if (leftOutDraft) draftsLeftOut += 1;
    else if (outcome.article === undefined) invalid += 1;
    else candidates.push(outcome.article);
  }

  const { categorised, ordered } = categorise(candidates, settings, diagnostics);
  const placed = placeArticles(categorised, settings, diagnostics);
  invalid += candidates.length - placed.length;
  const authorsOf = resolveAuthors(placed.map(({ fields }) => fields), settings, diagnostics);
  const linked = linkArticles(placed.map(({ fields, body, route }) => ({ sourcePath: fields.sourcePath, bundleDir: fields.bundleDir, title: fields.title, route, html: body.html, references: body.references })));
  diagnostics.push(...linked.diagnostics);
  const sanitizedFiles = new Map<string, string>();
  const articles = placed.map(({ fields: read, body, record, category, route, redirects }, index): Article => {
    const checked = settings.sanitize && read.bundleDir !== undefined ? checkBundleFiles(options.contentDir, read.bundleDir, read.assets) : undefined;
    if (checked !== undefined) {
      diagnostics.push(...checked.diagnostics);
      for (const [file, svg] of checked.sanitized) sanitizedFiles.set(file, svg);
    }
    const fields = checked === undefined ? read : { ...read, assets: checked.assets };
    const { categoryName: _written, ownPath: _own, oldAddresses: _old, ...rest } = fields;
    const withLinks = linked.html[index] ?? body.html;
    const html = fields.bundleDir === undefined ? withLinks : withImageSizes(withLinks, bundleImageSizes(options.contentDir, fields.bundleDir, fields.assets));
    const toBundle = linkToBundleFolder(route, fields.assets);
    const image = rest.image === undefined || toBundle === undefined ? {} : { image: toBundle(rest.image) };
    return { ...rest, ...image, category, authors: authorsOf(fields.authors), route, redirects, bodyHtml: bodyLinkedToBundle(html, route, fields.assets), excerpt: body.excerpt, searchRecord: record };
  });
  articles.sort(compareArticles);

  const categories = ordered(new Set(articles.map((article) => article.category.slug)));
  return {
    articles,
    sanitizedFiles,
    categories,
    diagnostics: diagnostics.sort(compareDiagnostics),
    counts: {
      articleFiles: discovery.articles.length - notArticles,
      published: articles.length,
      draftsLeftOut,
      invalidLeftOut: invalid,
      bundleAssets: articles.reduce((sum, article) => sum + article.assets.length, 0),
      skippedFiles: discovery.skippedCount + notArticles,
      ignoredBySettings: discovery.ignoredCount,
      templates: countTemplates(placed.map(({ body }) => body.templates), linked.unresolved),
    },
  };
}

/** An article's checked fields, without its Markdown, which is rendered as soon as it is read. */
type ReadFields = Omit<ArticleFields, "markdown">;

interface ReadArticle {
  readonly fields: ReadFields;
  readonly body: RenderedBody;
  /** What the search index needs of it, read from the body as rendered here (links to other articles are resolved later, which changes no word). */
  readonly record: IndexRecord;
}

/** What reading one file gives: its article when valid, whether it is a draft, and its problems. */
export interface ReadOutcome {
  readonly article?: ReadArticle;
  readonly draft: boolean;
  /** Read, but not an article (see FieldsOutcome.notAnArticle): counted with the skipped files. */
  readonly notAnArticle?: boolean;
  readonly diagnostics: readonly Diagnostic[];
}

async function readUnlessUnchanged(file: ArticleFile, options: LoadOptions, recentReads: NonNullable<LoadOptions["recentReads"]>): Promise<ReadOutcome> {
  const key = JSON.stringify(file);
  const stamp = await stat(join(options.contentDir, file.file)).then(
    (stats) => `${stats.mtimeMs} ${stats.size} ${stats.ino}`,
    () => undefined,
  );
  const recent = recentReads.previous.get(key);
  let read: Read;
  if (stamp !== undefined && recent?.stamp === stamp) {
    // Still in use: the build cache keeps it.
    if (recent.cacheKey !== undefined) options.cache?.keep(recent.cacheKey);
    read = recent;
  } else {
    read = await readOne(file, options);
  }
  if (stamp !== undefined) recentReads.next.set(key, { ...read, stamp });
  return read.outcome;
}

/** A file's outcome, and its key in the build cache when there is one. */
interface Read {
  readonly outcome: ReadOutcome;
  readonly cacheKey?: string;
}

async function readOne(file: ArticleFile, { contentDir, settings, renderMarkdown, cache }: LoadOptions): Promise<Read> {
  const { timeZone, language } = settings;
  let bytes: Uint8Array;
  try {
    bytes = await readFile(join(contentDir, file.file));
  } catch (cause) {
    return { outcome: { draft: false, diagnostics: [error("unreadable", file.file, `cannot be read (${errorCodeOf(cause)}); fix the file's permissions`)] } };
  }
  if (cache === undefined) return { outcome: await readArticle(bytes, file, { timeZone, language }, renderMarkdown) };
  // The outcome depends on the bytes, on where the file is (its name gives a slug, its bundle the assets), on the
  // time zone, and on the site's language, whose stemmer cuts the words of an article that names no language.
  const cacheKey = cache.keyOf(bytes, JSON.stringify(file), timeZone, language);
  let outcome = cache.get(cacheKey);
  if (outcome === undefined) {
    outcome = await readArticle(bytes, file, { timeZone, language }, renderMarkdown);
    cache.set(cacheKey, outcome);
  }
  return { outcome, cacheKey };
}

async function readArticle(bytes: Uint8Array, file: ArticleFile, { timeZone, language }: Pick<Settings, "timeZone" | "language">, renderMarkdown: LoadOptions["renderMarkdown"]): Promise<ReadOutcome> {
  const source = readArticleSource(bytes, file.file);
  if (!source.ok) return { draft: false, diagnostics: source.diagnostics };
  const { fields, draft, diagnostics, notAnArticle } = readArticleFields(file, source.source, timeZone);
  if (notAnArticle === true) return { draft, notAnArticle, diagnostics: [...source.diagnostics, ...diagnostics] };
  const size =
    bytes.length > LARGE_ARTICLE_BYTES
      ? [warning("large-article", file.file, `is ${(bytes.length / 1_048_576).toFixed(1)} MB; it is published, but a page this large loads slowly on poor connections: consider splitting it`)]
      : [];
  const allDiagnostics = [...source.diagnostics, ...diagnostics, ...size];
  if (fields === undefined) return { draft, diagnostics: allDiagnostics };
  const { markdown, ...rest } = fields;
  const body = renderMarkdown(markdown, source.source.bodyLine, fields.title);
  const stemming = stemmingLanguage(fields.lang ?? language);
  const record = indexRecord({ title: fields.title, bodyHtml: body.html }, stemming, await loadStemmer(stemming));
  const templates = templateSyntaxWarning(file.file, body.templates);
  return { article: { fields: rest, body, record }, draft, diagnostics: templates === undefined ? allDiagnostics : [...allDiagnostics, templates] };
}


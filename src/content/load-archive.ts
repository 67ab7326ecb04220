import { readFileSync } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import { imageSize } from "image-size";
import { join } from "node:path";
import { isPageRelative } from "../core/html-urls.ts";
import { mapConcurrently } from "../core/concurrency.ts";
import { withImageSizes, type ImageSize } from "./image-sizes.ts";
import type { BuildCache } from "./build-cache.ts";
import type { RenderedBody } from "./markdown.ts";
import type { Settings } from "../core/settings.ts";
import { routePath, type Route } from "../core/urls.ts";
import { readArticleFields } from "./article.ts";
import { compareArticles, type Article, type ArticleFields, type Category } from "../core/article.ts";
import { compareDiagnostics, asWarning, error, errorCodeOf, warning, type Diagnostic } from "../core/diagnostics.ts";
import { discoverArchive, type ArticleFile } from "./discover.ts";
import { readArticleSource } from "./front-matter.ts";
import { slugify } from "../core/slugs.ts";
import { countTemplates, linkArticles, templateSyntaxWarning, type TemplateCounts } from "./templates.ts";


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
  readonly renderMarkdown: (markdown: string, firstLine: number) => RenderedBody;
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
  for (const outcome of outcomes) {
    const leftOutDraft = outcome.draft && !options.includeDrafts;
    diagnostics.push(...(leftOutDraft ? outcome.diagnostics.map(asWarning) : outcome.diagnostics));
    if (leftOutDraft) draftsLeftOut += 1;
    else if (outcome.article === undefined) invalid += 1;
    else candidates.push(outcome.article);
  }

  // Many articles share a category: each name is made into a slug once.
  const categorySlugs = new Map<string, string>();
  const slugOfCategory = (name: string): string => {
    let slug = categorySlugs.get(name);
    if (slug === undefined) categorySlugs.set(name, (slug = slugify(name)));
    return slug;
  };
  const categorySlugOf = (fields: ReadFields): string => slugOfCategory(fields.categoryName ?? settings.defaultCategory);
  const categorised = candidates.filter(({ fields }) => {
    if (categorySlugOf(fields) !== "") return true;
    diagnostics.push(error("empty-category-slug", fields.sourcePath, `the category ${JSON.stringify(fields.categoryName)} has no letters or digits to make a URL from; rename it`));
    return false;
  });
  const categoryOf = resolveCategories(categorised, settings, slugOfCategory, diagnostics);
  const placed = placeUniquely(categorised, (fields) => categoryOf.get(categorySlugOf(fields)), diagnostics);
  invalid += candidates.length - placed.length;
  const linked = linkArticles(placed.map(({ fields, body, route }) => ({ sourcePath: fields.sourcePath, bundleDir: fields.bundleDir, title: fields.title, route, html: body.html, references: body.references })));
  diagnostics.push(...linked.diagnostics);
  const articles = placed.map(({ fields, body, category, route }, index): Article => {
    const { categoryName: _written, ...rest } = fields;
    const withLinks = linked.html[index] ?? body.html;
    const html = fields.bundleDir === undefined ? withLinks : withImageSizes(withLinks, bundleImageSizes(options.contentDir, fields.bundleDir, fields.assets));
    return { ...rest, category, route, bodyHtml: html, excerpt: body.excerpt };
  });
  articles.sort(compareArticles);

  const usedSlugs = new Set(articles.map((article) => article.category.slug));
  const categories = orderCategories([...categoryOf.values()].filter((category) => usedSlugs.has(category.slug)), settings);
  return {
    articles,
    categories,
    diagnostics: diagnostics.sort(compareDiagnostics),
    counts: {
      articleFiles: discovery.articles.length,
      published: articles.length,
      draftsLeftOut,
      invalidLeftOut: invalid,
      bundleAssets: articles.reduce((sum, article) => sum + article.assets.length, 0),
      skippedFiles: discovery.skippedCount,
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
}

/** What reading one file gives: its article when valid, whether it is a draft, and its problems. */
export interface ReadOutcome {
  readonly article?: ReadArticle;
  readonly draft: boolean;
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
  const { timeZone } = settings;
  let bytes: Uint8Array;
  try {
    bytes = await readFile(join(contentDir, file.file));
  } catch (cause) {
    return { outcome: { draft: false, diagnostics: [error("unreadable", file.file, `cannot be read (${errorCodeOf(cause)}); fix the file's permissions`)] } };
  }
  if (cache === undefined) return { outcome: readArticle(bytes, file, timeZone, renderMarkdown) };
  // The outcome depends on the bytes, on where the file is (its name gives a slug, its bundle the assets) and on the time zone.
  const cacheKey = cache.keyOf(bytes, JSON.stringify(file), timeZone);
  let outcome = cache.get(cacheKey);
  if (outcome === undefined) {
    outcome = readArticle(bytes, file, timeZone, renderMarkdown);
    cache.set(cacheKey, outcome);
  }
  return { outcome, cacheKey };
}

function readArticle(bytes: Uint8Array, file: ArticleFile, timeZone: string, renderMarkdown: LoadOptions["renderMarkdown"]): ReadOutcome {
  const source = readArticleSource(bytes, file.file);
  if (!source.ok) return { draft: false, diagnostics: source.diagnostics };
  const { fields, draft, diagnostics } = readArticleFields(file, source.source, timeZone);
  const size =
    bytes.length > LARGE_ARTICLE_BYTES
      ? [warning("large-article", file.file, `is ${(bytes.length / 1_048_576).toFixed(1)} MB; it is published, but a page this large loads slowly on poor connections: consider splitting it`)]
      : [];
  const allDiagnostics = [...source.diagnostics, ...diagnostics, ...size];
  if (fields === undefined) return { draft, diagnostics: allDiagnostics };
  const { markdown, ...rest } = fields;
  const body = renderMarkdown(markdown, source.source.bodyLine);
  const templates = templateSyntaxWarning(file.file, body.templates);
  return { article: { fields: rest, body }, draft, diagnostics: templates === undefined ? allDiagnostics : [...allDiagnostics, templates] };
}

/**
 * One category per slug: "Events", "events" and "Évents" are one category.
 * Its name comes from the settings, else from the spelling most articles use.
 */
function resolveCategories(
  candidates: readonly ReadArticle[],
  settings: Settings,
  slugOfCategory: (name: string) => string,
  diagnostics: Diagnostic[],
): Map<string, Category> {
  const spellings = new Map<string, Map<string, string[]>>();
  const configuredBySlug = new Map(settings.categories.map((category) => [category.slug, category]));
  const configuredByNameSlug = new Map(settings.categories.map((category) => [slugify(category.name), category]));
  const defaultSlug = slugify(settings.defaultCategory);
  let uncategorised = 0;
  for (const { fields } of candidates) {
    const written = fields.categoryName ?? settings.defaultCategory;
    const slug = slugOfCategory(written);
    const files = spellings.get(slug)?.get(written) ?? [];
    files.push(fields.sourcePath);
    spellings.set(slug, (spellings.get(slug) ?? new Map<string, string[]>()).set(written, files));
    if (fields.categoryName === undefined) {
      uncategorised += 1;
      if (!settings.defaultCategoryChosen) {
        diagnostics.push(
          warning(
            "missing-category",
            fields.sourcePath,
            `has no category; it was filed under "${settings.defaultCategory}". Add "category: ..." to the front matter, or name the category of all such articles with the "defaultCategory" setting (then one warning counts them)`,
          ),
        );
      }
    }
  }
  // A default category the settings name is meant: one warning for the archive, not hundreds.
  if (uncategorised > 0 && settings.defaultCategoryChosen) {
    const some = uncategorised === 1 ? "1 article has no category and is" : `${uncategorised} articles have no category and are`;
    diagnostics.push(
      warning("missing-category", "", `${some} filed under "${settings.defaultCategory}", the "defaultCategory" setting; add "category: ..." to an article's front matter to file it elsewhere`),
    );
  }
  const categories = new Map<string, Category>();
  for (const [slug, byName] of spellings) {
    const configured = configuredBySlug.get(slug) ?? configuredByNameSlug.get(slug);
    const ranked = [...byName.entries()].sort((a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1));
    const name = configured?.name ?? (slug === defaultSlug ? settings.defaultCategory : (ranked[0]?.[0] ?? slug));
    categories.set(slug, { slug: configured?.slug ?? slug, name });
    if (byName.size > 1) {
      for (const [spelling, files] of ranked) {
        if (spelling === name) continue;
        const example = files[0] ?? "";
        diagnostics.push(
          warning("category-spelling", example, `the category "${spelling}" (in ${files.length} article(s)) differs from "${name}" only in case, accents or punctuation; both are filed under "${name}". Write one spelling`),
        );
      }
    }
  }
  return categories;
}

interface Placed extends ReadArticle {
  readonly category: Category;
  readonly route: Route & { readonly kind: "article" };
}

/** Gives each article its URL; two articles never share one (the first by path keeps it, the others are errors). */
function placeUniquely(
  candidates: readonly ReadArticle[],
  categoryOf: (fields: ReadFields) => Category | undefined,
  diagnostics: Diagnostic[],
): Placed[] {
  const byUrl = new Map<string, Placed>();
  const placed: Placed[] = [];
  const ordered = [...candidates].sort((a, b) => (a.fields.sourcePath < b.fields.sourcePath ? -1 : 1));
  for (const candidate of ordered) {
    const { fields } = candidate;
    const category = categoryOf(fields);
    if (category === undefined) throw new Error(`no category resolved for ${fields.sourcePath}`);
    const route = { kind: "article" as const, year: fields.date.year, month: fields.date.month, day: fields.date.day, slug: fields.slug };
    const key = routePath(route).toLowerCase();
    const taken = byUrl.get(key);
    if (taken !== undefined) {
      diagnostics.push(
        error("duplicate-url", fields.sourcePath, `would be published at ${routePath(route)}, the URL of ${taken.fields.sourcePath}; give one of them another "slug" (nothing was overwritten: this one was left out)`),
      );
      continue;
    }
    const entry = { ...candidate, category, route };
    byUrl.set(key, entry);
    placed.push(entry);
  }
  return placed;
}

function orderCategories(categories: Category[], settings: Settings): Category[] {
  const position = new Map(settings.categories.map((category, index) => [category.slug, index]));
  return categories.sort((a, b) => {
    const pa = position.get(a.slug) ?? Number.MAX_SAFE_INTEGER;
    const pb = position.get(b.slug) ?? Number.MAX_SAFE_INTEGER;
    return pa - pb || a.name.localeCompare(b.name, "en");
  });
}

/** Sizes of a page bundle's own images, read from the files that relative image links point to. */
function bundleImageSizes(contentDir: string, bundleDir: string, assets: readonly string[]): (src: string) => ImageSize | undefined {
  const known = new Set(assets);
  return (src) => {
    const asset = isPageRelative(src) ? decodeURI(src.split(/[?#]/)[0] ?? "").replace(/^\.\//, "") : undefined;
    if (asset === undefined || !known.has(asset)) return undefined;
    try {
      const { width, height } = imageSize(readFileSync(join(contentDir, bundleDir, asset)));
      return width > 0 && height > 0 ? { width, height } : undefined;
    } catch {
      return undefined;
    }
  };
}


import { readFileSync } from "node:fs";
import { stat } from "node:fs/promises";
import { join } from "node:path";
import type { ArticleFields, PageFields, StubFields } from "../core/article.ts";
import { error, errorCodeOf, warning, type Diagnostic } from "../core/diagnostics.ts";
import { attributeUrls } from "../core/html-urls.ts";
import type { BuildCache } from "./build-cache.ts";
import type { ArticleFile } from "./discover.ts";
import { readArticleFields } from "./article.ts";
import { readArticleSource } from "./front-matter.ts";
import type { RenderedBody } from "./markdown.ts";
import { isReadme } from "./page-fields.ts";
import { templateSyntaxWarnings } from "./templates.ts";
import { indexRecord, type IndexRecord } from "../text/index-record.ts";
import { loadStemmer, stemmingLanguage } from "../text/stemmers.ts";

/** Above this size an article is still published, with a warning: such pages load slowly on poor connections. */
const LARGE_ARTICLE_BYTES = 1_048_576;

/** What reading one file needs: where it is, its time zone, how bodies are rendered, and the outcomes of earlier reads. */
export interface ReadOptions {
  readonly contentDir: string;
  readonly timeZone: string;
  /** The site's language, whose stemmer cuts the words of an article that names no language. */
  readonly language: string;
  /** Renders a body whose first line is `firstLine` of its file (`file`, absolute). */
  readonly renderMarkdown: (markdown: string, firstLine: number, title: string, file: string) => RenderedBody;
  /**
   * Outcomes of earlier builds, keyed by the file's bytes and everything else
   * its outcome depends on: an unchanged article is neither parsed nor rendered again.
   */
  readonly cache?: BuildCache<ReadOutcome>;
  /** Reads an article elsewhere (in a worker thread, with the same renderer's options), as readArticle would here. */
  readonly readElsewhere?: (article: ArticleBytes) => Promise<ReadOutcome>;
}

/** An article file's bytes, to be read. */
export interface ArticleBytes {
  readonly bytes: Uint8Array;
  readonly file: ArticleFile;
}

/** What an article's outcome depends on besides its bytes and its renderer: where it is, its dates' time zone, and the language whose stemmer cuts its words unless it names its own. */
export type ArticleReadSettings = Pick<ReadOptions, "contentDir" | "timeZone" | "language">;

/** An article's checked fields, without its Markdown, which is rendered as soon as it is read. */
export interface ReadArticle {
  readonly fields: Omit<ArticleFields, "markdown">;
  readonly body: RenderedBody;
  /** What the search index needs of it, read from the body as rendered here (links to other articles are resolved later, which changes no word). */
  readonly record: IndexRecord;
  /** The URLs the body's links and embedded files name, found in the same parse (core/html-urls.ts `attributeUrls`): loading resolves them without parsing the body again when none changes. */
  readonly urls: readonly string[];
}

/** A page's (an undated file's), likewise. */
export interface ReadPage {
  readonly fields: Omit<PageFields, "markdown">;
  readonly body: RenderedBody;
}

/** What reading one file gives: its article, page or stub when valid, whether it is a draft, and its problems. */
export interface ReadOutcome {
  readonly article?: ReadArticle;
  readonly page?: ReadPage;
  readonly stub?: StubFields;
  readonly draft: boolean;
  /** Read, but not an article (see FieldsOutcome.notAnArticle): counted with the skipped files. */
  readonly notAnArticle?: boolean;
  /** A README without front matter: the folder's notes, skipped and counted. */
  readonly readme?: boolean;
  /** Front matter keys the build does not read. */
  readonly unreadKeys?: readonly string[];
  readonly diagnostics: readonly Diagnostic[];
}

/** A file's outcome and its state when it was read. */
export interface RecentRead extends Read {
  readonly stamp: string;
  readonly file: ArticleFile;
}

/**
 * Under `npm start`, where one process loads the archive again after each
 * edit: the outcomes of the last load, by file, reused while a file's
 * modification time, size and inode are unchanged (a stat costs a third of
 * a read). Each load fills `next`, which becomes the next load's `previous`.
 */
export interface RecentReads {
  readonly previous: ReadonlyMap<string, RecentRead>;
  readonly next: Map<string, RecentRead>;
  /**
   * Whether a file (its path in the content folder) may have changed since
   * the last load, when a watcher that saw every change says so: the others
   * are taken as they were, without even a stat. Without it, each file's
   * state is compared.
   */
  readonly mayHaveChanged?: (file: string) => boolean;
}

/** Reads a file, or takes its outcome from the last load while the file is unchanged. */
export async function readUnlessUnchanged(file: ArticleFile, options: ReadOptions, recentReads: RecentReads): Promise<ReadOutcome> {
  const key = JSON.stringify(file);
  const unchanged = recentReads.mayHaveChanged?.(file.file) === false ? recentReads.previous.get(key) : undefined;
  if (unchanged !== undefined) {
    if (unchanged.cacheKey !== undefined) options.cache?.keep(unchanged.cacheKey);
    recentReads.next.set(key, unchanged);
    return unchanged.outcome;
  }
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
  if (stamp !== undefined) recentReads.next.set(key, { ...read, stamp, file });
  return read.outcome;
}

/** A file's outcome, and its key in the build cache when there is one. */
interface Read {
  readonly outcome: ReadOutcome;
  readonly cacheKey?: string;
}

/** Reads one file, or takes its outcome from the build cache. */
export async function readOne(file: ArticleFile, options: ReadOptions): Promise<Read> {
  const { contentDir, timeZone, language, cache } = options;
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(join(contentDir, file.file));
  } catch (cause) {
    return { outcome: { draft: false, diagnostics: [error("unreadable", file.file, `cannot be read (${errorCodeOf(cause)}); fix the file's permissions`)] } };
  }
  const read = (): Promise<ReadOutcome> => options.readElsewhere?.({ bytes, file }) ?? readArticle(bytes, file, options, options.renderMarkdown);
  if (cache === undefined) return { outcome: await read() };
  // The outcome depends on the bytes, on where the file is (its name gives a slug, its bundle the assets), on the
  // time zone, and on the site's language, whose stemmer cuts the words of an article that names no language.
  const cacheKey = cache.keyOf(bytes, JSON.stringify(file), timeZone, language);
  let outcome = cache.get(cacheKey);
  if (outcome === undefined) {
    outcome = await read();
    cache.set(cacheKey, outcome);
  }
  return { outcome, cacheKey };
}

/**
 * What one file holds, checked, its body rendered and an article's search
 * index record made: what the build cache keeps, the same wherever it is
 * read (here or in a worker thread).
 */
export async function readArticle(bytes: Uint8Array, file: ArticleFile, { contentDir, timeZone, language }: ArticleReadSettings, renderMarkdown: ReadOptions["renderMarkdown"]): Promise<ReadOutcome> {
  const source = readArticleSource(bytes, file.file);
  if (!source.ok) {
    const noFrontMatter = source.diagnostics.some((diagnostic) => diagnostic.kind === "no-front-matter");
    return noFrontMatter && isReadme(file.file) ? { draft: false, readme: true, diagnostics: [] } : { draft: false, diagnostics: source.diagnostics };
  }
  const { fields, page, stub, draft, diagnostics, notAnArticle, unreadKeys } = readArticleFields(file, source.source, timeZone);
  if (notAnArticle === true) return { draft, notAnArticle, diagnostics: [...source.diagnostics, ...diagnostics] };
  const size =
    bytes.length > LARGE_ARTICLE_BYTES
      ? [warning("large-article", file.file, `is ${(bytes.length / 1_048_576).toFixed(1)} MB; it is published, but a page this large loads slowly on poor connections: consider splitting it`)]
      : [];
  const allDiagnostics = [...source.diagnostics, ...diagnostics, ...size];
  const keys = unreadKeys === undefined ? {} : { unreadKeys };
  if (stub !== undefined) return { stub, draft, diagnostics: allDiagnostics, ...keys };
  const rendered = (markdown: string, title: string): { readonly body: RenderedBody; readonly diagnostics: readonly Diagnostic[] } => {
    const body = renderMarkdown(markdown, source.source.bodyLine, title, join(contentDir, file.file));
    return { body, diagnostics: [...allDiagnostics, ...templateSyntaxWarnings(file.file, body.templates)] };
  };
  if (fields !== undefined) {
    const { markdown, ...rest } = fields;
    const { body, diagnostics: all } = rendered(markdown, rest.title);
    const stemming = stemmingLanguage(rest.lang ?? language);
    const urls: string[] = [];
    const onAttribute = (name: string, value: string | undefined): void => {
      urls.push(...attributeUrls(name, value));
    };
    const record = indexRecord({ title: rest.title, bodyHtml: body.html, onAttribute }, stemming, await loadStemmer(stemming));
    return { article: { fields: rest, body, record, urls }, draft, diagnostics: all, ...keys };
  }
  if (page !== undefined) {
    const { markdown, ...rest } = page;
    const { body, diagnostics: all } = rendered(markdown, rest.title);
    return { page: { fields: rest, body }, draft, diagnostics: all, ...keys };
  }
  return { draft, diagnostics: allDiagnostics, ...keys };
}


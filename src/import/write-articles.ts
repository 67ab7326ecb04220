import { mkdir, readdir, readFile, stat } from "node:fs/promises";
import { dirname, join, posix } from "node:path";
import { errorCodeOf } from "../core/diagnostics.ts";
import { copyFileWhole, writeFileWhole } from "../core/files.ts";
import { articleText, type ImportedArticle } from "./imported-article.ts";
import type { MediaFile } from "./media.ts";

interface WriteOptions {
  readonly contentDir: string;
  readonly overwrite: boolean;
  /** A copy of `wp-content/uploads`, whose files are copied into the bundles. */
  readonly uploadsDir: string | undefined;
}

export interface MissingMedia {
  readonly article: string;
  readonly file: MediaFile;
}

interface Tally {
  /** Article files written (new or replaced), relative to the content folder. */
  written: string[];
  /** Replaced among them (--overwrite). */
  replaced: number;
  /** Already there with the same text. */
  unchanged: number;
  /** Already there with other text, left as they are (no --overwrite). */
  kept: string[];
  mediaCopied: number;
  mediaUnchanged: number;
  /** Uploads a post uses that are not in the uploads folder (or every upload, without one). */
  mediaMissing: MissingMedia[];
  /** Files that could not be written, each with why. */
  failures: string[];
}

export type WriteOutcome = { readonly [K in keyof Tally]: Tally[K] extends (infer T)[] ? readonly T[] : Tally[K] };

/**
 * Writes each article as a page bundle, `YEAR/SLUG/index.md`, with its
 * media beside it, each file whole or not at all (a full disk leaves none cut
 * short). An article imported before (the same `wp_id` anywhere in
 * the content folder, moved or not) is found where it is. A file is never
 * replaced without `overwrite`; one whose text would not change is not
 * written at all, so a second run with nothing new changes nothing.
 */
export async function writeArticles(articles: readonly ImportedArticle[], options: WriteOptions): Promise<WriteOutcome> {
  const existing = await importedArticlesIn(options.contentDir);
  const taken = new Set(existing.values());
  const outcome: Tally = { written: [], replaced: 0, unchanged: 0, kept: [], mediaCopied: 0, mediaUnchanged: 0, mediaMissing: [], failures: [] };
  for (const article of articles) {
    const path = existing.get(article.key) ?? (await freePath(article, options.contentDir, taken));
    taken.add(path);
    try {
      await writeArticle(article, path, options, outcome);
    } catch (cause) {
      outcome.failures.push(`${path}: could not be written (${errorCodeOf(cause)})`);
    }
  }
  return outcome;
}

async function writeArticle(article: ImportedArticle, path: string, options: WriteOptions, outcome: Tally): Promise<void> {
  const target = join(options.contentDir, path);
  const text = articleText(article);
  const before = await readText(target);
  if (before === text) outcome.unchanged += 1;
  else if (before !== undefined && !options.overwrite) outcome.kept.push(path);
  else {
    await mkdir(dirname(target), { recursive: true });
    await writeFileWhole(target, text);
    outcome.written.push(path);
    if (before !== undefined) outcome.replaced += 1;
  }
  const bundle = posix.basename(path) === "index.md" ? dirname(target) : undefined;
  for (const file of article.media) {
    if (!file.found || options.uploadsDir === undefined || bundle === undefined) {
      outcome.mediaMissing.push({ article: path, file });
      continue;
    }
    const copied = await copyMedia(join(options.uploadsDir, file.uploadsPath), join(bundle, file.localName), options.overwrite);
    if (copied) outcome.mediaCopied += 1;
    else outcome.mediaUnchanged += 1;
  }
}

/** Copies a file unless one of that size is already there (or any file, without --overwrite). */
async function copyMedia(from: string, to: string, overwrite: boolean): Promise<boolean> {
  const [source, target] = await Promise.all([stat(from), stat(to).catch(() => undefined)]);
  if (target !== undefined && (target.size === source.size || !overwrite)) return false;
  await mkdir(dirname(to), { recursive: true });
  await copyFileWhole(from, to);
  return true;
}

/**
 * `YEAR/SLUG/index.md`, or `YEAR/SLUG-ID/index.md` when another article
 * holds that folder. A feed's entries have no id to find them by: the file
 * of an entry's folder is taken to be that entry, imported before.
 */
async function freePath(article: ImportedArticle, contentDir: string, taken: ReadonlySet<string>): Promise<string> {
  const base = `${article.day.slice(0, 4)}/${article.frontMatter.slug}`;
  const id = article.frontMatter.wp_id;
  const candidates = [base, ...(id === undefined ? [] : [`${base}-${id}`])];
  for (let counter = 2; ; counter += 1) {
    const folder = candidates.shift() ?? `${base}-${counter}`;
    const path = `${folder}/index.md`;
    if (!taken.has(path) && (id === undefined || !(await holdsAnArticle(join(contentDir, folder))))) return path;
  }
}

async function holdsAnArticle(folder: string): Promise<boolean> {
  try {
    return (await readdir(folder)).some((name) => name.endsWith(".md") || name.endsWith(".markdown"));
  } catch {
    return false;
  }
}

async function readText(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, "utf8");
  } catch (cause) {
    if (errorCodeOf(cause) === "ENOENT") return undefined;
    throw cause;
  }
}

const FRONT_MATTER = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;
const WP_ID_LINE = /^wp_id:\s*["']?(\d+)["']?\s*$/m;

/** The articles of the content folder imported from WordPress before: "wp:ID" → path. */
async function importedArticlesIn(contentDir: string): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  let names: string[];
  try {
    names = (await readdir(contentDir, { recursive: true })).map((name) => name.split("\\").join("/")).sort();
  } catch (cause) {
    if (errorCodeOf(cause) === "ENOENT") return found;
    throw cause;
  }
  for (const name of names.filter((entry) => /\.(md|markdown)$/i.test(entry))) {
    const text = await readFile(join(contentDir, name), "utf8").catch(() => "");
    const frontMatter = FRONT_MATTER.exec(text)?.[1] ?? "";
    const id = WP_ID_LINE.exec(frontMatter)?.[1];
    if (id !== undefined && !found.has(`wp:${id}`)) found.set(`wp:${id}`, name);
  }
  return found;
}

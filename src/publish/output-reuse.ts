import { lstatSync, mkdirSync, readdirSync, rmSync } from "node:fs";
import { rm } from "node:fs/promises";
import { dirname, join, posix } from "node:path";
import { linkElseCopy, listFolder, removeEmptyFolders, removeFile, removeFileAndEmptyFolders, sameFile, type FolderListing } from "../core/files.ts";
import { SEARCH_INDEX_DIR } from "../search/search-index.ts";
import { NO_RECORD, readRecord, writeRecord, type OutputRecord } from "./output-record.ts";

/** Where the previous output is and where the new one is written, and where the record of what made them is kept. */
interface OutputReuseOptions {
  /** The output folder the build replaces (it may not exist). */
  readonly previousDir: string;
  /** The folder the build writes, which replaces it. */
  readonly stagingDir: string;
  /** The record of what made `previousDir`, written by the last build's `save`; none: nothing is reused, nothing recorded. */
  readonly recordFile?: string;
  /**
   * The folder where `previousDir` is kept once replaced (writeAtomically's
   * `keepReplacedIn`): `save` puts the record of what made it inside it, so
   * that the folder and its record move together.
   */
  readonly replacedKeptIn?: string;
  /** `stagingDir` is not new but an output an earlier build replaced and kept, its record inside it. */
  readonly stagingKept?: boolean;
  /** Lists a kept staging folder (listFolder) in another thread as it is opened, for `removeUnclaimed`, which lists it otherwise. */
  readonly listInThread?: (root: string, skipped: readonly string[]) => Promise<FolderListing>;
}

/** The top-level folders of an output that keep their own files, which `removeUnclaimed` leaves alone: the search index's (its FolderSink). */
const KEPT_APART = [SEARCH_INDEX_DIR];

/** The record of a kept output, inside it: taken out as soon as a build starts from the folder, so never published. */
const KEPT_RECORD = ".news-archive-record.bin";

/** What reusing saved, for the build's summary. */
export interface ReuseReport {
  /** Files hard-linked from the previous output. */
  readonly linked: number;
  /** Files copied from it, where the file system refused a link. */
  readonly copied: number;
}

/**
 * Unchanged files of the previous build's output put into the new output
 * without being written again: hard-linked (a link is a few microseconds,
 * whatever the file's size), or copied where the file system refuses links.
 * The build still writes a whole new folder, swapped in at once; the new
 * folder shares the unchanged files' storage with the old one. Nothing ever
 * writes into a reused file: each path of the new folder is either reused or
 * written, once.
 *
 * A file is reused when the previous build recorded it with the same source
 * (see OutputRecord) and it has not been modified since that record was
 * taken (its modification time is not later): a file edited or replaced in
 * the output folder by hand is written anew. The pages and the files beside
 * them use it (the search index's files, named by their content, are kept by
 * the index's own FolderSink).
 *
 * The new folder may also start as the output an earlier build replaced
 * (`stagingKept`), kept rather than removed: removing a site's every file
 * and folder and linking them again cost an edit's rebuild more than
 * anything else (at 4,000 articles 1.3 s and 0.7 s of a 4.8 s build; at
 * 100,000, 35 s). Its file made from the same source, unmodified, is kept
 * where it is; each other file of it is removed when its path is asked for
 * (whatever its letter case), before anything is written there (it may be a
 * link to the same storage as a file of the output in place); and every
 * file no one asked for, recorded or not (a page `npm start` wrote into the
 * output, a file added by hand), is removed by `removeUnclaimed`.
 *
 * Usage: `open`, then for each file either `reuse(path, source)` or, when
 * that is false, write it and call `wrote(path, source)`; then
 * `removeUnclaimed`; once the new folder has replaced the output, `save`.
 */
export class OutputReuse {
  readonly #options: OutputReuseOptions;
  readonly #before: OutputRecord;
  /** What the staging folder held when the build began (by path in lower case, as a file system may ignore case), less the paths asked for since. */
  readonly #staged: Map<string, { readonly path: string; readonly source: string }>;
  readonly #stagedAtMs: number;
  /** What the kept staging folder held once opened, listed in another thread (`listInThread`), until `removeUnclaimed`. */
  #listing: Promise<FolderListing> | undefined;
  readonly #sources = new Map<string, string>();
  /** Folders of the new output made so far, so that each is made once. */
  readonly #folders = new Set<string>();
  /** Links chosen by reuseLater, not made yet. */
  readonly #later: FileLink[] = [];
  #linked = 0;
  #copied = 0;

  private constructor(options: OutputReuseOptions, before: OutputRecord, staged: OutputRecord) {
    this.#options = options;
    this.#before = before;
    this.#staged = new Map([...staged.sources].map(([path, source]) => [path.toLowerCase(), { path, source }]));
    this.#stagedAtMs = staged.recordedAtMs;
  }

  /**
   * Reads the record of the previous output, if there is one that can be
   * read (one that cannot reuses nothing), and that of the staging folder
   * when it is an earlier output: without one it is emptied.
   */
  static async open(options: OutputReuseOptions): Promise<OutputReuse> {
    const before = options.recordFile === undefined ? NO_RECORD : await readRecord(options.recordFile);
    let staged = NO_RECORD;
    if (options.stagingKept === true) {
      const record = join(options.stagingDir, KEPT_RECORD);
      staged = await readRecord(record);
      // Not to be published; and the folder changes from now on, whatever becomes of this build.
      await rm(record, { force: true });
      // Seldom (its build stopped before writing the record, or could not): emptied, it is a new folder, of which
      // nothing is to be removed (a page is asked for once rendered where no digest chose it first).
      if (staged.sources.size === 0) {
        for (const name of readdirSync(options.stagingDir)) rmSync(join(options.stagingDir, name), { recursive: true, force: true });
        return new OutputReuse({ ...options, stagingKept: false }, before, staged);
      }
    }
    const reuse = new OutputReuse(options, before, staged);
    if (options.stagingKept === true && options.listInThread !== undefined) {
      reuse.#listing = options.listInThread(options.stagingDir, KEPT_APART);
      reuse.#listing.catch(() => undefined); // Awaited by removeUnclaimed, which a failed build may never reach.
    }
    return reuse;
  }

  /**
   * Puts the previous output's file at `path` into the new output when the
   * previous build made it from the same `source` and it is unchanged since;
   * true when it did. False, and nothing done, when the file is to be written.
   */
  reuse(path: string, source: string): boolean {
    if (this.#keptInStaging(path, source)) return true;
    const link = this.#linkFor(path, source);
    if (link === undefined) return false;
    if (link === MADE_ALREADY) return true;
    const made = linkOrCopy(link, this.#folders);
    if (made === undefined) return false;
    this.#count(made === "linked" ? { linked: 1, copied: 0 } : { linked: 0, copied: 1 });
    this.#sources.set(path, source);
    return true;
  }

  /**
   * As `reuse`, but the link is left for later: true when the file is to be
   * linked, which `takeLinks` then hands over, to be made by `makeLinks`
   * (in a worker thread, while this one writes other files). Used for the
   * pages, thousands of folders and links that a build need not wait for.
   */
  reuseLater(path: string, source: string): boolean {
    if (this.#keptInStaging(path, source)) return true;
    const link = this.#linkFor(path, source);
    if (link === undefined) return false;
    if (link !== MADE_ALREADY) {
      this.#later.push(link);
      this.#sources.set(path, source);
    }
    return true;
  }

  /** The links `reuseLater` chose since the last call, to be made with `makeLinks`, whose report goes to `linked`. */
  takeLinks(): FileLink[] {
    return this.#later.splice(0);
  }

  /** Counts the links `makeLinks` made of those `takeLinks` gave. */
  linked(report: ReuseReport): void {
    this.#count(report);
  }

  /**
   * Records that the file at `path` of the new output was written from
   * `source`. A fault is thrown for a path of a kept output never asked for:
   * found after the write, which may have changed the output in place too,
   * it is for the tests to find.
   */
  wrote(path: string, source: string): void {
    if (this.#staged.has(path.toLowerCase()))
      throw new Error(`${path}: written into a kept output without being asked for first; this is a fault of news-archive, please report it`);
    this.#sources.set(path, source);
  }

  /**
   * Removes every file of the earlier output the staging folder started as
   * that no one asked for, recorded or not, but those under `KEPT_APART`,
   * and the folders left empty. To be called once every file is asked for
   * and nothing writes into the folder again. The folder was listed as it
   * was opened (in another thread), so that every file written into it since
   * must have been asked for first (`reuse`, `reuseLater` or `wrote`): one
   * that was not is left, or removed, by chance.
   */
  async removeUnclaimed(): Promise<void> {
    if (this.#options.stagingKept !== true) return;
    const root = this.#options.stagingDir;
    const listing = (await this.#listing) ?? listFolder(root, KEPT_APART);
    this.#listing = undefined;
    const withEntries = new Set<string>();
    for (const paths of [listing.files, listing.folders]) for (const path of paths) withEntries.add(posix.dirname(path));
    let claimedByCase: Map<string, string> | undefined;
    for (const path of listing.files) {
      if (this.#sources.has(path)) continue;
      // Asked for in another letter case (the file's, or a folder's above it, as the folder keeps its own): where case is ignored, the same file.
      claimedByCase ??= new Map([...this.#sources.keys()].map((claimed) => [claimed.toLowerCase(), claimed]));
      const twin = claimedByCase.get(path.toLowerCase());
      if (twin !== undefined && sameFile(join(root, path), join(root, twin))) continue;
      removeFileAndEmptyFolders(join(root, path), root);
    }
    // A folder left empty before (a page npm start removed) goes too.
    for (const folder of listing.folders) if (!withEntries.has(folder)) removeEmptyFolders(join(root, folder), root);
    this.#staged.clear();
  }

  /** Whether the staging folder started as an earlier output, whose files this build keeps where they are unchanged. */
  get stagingKept(): boolean {
    return this.#options.stagingKept === true;
  }

  /** Whether a record is kept: without one (no build cache), nothing is reused, and sources need not be computed. */
  get recording(): boolean {
    return this.#options.recordFile !== undefined;
  }

  /** Whether the previous build left a record of files to reuse: without one (a first build), every file is to be written. */
  get canReuse(): boolean {
    return this.#before.sources.size > 0 || this.#staged.size > 0;
  }

  get report(): ReuseReport {
    return { linked: this.#linked, copied: this.#copied };
  }

  /**
   * Removes the record of the output in place, just before the new output
   * replaces it: from then until `save`, no record is better than the old
   * one, which no longer describes the output (a file kept from two builds
   * back has an old time but may be another source than the record says).
   */
  forgetRecord(): void {
    if (this.#options.recordFile === undefined) return;
    try {
      rmSync(this.#options.recordFile, { force: true });
    } catch {
      // A cache that cannot be written (reported by `save`) holds no record this build could have left stale.
    }
  }

  /**
   * Keeps the record of the new output for the next build, once it has
   * replaced the previous output (after `forgetRecord`), and, when that was
   * kept (`replacedKept`), the record of what made it inside it. Each is
   * replaced atomically; one that cannot be written is an error for the
   * caller to report (the next build then writes every file).
   */
  async save(replacedKept: boolean): Promise<void> {
    const { recordFile, replacedKeptIn } = this.#options;
    if (recordFile === undefined) return;
    if (replacedKept && replacedKeptIn !== undefined && this.#before.sources.size > 0) await writeRecord(join(replacedKeptIn, KEPT_RECORD), this.#before);
    // Taken after every write of this build: a later modification time means a file changed since. Date.now()
    // drops the fraction of a millisecond that file times keep: a file written in this very millisecond is not later.
    await writeRecord(recordFile, { recordedAtMs: Date.now() + 1, sources: this.#sources });
  }

  /**
   * Whether the staging folder's own file at `path` (it started as an
   * earlier output) is kept: true when made from `source` and unmodified
   * since; false when there is none, or it was removed, to be linked or
   * written anew.
   */
  #keptInStaging(path: string, source: string): boolean {
    const made = this.#staged.get(path.toLowerCase());
    if (made === undefined) return false;
    this.#staged.delete(path.toLowerCase());
    const file = join(this.#options.stagingDir, made.path);
    if (made.path === path && made.source === source && unmodifiedSince(file, this.#stagedAtMs)) {
      this.#sources.set(path, source);
      return true;
    }
    // It may share its storage with the output in place (linked from it, or it from this one): written over, both would
    // change. Its folder stays: a worker thread may be writing a page into it.
    removeFile(file);
    return false;
  }

  /** The link that puts the previous output's file at `path` into the new output, MADE_ALREADY when this build has it already, undefined when it is to be written. */
  #linkFor(path: string, source: string): FileLink | typeof MADE_ALREADY | undefined {
    const already = this.#sources.get(path);
    if (already !== undefined) {
      // Written over, a linked file would change the previous output too.
      if (already !== source) throw new Error(`${path}: one build made two different files at this path`);
      return MADE_ALREADY;
    }
    if (this.#before.sources.get(path) !== source) return undefined;
    const from = join(this.#options.previousDir, path);
    if (!unmodifiedSince(from, this.#before.recordedAtMs)) return undefined;
    return { from, to: join(this.#options.stagingDir, path) };
  }

  #count(report: ReuseReport): void {
    this.#linked += report.linked;
    this.#copied += report.copied;
  }
}

/** A file of the previous output to put at a path of the new one. */
export interface FileLink {
  readonly from: string;
  readonly to: string;
}

const MADE_ALREADY = Symbol("made already");

/**
 * Makes the links `OutputReuse.takeLinks` gave, each folder once; a file
 * the file system refuses to link is copied. A link that fails otherwise
 * (the previous file gone since it was chosen) is an error naming it: the
 * page it was to be is no longer rendered instead.
 */
export function makeLinks(links: readonly FileLink[]): ReuseReport {
  const folders = new Set<string>();
  const report = { linked: 0, copied: 0 };
  for (const link of links) {
    const made = linkOrCopy(link, folders);
    if (made === undefined) throw new Error(`${link.from}: could not be linked into the new output (it changed during the build); build again`);
    report[made] += 1;
  }
  return report;
}

/** Links `link.from` at `link.to` (or copies it where the file system refuses links), making its folder unless `folders` has it; undefined when neither could be done. */
function linkOrCopy({ from, to }: FileLink, folders: Set<string>): "linked" | "copied" | undefined {
  const folder = dirname(to);
  if (!folders.has(folder)) {
    mkdirSync(folder, { recursive: true });
    folders.add(folder);
  }
  try {
    return linkElseCopy(from, to);
  } catch {
    return undefined;
  }
}

/** Whether `file` is a file not modified after `recordedAtMs` (false when it is gone). */
function unmodifiedSince(file: string, recordedAtMs: number): boolean {
  try {
    const stats = lstatSync(file);
    return stats.isFile() && stats.mtimeMs <= recordedAtMs;
  } catch {
    return false;
  }
}

import { randomBytes } from "node:crypto";
import { copyFileSync, linkSync, lstatSync, mkdirSync } from "node:fs";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { deserialize, serialize } from "node:v8";
import { errorCodeOf } from "../core/diagnostics.ts";

/**
 * What a build's output folder was made from, kept for the next build: each
 * file's path (from the folder, with forward slashes) and its source, a
 * string that changes whenever what the file holds would (a digest of a
 * page's view and of the templates and code that print it, of an index
 * part's records...), and when the record was taken.
 */
interface OutputRecord {
  readonly recordedAtMs: number;
  readonly sources: ReadonlyMap<string, string>;
}

/** Where the previous output is and where the new one is written, and where the record of what made them is kept. */
interface OutputReuseOptions {
  /** The output folder the build replaces (it may not exist). */
  readonly previousDir: string;
  /** The folder the build writes, which replaces it. */
  readonly stagingDir: string;
  /** The record of what made `previousDir`, written by the last build's `save`; none: nothing is reused, nothing recorded. */
  readonly recordFile?: string;
}

/** What reusing saved, for the build's summary. */
export interface ReuseReport {
  /** Files hard-linked from the previous output. */
  readonly linked: number;
  /** Files copied from it, where the file system refused a link. */
  readonly copied: number;
}

/** Errors of `link` that mean "not on this file system": the file is copied instead. */
const LINK_REFUSED = new Set(["EXDEV", "EPERM", "EMLINK", "ENOTSUP", "EOPNOTSUPP", "ENOSYS"]);

/**
 * Unchanged files of the previous build's output put into the new output
 * without being written again: hard-linked (a link is a few microseconds,
 * whatever the file's size), or copied where the file system refuses links.
 * The build still writes a whole new folder, swapped in at once; the new
 * folder shares the unchanged files' storage with the old one, which is then
 * removed. Nothing ever writes into a reused file: each path of the new
 * folder is either reused or written, once.
 *
 * A file is reused when the previous build recorded it with the same source
 * (see OutputRecord) and it has not been modified since that record was
 * taken (its modification time is not later): a file edited or replaced in
 * the output folder by hand is written anew. Any part of a build can use it
 * for the files it writes: pages, files beside them, the search index's parts.
 *
 * Usage: `open`, then for each file either `reuse(path, source)` or, when
 * that is false, write it and call `wrote(path, source)`; once the new
 * folder has replaced the output, `save`.
 */
export class OutputReuse {
  readonly #options: OutputReuseOptions;
  readonly #before: OutputRecord;
  readonly #sources = new Map<string, string>();
  /** Folders of the new output made so far, so that each is made once. */
  readonly #folders = new Set<string>();
  /** Links chosen by reuseLater, not made yet. */
  readonly #later: FileLink[] = [];
  #linked = 0;
  #copied = 0;

  private constructor(options: OutputReuseOptions, before: OutputRecord) {
    this.#options = options;
    this.#before = before;
  }

  /** Reads the record of the previous output, if there is one that can be read; a record that cannot be read reuses nothing. */
  static async open(options: OutputReuseOptions): Promise<OutputReuse> {
    return new OutputReuse(options, options.recordFile === undefined ? NO_RECORD : await readRecord(options.recordFile));
  }

  /**
   * Puts the previous output's file at `path` into the new output when the
   * previous build made it from the same `source` and it is unchanged since;
   * true when it did. False, and nothing done, when the file is to be written.
   */
  reuse(path: string, source: string): boolean {
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

  /** Records that the file at `path` of the new output was written from `source`. */
  wrote(path: string, source: string): void {
    this.#sources.set(path, source);
  }

  /** Whether a record is kept: without one (no build cache), nothing is reused, and sources need not be computed. */
  get recording(): boolean {
    return this.#options.recordFile !== undefined;
  }

  /** Whether the previous build left a record of files to reuse: without one (a first build), every file is to be written. */
  get canReuse(): boolean {
    return this.#before.sources.size > 0;
  }

  get report(): ReuseReport {
    return { linked: this.#linked, copied: this.#copied };
  }

  /**
   * Keeps the record of the new output for the next build. To be called once
   * it has replaced the previous output: until then the old record still
   * describes the folder in place. The record is replaced atomically; one
   * that cannot be written is an error for the caller to report (the next
   * build then writes every file).
   */
  async save(): Promise<void> {
    const file = this.#options.recordFile;
    if (file === undefined) return;
    // Taken after every write of this build: a later modification time means a file changed since. Date.now()
    // drops the fraction of a millisecond that file times keep: a file written in this very millisecond is not later.
    const record: OutputRecord = { recordedAtMs: Date.now() + 1, sources: this.#sources };
    await mkdir(dirname(file), { recursive: true });
    const temporary = `${file}.${process.pid}-${randomBytes(4).toString("hex")}.tmp`;
    try {
      await writeFile(temporary, serialize(record));
      await rename(temporary, file);
    } catch (cause) {
      await rm(temporary, { force: true });
      throw cause;
    }
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
    try {
      const stats = lstatSync(from);
      if (!stats.isFile() || stats.mtimeMs > this.#before.recordedAtMs) return undefined;
    } catch {
      return undefined;
    }
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
    linkSync(from, to);
    return "linked";
  } catch (cause) {
    if (!LINK_REFUSED.has(errorCodeOf(cause))) return undefined;
    copyFileSync(from, to);
    return "copied";
  }
}

const NO_RECORD: OutputRecord = { recordedAtMs: 0, sources: new Map() };

async function readRecord(file: string): Promise<OutputRecord> {
  try {
    const record: unknown = deserialize(await readFile(file));
    if (typeof record !== "object" || record === null || !("recordedAtMs" in record) || !("sources" in record)) return NO_RECORD;
    const { recordedAtMs, sources } = record;
    if (typeof recordedAtMs !== "number" || !(sources instanceof Map)) return NO_RECORD;
    return { recordedAtMs, sources: sources as ReadonlyMap<string, string> };
  } catch {
    // None yet, or unreadable (written by another Node version): every file is written.
    return NO_RECORD;
  }
}

// Where the search index's files go (index-write.ts writes them through an
// IndexSink): into memory, in the worker thread that makes them, or into the
// output's index folder. Either way compressed as the site serves them, and
// what the output being replaced already has is kept: a file named by its
// content, or a period's whole folder, linked from it; and, in a period's new
// folder, each file that is the same bytes as in the period's previous one.
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { linkElseCopy, removeFile, type FileInFolder } from "../core/files.ts";
import { SEARCH_FILE_EXTENSIONS, SEARCH_SCRIPT_CALLBACK } from "../core/search-files.browser.ts";
import type { IndexSink } from "./index-write.ts";
import { PreviousPeriods, type Compared } from "./previous-periods.ts";

/** Compression of the files the first search reads (dictionary, postings) and of the fragments, written by the thousand. */
const INDEX_LEVEL = 9;
const FRAGMENT_LEVEL = 6;

/** A file of the index, compressed; or one, or a folder of fragments, the output being replaced has. */
export type MadePart =
  | { readonly kind: "file"; readonly path: string; readonly content: string | Uint8Array }
  | { readonly kind: "kept"; readonly path: string }
  | { readonly kind: "kept-folder"; readonly folder: string; readonly files: number };
/** A file of the index as the site serves it: gzip-compressed, or as a classic script on a portable site. */
function servedFile(path: string, payload: Uint8Array, portable: boolean): string | Uint8Array {
  const compressed = gzipSync(payload, { level: path.includes("/") ? FRAGMENT_LEVEL : INDEX_LEVEL });
  return portable ? `${SEARCH_SCRIPT_CALLBACK}(${JSON.stringify(path)},"${compressed.toString("base64")}");\n` : compressed;
}

/** The index's file extension: fetched files, or classic scripts on a portable site. */
function extensionOf(portable: boolean): string {
  return portable ? SEARCH_FILE_EXTENSIONS.scripts : SEARCH_FILE_EXTENSIONS.fetched;
}

/** Whether the previous output's index folder has this file (its name, extension included). */
function previousHasFile(previousDir: string | undefined, name: string): boolean {
  return previousDir !== undefined && existsSync(join(previousDir, name));
}

/** Whether an index folder (the previous output's, or one written into) has a folder of `files` fragments. */
function holdsFolder(indexDir: string | undefined, folder: string, files: number): boolean {
  if (indexDir === undefined) return false;
  const from = join(indexDir, folder);
  return existsSync(from) && readdirSync(from).length === files;
}

/** Makes the index's files in memory, compressed; what the previous output has is named, to be linked from it. */
export class MemorySink implements IndexSink {
  readonly #previous: string | undefined;
  readonly #portable: boolean;
  readonly parts: MadePart[] = [];

  constructor(previous: string | undefined, portable: boolean) {
    this.#previous = previous;
    this.#portable = portable;
  }

  reuse(path: string): boolean {
    if (!previousHasFile(this.#previous, path + extensionOf(this.#portable))) return false;
    this.parts.push({ kind: "kept", path });
    return true;
  }

  reuseFolder(folder: string, files: number): boolean {
    if (!holdsFolder(this.#previous, folder, files)) return false;
    this.parts.push({ kind: "kept-folder", folder, files });
    return true;
  }

  write(path: string, payload: Uint8Array): void {
    const served = servedFile(path, payload, this.#portable);
    // gzipSync's result is a view of a buffer of 16 KB however small the file, and a view sent to another
    // thread takes its whole buffer along: the bytes alone are kept (at 4,000 articles, 7 MB held and sent, not 133 MB).
    this.parts.push({ kind: "file", path, content: typeof served === "string" ? served : Uint8Array.prototype.slice.call(served) });
  }
}

/** What a sink of a period's folder wrote and kept, for the sink of the whole index folder to count as its own (FolderSink.adopt). */
export interface FolderShare {
  readonly folders: readonly string[];
  readonly listing: readonly FileInFolder[];
  readonly linked: number;
}

/**
 * Writes the index's files into its folder, compressed, and keeps the
 * previous build's where it has them. A folder that holds an earlier build's
 * index (a build over the output an earlier one replaced, see OutputReuse,
 * or `npm start`'s, which writes into the output it serves) keeps the files
 * and period folders this index has too; each other one is removed before
 * its name is written (it may share its storage with the output in place,
 * or be a folder a failed build left half written), and those left by
 * `removeOthers`.
 */
export class FolderSink implements IndexSink {
  readonly #dir: string;
  readonly #previous: string | undefined;
  readonly #portable: boolean;
  readonly #holdsEarlier: boolean;
  /** Period folders of the earlier index checked: kept, or removed before being written. */
  readonly #checked = new Set<string>();
  readonly #extension: string;
  /** Names (files, and fragment folders) this build has, for removing the rest from a folder written into. */
  readonly #names = new Set<string>();
  readonly #folders = new Set<string>();
  readonly #made = new Set<string>();
  /** Where a new period folder's files are looked for in the previous output, made when first needed. */
  #previousPeriods: PreviousPeriods | undefined;
  /** The files of the index folder this build has, each with its size (paths from the folder). */
  readonly listing: FileInFolder[] = [];
  files = 0;
  bytes = 0;
  /** Files of new period folders linked from the previous output, the same bytes. */
  linked = 0;

  constructor(dir: string, previous: string | undefined, portable: boolean, holdsEarlier = false) {
    this.#dir = dir;
    this.#previous = previous;
    this.#portable = portable;
    this.#holdsEarlier = holdsEarlier || (previous !== undefined && resolve(previous) === resolve(dir));
    this.#extension = extensionOf(portable);
  }

  reuse(path: string): boolean {
    const name = path + this.#extension;
    if (this.#holdsEarlier && existsSync(join(this.#dir, name))) {
      this.#names.add(name);
      this.#count(name);
      return true;
    }
    return this.#take(name);
  }

  /** Whether `reuseFolder` would keep this folder of `files` files: the folder written into, or the previous output, has it. */
  hasFolder(folder: string, files: number): boolean {
    return (this.#holdsEarlier && holdsFolder(this.#dir, folder, files)) || holdsFolder(this.#previous, folder, files);
  }

  reuseFolder(folder: string, files: number): boolean {
    if (this.#keptEarlier(folder, files)) {
      this.#folders.add(folder);
      for (const name of readdirSync(join(this.#dir, folder))) this.#count(`${folder}/${name}`);
      return true;
    }
    if (this.#previous === undefined || !holdsFolder(this.#previous, folder, files)) return false;
    const from = join(this.#previous, folder);
    this.#folders.add(folder);
    if (resolve(from) !== resolve(this.#dir, folder)) {
      this.#folder(join(this.#dir, folder));
      for (const name of readdirSync(from)) linkElseCopy(join(from, name), join(this.#dir, folder, name));
    }
    for (const name of readdirSync(from)) this.#count(`${folder}/${name}`);
    return true;
  }

  write(path: string, payload: Uint8Array): void {
    // A period's file is compared with the previous folder's before it is compressed: most are the same, and compressing costs more than reading.
    this.#place(path, { payload });
  }

  /** Writes a file of the index as served (servedFile). */
  put(path: string, content: string | Uint8Array): void {
    this.#place(path, { served: content });
  }

  #place(path: string, file: Compared): void {
    const name = path + this.#extension;
    if (path.includes("/")) {
      const folder = path.slice(0, path.indexOf("/"));
      this.#keptEarlier(folder, undefined);
      this.#folders.add(folder);
      if (this.#linkUnchanged(folder, name, file)) return;
    } else if (this.#holdsEarlier) removeFile(join(this.#dir, name));
    this.#put(name, "served" in file ? file.served : servedFile(path, file.payload, this.#portable));
  }

  /**
   * Whether the earlier index this folder holds has the period folder
   * `folder` of `files` files, which is then kept; another of that name is
   * removed (checked once a folder).
   */
  #keptEarlier(folder: string, files: number | undefined): boolean {
    if (!this.#holdsEarlier || this.#checked.has(folder)) return false;
    this.#checked.add(folder);
    const path = join(this.#dir, folder);
    if (!existsSync(path)) return false;
    if (files !== undefined && readdirSync(path).length === files) return true;
    rmSync(path, { recursive: true, force: true });
    return false;
  }

  /**
   * A period's folder is named by all its fragments, so that one edited
   * article gives it a new name; its other files are the same as in the
   * previous build's folder of that period (PreviousPeriods finds them).
   * They are linked from it rather than written again: creating a file costs
   * this machine's file system 20 to 40 times what a link costs.
   */
  #linkUnchanged(folder: string, name: string, file: Compared): boolean {
    // A portable site's files name their own path: none is the same bytes in another folder.
    if (this.#previous === undefined || this.#portable) return false;
    this.#previousPeriods ??= new PreviousPeriods(this.#previous, this.#dir);
    const found = this.#previousPeriods.find(folder, name.slice(folder.length + 1), file);
    if (found === undefined) return false;
    const to = join(this.#dir, name);
    this.#folder(dirname(to));
    linkElseCopy(found.path, to);
    this.#listed(name, found.size);
    this.linked += 1;
    return true;
  }

  /** Takes a file the previous build has, linked into this build's folder. */
  #take(name: string): boolean {
    if (this.#previous === undefined || !previousHasFile(this.#previous, name)) return false;
    const from = join(this.#previous, name);
    const to = join(this.#dir, name);
    if (resolve(from) !== resolve(to)) {
      this.#folder(dirname(to));
      linkElseCopy(from, to);
    }
    this.#names.add(name);
    this.#count(name);
    return true;
  }

  #put(name: string, content: string | Uint8Array): void {
    const target = join(this.#dir, name);
    this.#folder(dirname(target));
    writeFileSync(target, content);
    if (!name.includes("/")) this.#names.add(name);
    this.#listed(name, typeof content === "string" ? Buffer.byteLength(content) : content.length);
  }

  /** Makes a folder once: a period's fragments are thousands of files in one. */
  #folder(path: string): void {
    if (this.#made.has(path)) return;
    mkdirSync(path, { recursive: true });
    this.#made.add(path);
  }

  /** Counts a file of the index folder already there (`name`, from the folder). */
  #count(name: string): void {
    this.#listed(name, statSync(join(this.#dir, name)).size);
  }

  #listed(name: string, bytes: number): void {
    this.listing.push({ path: name, bytes });
    this.files += 1;
    this.bytes += bytes;
  }

  /** The folders this sink wrote or kept, and their files (see FolderShare). */
  share(): FolderShare {
    return { folders: [...this.#folders], listing: this.listing, linked: this.linked };
  }

  /** Counts what another sink wrote into folders of this one's (its `share`) as written here: listed, and not removed by `removeOthers`. */
  adopt(share: FolderShare): void {
    for (const folder of share.folders) this.#folders.add(folder);
    for (const file of share.listing) this.#listed(file.path, file.bytes);
    this.linked += share.linked;
  }

  /** Removes what an earlier build left in a folder written into (npm start): files and fragment folders this build does not have. */
  removeOthers(): void {
    if (!existsSync(this.#dir)) return;
    for (const name of readdirSync(this.#dir))
      if (!this.#names.has(name) && !this.#folders.has(name)) rmSync(join(this.#dir, name), { recursive: true, force: true });
  }
}

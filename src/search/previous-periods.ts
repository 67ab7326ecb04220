// Where a period's new folder finds the files it shares with the previous
// output's folder of that period (FolderSink links them rather than writing
// them again): the same content, at the same place or moved by an article
// added, removed or moved before it.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { gunzipSync } from "node:zlib";

/**
 * The previous output's period folders, as a new period folder's files look
 * for their match there. That folder is the previous one holding one of the
 * new folder's first fragments (each holds its article's address: no two are
 * alike), byte for byte, or, for a payload, once decompressed; every file is
 * compared before it is taken. A period's files are named by their place in
 * it, so an article added or removed moves every later one by one place
 * (one moved by its date, those between its two places): each file is
 * looked for at the place the last one was found at, and one place either
 * side, until several in a row are found at none of them (articles added or
 * removed together at one place), when only that place is looked at.
 */
export class PreviousPeriods {
  readonly #previousDir: string;
  readonly #dir: string;
  /** The previous output's index folders (its periods'), listed when first needed. */
  #folders: string[] | undefined;
  /** For a new period folder, the previous output's folder of the same period, once found. */
  readonly #same = new Map<string, SamePeriod>();
  /** How many of a new folder's fragments were looked for in the previous output's folders, so far without a match. */
  readonly #probes = new Map<string, number>();

  /** `previousDir`: the previous output's index folder; `dir`: the one written, whose own folders are never a match. */
  constructor(previousDir: string, dir: string) {
    this.#previousDir = previousDir;
    this.#dir = dir;
  }

  /** The previous output's file holding what `compared` says, for the file `file` of the new period folder `folder`, and its size. */
  find(folder: string, file: string, compared: Compared): { readonly path: string; readonly size: number } | undefined {
    const same = this.#same.get(folder);
    if (same === undefined && isFragment(file) && (this.#probes.get(folder) ?? 0) < PERIOD_PROBES) {
      this.#probes.set(folder, (this.#probes.get(folder) ?? 0) + 1);
      this.#folders ??= previousFolders(this.#previousDir);
      const own = resolve(this.#dir, folder);
      for (const period of this.#folders) {
        const found = resolve(period) === own ? undefined : sameFileNear(period, file, [0, 1, -1], compared);
        if (found !== undefined) {
          this.#same.set(folder, { from: period, files: new Set(readdirSync(period)), shift: found.shift, misses: 0 });
          return { path: join(period, placeShifted(file, found.shift)), size: found.size };
        }
      }
    }
    if (same === undefined) return undefined;
    const { files, shift } = same;
    const near = (same.misses < MISSES_BEFORE_STAYING ? [shift, shift + 1, shift - 1] : [shift]).filter((at) => files.has(placeShifted(file, at)));
    const found = sameFileNear(same.from, file, near, compared);
    same.misses = found === undefined ? same.misses + 1 : 0;
    if (found === undefined) return undefined;
    same.shift = found.shift;
    return { path: join(same.from, placeShifted(file, found.shift)), size: found.size };
  }
}

/** How many of a new period folder's first files are looked for in the previous output's folders: an edit changes one article's two, seldom the first. */
const PERIOD_PROBES = 4;

/** The folders of the previous output's index (its periods'), none when it has no index. */
function previousFolders(previousDir: string): string[] {
  if (!existsSync(previousDir)) return [];
  return readdirSync(previousDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => join(previousDir, entry.name));
}

/** A new period folder's previous one: its files, how many places they have moved, and how many looked for in a row were not found. */
interface SamePeriod {
  readonly from: string;
  readonly files: ReadonlySet<string>;
  shift: number;
  misses: number;
}

/** Files looked for one place either side in a row, not found, before only the place of the last found is looked at. */
const MISSES_BEFORE_STAYING = 8;

/** Whether a period's file is an article's fragment (`fragmentFile`: "12.bin"), not its text ("12t.bin"). */
function isFragment(file: string): boolean {
  return /^\d+\./.test(file);
}

/**
 * The first of `shifts` at which a period's folder holds what `compared`
 * says in place of `file` (see placeShifted), and that file's size; none
 * when it holds it at none of them.
 */
function sameFileNear(
  periodDir: string,
  file: string,
  shifts: readonly number[],
  compared: Compared,
): { readonly shift: number; readonly size: number } | undefined {
  for (const near of shifts) {
    const size = sizeIfSame(join(periodDir, placeShifted(file, near)), compared);
    if (size !== undefined) return { shift: near, size };
  }
  return undefined;
}

/** A period's file (`fragmentFile`'s "12.bin", `fragmentTextFile`'s "12t.bin") named by its place moved by `shift` places. */
function placeShifted(file: string, shift: number): string {
  const place = /^\d+/.exec(file)?.[0];
  return place === undefined || shift === 0 ? file : `${Number(place) + shift}${file.slice(place.length)}`;
}

/** A gzip file's trailer: the content's checksum and length, 4 bytes each. */
const GZIP_TRAILER = 8;

/** What a file of the index is compared by: its bytes as served, or its payload, which the file holds compressed (index-sinks.ts servedFile). */
export type Compared = { readonly served: string | Uint8Array } | { readonly payload: Uint8Array };

/** The size of a file that holds what `compared` says; none when it does not, or cannot be read. */
function sizeIfSame(file: string, compared: Compared): number | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    return undefined;
  }
  if ("served" in compared) {
    const { served } = compared;
    return (typeof served === "string" ? bytes.toString("utf8") === served : bytes.equals(served)) ? bytes.length : undefined;
  }
  // A gzip file ends with its content's length (modulo 2^32): most files that differ are told apart without decompressing.
  if (bytes.length < GZIP_TRAILER || bytes.readUInt32LE(bytes.length - 4) !== compared.payload.length % 2 ** 32) return undefined;
  try {
    return gunzipSync(bytes).equals(compared.payload) ? bytes.length : undefined;
  } catch {
    return undefined;
  }
}

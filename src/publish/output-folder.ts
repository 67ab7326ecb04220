import { randomBytes } from "node:crypto";
import { chmodSync, chownSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { mkdir, readdir, rm } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { removeFile, removeTree } from "../core/files.ts";
import { lockOutput } from "./output-lock.ts";
import { outputTargetOf, type SwapMode } from "./output-target.ts";

/** A file in every output folder: a build replaces only folders that carry it (or empty ones). */
export const OUTPUT_MARKER = ".news-archive-output";
export const OUTPUT_MARKER_TEXT = "This folder is written by news-archive; each build replaces it whole.\n";

/** Why an existing folder must not be replaced by a build, or undefined when it may. */
export async function replaceRefusal(outputDir: string): Promise<string | undefined> {
  if (!existsSync(outputDir)) return undefined;
  const entries = await readdir(outputDir).catch(() => undefined);
  if (entries === undefined) return `${outputDir} exists and is not a folder; choose another output folder`;
  if (entries.length === 0 || entries.includes(OUTPUT_MARKER)) return undefined;
  return `${outputDir} holds files that a news-archive build did not write, and a build replaces the whole folder; empty it or choose another output folder`;
}

/** What a build wants to hear of how its site was published, and what writes into its staging folder besides this thread. */
interface PublishOptions {
  /** Told why, when the site was moved into the output folder in place rather than swapped in whole. */
  readonly publishedInPlace?: (why: string) => void;
  /** Stops the threads that write into the staging folder (the build's worker threads); resolves once none of their writes is under way. */
  readonly stop?: () => Promise<void>;
  /**
   * Where the output replaced by a swap is kept rather than removed (a folder
   * that must not exist otherwise, on the output's file system: a rename
   * puts it there); the next build given the same folder starts from it as
   * its staging folder. Removing a site's every file and folder costs a
   * rebuild more than anything else it does (see OutputReuse). Not kept
   * where it cannot be renamed there, nor when the site is moved in place.
   */
  readonly keepReplacedIn?: string;
  /** Called just before the new site replaces the output (synchronously, so that nothing falls between it and the swap). */
  readonly beforeSwap?: () => void;
  /** Called once the new site is in place, before the output's lock is released; told whether the output replaced was kept. */
  readonly afterSwap?: (replacedKept: boolean) => Promise<void>;
}

/** What a build writes into: a new, empty folder, or an output an earlier build replaced and kept (PublishOptions.keepReplacedIn). */
export interface StagingFolder {
  readonly dir: string;
  readonly startsAs: "empty" | "kept-output";
}

/**
 * Builds into a fresh folder and publishes it only when `write` succeeded,
 * so a failed or interrupted build leaves the previous output exactly as it
 * was. The folder is swapped in whole where the output's parent allows it,
 * else moved into the output folder in place (see output-target.ts); one
 * build at a time (output-lock.ts).
 */
export async function writeAtomically<T>(outputDir: string, write: (staging: StagingFolder) => Promise<T>, options: PublishOptions = {}): Promise<T> {
  const target = await outputTargetOf(outputDir);
  await mkdir(dirname(target.folder), { recursive: true });
  const release = lockOutput(target.lockFile, target.folder);
  try {
    if (target.mode.kind === "swap") return await publishBySwap(target.folder, target.mode, write, options);
    // An output kept from a swap is of no use to a site moved in place.
    if (options.keepReplacedIn !== undefined) removeTree(options.keepReplacedIn);
    const result = await publishInPlace(target.folder, (dir) => write({ dir, startsAs: "empty" }), [basename(target.lockFile)], options);
    options.publishedInPlace?.(target.mode.why);
    return result;
  } finally {
    release();
  }
}

/** Holds the output folder's lock while `npm start` writes into it; returns the function that releases it. */
export async function holdOutput(outputDir: string): Promise<() => void> {
  const target = await outputTargetOf(outputDir);
  await mkdir(dirname(target.folder), { recursive: true });
  return lockOutput(target.lockFile, target.folder);
}

/**
 * Built in a folder beside the output, given its mode and owner, and renamed
 * over it: a new folder, or the output an earlier build replaced and kept
 * (`keepReplacedIn`), moved there.
 */
async function publishBySwap<T>(outputDir: string, mode: SwapMode, write: (staging: StagingFolder) => Promise<T>, options: PublishOptions): Promise<T> {
  const { stop, keepReplacedIn, beforeSwap, afterSwap } = options;
  const parent = dirname(outputDir);
  const prefix = `.${basename(outputDir)}.building-`;
  // A build killed outright (SIGKILL, power loss) leaves its staging folder: remove such leftovers.
  for (const name of await readdir(parent)) {
    if (name.startsWith(prefix)) await rm(join(parent, name), { recursive: true, force: true });
  }
  // Not mkdtemp, which makes the folder 0700: this folder becomes the published site, which a web
  // server running as another user, or a copy made with rsync -a, must be able to read. mkdir gives
  // 0777 less the umask, as for every folder made inside it; it fails on a name already taken.
  const staging = join(parent, `${prefix}${randomBytes(6).toString("hex")}`);
  const startsAs = keepReplacedIn !== undefined && movedIfThere(keepReplacedIn, staging) ? "kept-output" : "empty";
  // Written once the site is: until then the folder is not one a build finished (and a listing of its files leaves it out).
  if (startsAs === "kept-output") removeFile(join(staging, OUTPUT_MARKER));
  else await mkdir(staging);
  if (mode.keep !== undefined) {
    // Owner first: a change of owner may clear the setgid bit, which the mode gives back (folders made inside inherit its group).
    chownSync(staging, mode.keep.uid, mode.keep.gid);
    chmodSync(staging, mode.keep.mode);
  }
  const previous = `${staging}.previous`;
  return whileInterruptible(staging, [previous], stop, async () => {
    const result = await write({ dir: staging, startsAs });
    writeFileSync(join(staging, OUTPUT_MARKER), OUTPUT_MARKER_TEXT);
    beforeSwap?.();
    let replacedKept = false;
    // Synchronous, so that an interruption cannot fall between the two renames and leave no output folder.
    if (existsSync(outputDir)) {
      renameSync(outputDir, previous);
      try {
        renameSync(staging, outputDir);
      } catch (cause) {
        renameSync(previous, outputDir);
        throw cause;
      }
      replacedKept = keepReplacedIn !== undefined && movedIfThere(previous, keepReplacedIn);
      if (!replacedKept) removeTree(previous);
    } else {
      renameSync(staging, outputDir);
    }
    await afterSwap?.(replacedKept);
    return result;
  });
}

/** Renames `from` to `to` (made its parent first); false when `from` does not exist or cannot be renamed there (another file system), and then it is removed. */
function movedIfThere(from: string, to: string): boolean {
  if (!existsSync(from)) return false;
  try {
    mkdirSync(dirname(to), { recursive: true });
    renameSync(from, to);
    return true;
  } catch {
    removeTree(from);
    return false;
  }
}

const IN_PLACE_STAGING = ".news-archive-building-";
const IN_PLACE_PREVIOUS = ".news-archive-previous-";

/**
 * Built in a hidden folder inside the output folder (on its file system, so
 * every move is a rename), then moved in entry by entry, each old entry
 * moved aside first; the entries of the old site the new one lacks go too,
 * but those named in `kept` (the lock). The output folder itself is never
 * replaced. A move that fails puts back every entry moved before it.
 */
async function publishInPlace<T>(
  outputDir: string,
  write: (stagingDir: string) => Promise<T>,
  kept: readonly string[],
  { stop, beforeSwap, afterSwap }: PublishOptions,
): Promise<T> {
  for (const name of await readdir(outputDir)) {
    if (name.startsWith(IN_PLACE_STAGING) || name.startsWith(IN_PLACE_PREVIOUS)) await rm(join(outputDir, name), { recursive: true, force: true });
  }
  const suffix = randomBytes(6).toString("hex");
  const staging = join(outputDir, `${IN_PLACE_STAGING}${suffix}`);
  const previous = join(outputDir, `${IN_PLACE_PREVIOUS}${suffix}`);
  await mkdir(staging);
  return whileInterruptible(staging, [previous], stop, async () => {
    const result = await write(staging);
    writeFileSync(join(staging, OUTPUT_MARKER), OUTPUT_MARKER_TEXT);
    beforeSwap?.();
    // Synchronous, so that no interruption falls between two moves.
    mkdirSync(previous);
    const old = readdirSync(outputDir).filter((name) => ![basename(staging), basename(previous), ...kept].includes(name));
    const moves = [
      ...old.map((name) => [join(outputDir, name), join(previous, name)] as const),
      ...readdirSync(staging).map((name) => [join(staging, name), join(outputDir, name)] as const),
    ];
    moveAll(moves);
    rmSync(staging, { recursive: true, force: true });
    removeTree(previous);
    await afterSwap?.(false);
    return result;
  });
}

/** Renames each pair in turn; when one fails, the ones done are undone, newest first, and the failure thrown. */
function moveAll(moves: readonly (readonly [string, string])[]): void {
  const done: (readonly [string, string])[] = [];
  try {
    for (const [from, to] of moves) {
      renameSync(from, to);
      done.push([from, to]);
    }
  } catch (cause) {
    for (const [from, to] of done.reverse()) renameSync(to, from);
    throw cause;
  }
}

/**
 * Runs `work`, removing the folder it builds in when it fails, and that
 * folder and `alsoOnInterrupt` when the build is interrupted (Ctrl+C,
 * SIGTERM). The handler runs between two tasks of the event loop, so the
 * writes into the staging folder are synchronous (Eleventy's pages,
 * writeBesidePages): none is half done, or still to land, when it runs.
 * Other threads writing into it are stopped first (`stop`); a thread stops
 * once its write under way is done.
 */
async function whileInterruptible<T>(staging: string, alsoOnInterrupt: readonly string[], stop: PublishOptions["stop"], work: () => Promise<T>): Promise<T> {
  const onInterrupt = (): void => {
    const remove = (): never => {
      try {
        // Retried: removing a folder another process still writes into fails at first (ENOTEMPTY).
        rmSync(staging, { recursive: true, force: true, maxRetries: 10, retryDelay: 20 });
        for (const folder of alsoOnInterrupt) rmSync(folder, { recursive: true, force: true });
      } finally {
        process.exit(130);
      }
    };
    if (stop === undefined) remove();
    else void stop().finally(remove);
  };
  process.once("SIGINT", onInterrupt);
  process.once("SIGTERM", onInterrupt);
  try {
    return await work();
  } catch (cause) {
    await rm(staging, { recursive: true, force: true });
    throw cause;
  } finally {
    process.off("SIGINT", onInterrupt);
    process.off("SIGTERM", onInterrupt);
  }
}

import { randomBytes } from "node:crypto";
import { existsSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { mkdir, readdir, rm } from "node:fs/promises";
import { basename, dirname, join } from "node:path";

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

/**
 * Builds into a fresh folder beside the output folder and swaps it in only
 * when `write` succeeded, so a failed or interrupted build leaves the
 * previous output exactly as it was.
 */
export async function writeAtomically<T>(outputDir: string, write: (stagingDir: string) => Promise<T>): Promise<T> {
  const parent = dirname(outputDir);
  await mkdir(parent, { recursive: true });
  const prefix = `.${basename(outputDir)}.building-`;
  // A build killed outright (SIGKILL, power loss) leaves its staging folder: remove such leftovers.
  for (const name of await readdir(parent)) {
    if (name.startsWith(prefix)) await rm(join(parent, name), { recursive: true, force: true });
  }
  // Not mkdtemp, which makes the folder 0700: this folder becomes the published site, which a web
  // server running as another user, or a copy made with rsync -a, must be able to read. mkdir gives
  // 0777 less the umask, as for every folder made inside it; it fails on a name already taken.
  const staging = join(parent, `${prefix}${randomBytes(6).toString("hex")}`);
  await mkdir(staging);
  const previous = `${staging}.previous`;
  // The handler runs between two tasks of the event loop, so the writes into the staging folder are
  // synchronous (Eleventy's pages, writeBesidePages): none is half done, or still to land, when it runs.
  const onInterrupt = (): void => {
    try {
      // Retried: removing a folder another process still writes into fails at first (ENOTEMPTY).
      rmSync(staging, { recursive: true, force: true, maxRetries: 10, retryDelay: 20 });
      rmSync(previous, { recursive: true, force: true });
    } finally {
      process.exit(130);
    }
  };
  process.once("SIGINT", onInterrupt);
  process.once("SIGTERM", onInterrupt);
  try {
    const result = await write(staging);
    writeFileSync(join(staging, OUTPUT_MARKER), OUTPUT_MARKER_TEXT);
    // Synchronous, so that an interruption cannot fall between the two renames and leave no output folder.
    if (existsSync(outputDir)) {
      renameSync(outputDir, previous);
      renameSync(staging, outputDir);
      await rm(previous, { recursive: true, force: true });
    } else {
      renameSync(staging, outputDir);
    }
    return result;
  } catch (cause) {
    await rm(staging, { recursive: true, force: true });
    throw cause;
  } finally {
    process.off("SIGINT", onInterrupt);
    process.off("SIGTERM", onInterrupt);
  }
}


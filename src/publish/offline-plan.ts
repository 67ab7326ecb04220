import { createHash } from "node:crypto";
import type { OfflinePlan } from "../core/offline-types.browser.ts";

/** A file the worker may save: its URL relative to the site's root, its size, and what changes when its content does. */
export interface CacheableFile {
  readonly url: string;
  readonly bytes: number;
  readonly revision: string;
}

/** A file of the archive, for saving it whole: its URL relative to the site's root and its size. */
export interface ArchiveFile {
  readonly url: string;
  readonly bytes: number;
}

interface OfflinePlanInput {
  /** The theme's files and the pages saved on install (the home, archive, search and offline pages). */
  readonly shell: readonly CacheableFile[];
  /** Every file a reader may open or search with: pages, their images, the theme, the search index. */
  readonly archive: readonly ArchiveFile[];
  readonly searchIndex: string;
  readonly searchEntry: string;
  readonly offlinePage: string;
  readonly archiveList: string;
  /** The whole archive is saved on a first visit when it is at most this big. */
  readonly firstVisitBytes: number;
}

/** Published for other readers than people (feeds, sitemap, robots.txt), or shown by the host (404.html): not for reading offline. */
const NOT_FOR_READING = /(?:^|\/)(?:feed\.xml|feed\.json|sitemap\.xml|robots\.txt|404\.html)$/;

/**
 * Decides what the worker saves: the shell on install, nothing else by
 * itself. The pages a reader opens and the parts of the search index the
 * reader's searches load are saved as they are used; the whole archive only
 * when the reader asks, or on a first visit when it is at most
 * `firstVisitBytes` (and the reader's connection allows, which the page
 * checks). The version changes with the shell's files and with the archive's
 * list: an edited article changes the names of the parts of the search index
 * that hold it (they are named by their content), and its size.
 */
export function planOffline(input: OfflinePlanInput): OfflinePlan {
  const precache = input.shell.map((file): [string, string] => [file.url, file.revision]).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const archiveBytes = input.archive.reduce((sum, file) => sum + file.bytes, 0);
  return {
    version: createHash("sha256")
      .update(JSON.stringify([precache, input.archive]))
      .digest("hex")
      .slice(0, 12),
    precache,
    searchIndex: input.searchIndex,
    searchEntry: input.searchEntry,
    offlinePage: input.offlinePage,
    archiveList: input.archiveList,
    archiveFiles: input.archive.length,
    archiveBytes,
    firstVisitBytes: input.firstVisitBytes,
  };
}

/** Whether a published file belongs to the archive a reader saves: not the worker itself, its list or the feeds. */
export function isForReading(url: string, excluded: readonly string[]): boolean {
  return !excluded.includes(url) && !NOT_FOR_READING.test(url);
}

/** A revision for a file whose name does not change with its content. */
export function revisionOf(content: string | Uint8Array): string {
  return createHash("sha256").update(content).digest("hex").slice(0, 16);
}

/** The worker's script: this build's plan, then the compiled worker. */
export function serviceWorkerScript(plan: OfflinePlan, compiledWorker: string): string {
  return `var newsArchiveOffline = ${JSON.stringify(plan)};\n${compiledWorker}`;
}

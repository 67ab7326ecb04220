import { createHash } from "node:crypto";
import type { OfflinePlan } from "../core/offline-types.ts";

/** A file the worker may save: its URL relative to the site's root, its size, and what changes when its content does. */
export interface CacheableFile {
  readonly url: string;
  readonly bytes: number;
  readonly revision: string;
}

export interface OfflinePlanInput {
  /** The theme's files and the pages saved on install (the home, archive, search and offline pages). */
  readonly shell: readonly CacheableFile[];
  /** Every file of the Pagefind bundle. */
  readonly searchFiles: readonly CacheableFile[];
  readonly searchBundle: string;
  readonly offlinePage: string;
  readonly budgetBytes: number;
}

/** Pagefind's ready-made interfaces, which the search page does not use. */
const UNUSED_SEARCH_FILE = /\/pagefind-(?:ui|component-ui|modular-ui)\.(?:js|css)$/;
/** The parts of the index fetched only by searches that need them. */
const SEARCH_CHUNK = /\/(?:index|fragment)\//;
/** Pagefind names its index parts by their content ("en_8b40983.pf_index"): the name is the revision. */
const NAMED_BY_CONTENT = /_[0-9a-f]{7,}\.pf_[a-z]+$/;

/**
 * Decides what is saved on install: the shell, Pagefind's code, entry, meta
 * and filters always; the index and fragments too when the whole index fits
 * the budget.
 */
export function planOffline(input: OfflinePlanInput): OfflinePlan {
  const searchFiles = input.searchFiles.filter((file) => !UNUSED_SEARCH_FILE.test(`/${file.url}`));
  const searchIndexBytes = searchFiles.reduce((sum, file) => sum + file.bytes, 0);
  const wholeSearchIndex = searchIndexBytes <= input.budgetBytes;
  const saved = [...input.shell, ...searchFiles.filter((file) => wholeSearchIndex || !SEARCH_CHUNK.test(`/${file.url}`))];
  const precache = saved.map((file): [string, string] => [file.url, file.revision]).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return {
    version: createHash("sha256").update(JSON.stringify(precache)).digest("hex").slice(0, 12),
    precache,
    searchBundle: input.searchBundle,
    offlinePage: input.offlinePage,
    wholeSearchIndex,
    searchIndexBytes,
    budgetBytes: input.budgetBytes,
  };
}

/** Whether a file's name already changes with its content, so it need not be read to know its revision. */
export function isNamedByContent(path: string): boolean {
  return NAMED_BY_CONTENT.test(path);
}

/** A revision for a file whose name does not change with its content. */
export function revisionOf(content: string | Uint8Array): string {
  return createHash("sha256").update(content).digest("hex").slice(0, 16);
}

/** The worker's script: this build's plan, then the compiled worker. */
export function serviceWorkerScript(plan: OfflinePlan, compiledWorker: string): string {
  return `var newsArchiveOffline = ${JSON.stringify(plan)};\n${compiledWorker}`;
}

// Shared by the build, which writes the plan, and the service worker and search page, which read it.

/**
 * What the service worker of one build caches. The build writes it before the
 * worker's code, as `newsArchiveOffline`; URLs are relative to the worker,
 * which sits at the site's root.
 */
export interface OfflinePlan {
  /** Names this build's caches; changes whenever anything saved on install does. */
  readonly version: string;
  /** [url, revision]: saved on install, and again only when the revision changes. */
  readonly precache: readonly (readonly [url: string, revision: string])[];
  /** The folder of the Pagefind bundle. */
  readonly searchBundle: string;
  /** Shown offline for a page the reader never opened. */
  readonly offlinePage: string;
  /** Whether the whole index is saved on install (it fits the budget) or its parts as searches use them. */
  readonly wholeSearchIndex: boolean;
  readonly searchIndexBytes: number;
  readonly budgetBytes: number;
}

/** What the worker tells the search page about searching offline. */
export type OfflineStatus = Pick<OfflinePlan, "version" | "wholeSearchIndex" | "searchIndexBytes" | "budgetBytes">;

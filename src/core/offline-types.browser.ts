// Shared by the build, which writes the plan, and the service worker and pages, which read it.

/**
 * What the service worker of one build saves. The build writes it before the
 * worker's code, as `newsArchiveOffline`; URLs are relative to the worker,
 * which sits at the site's root.
 */
export interface OfflinePlan {
  /** Names this build's caches; changes whenever anything the site publishes does. */
  readonly version: string;
  /** [url, revision]: the shell, saved on install, and again only when the revision changes. */
  readonly precache: readonly (readonly [url: string, revision: string])[];
  /** The folder of the search index's files (search/search-index.ts), and its entry file, which lists the others. */
  readonly searchIndex: string;
  readonly searchEntry: string;
  /** Shown offline for a page the reader never opened. */
  readonly offlinePage: string;
  /** Every file of the archive with its size ([url, bytes] in JSON), fetched only to save the whole archive. */
  readonly archiveList: string;
  readonly archiveFiles: number;
  readonly archiveBytes: number;
  /** A first visit saves the whole archive when it is at most this big and the connection is neither metered nor saving data. */
  readonly firstVisitBytes: number;
}

/** What the worker tells the pages about saving the archive: the plan's figures and the cache the whole archive goes to. */
export interface OfflineStatus {
  readonly version: string;
  readonly archiveList: string;
  readonly archiveFiles: number;
  readonly archiveBytes: number;
  readonly firstVisitBytes: number;
  readonly archiveCache: string;
}

/** The name of the cache holding the whole archive, when a reader saved it, for one build. */
export function archiveCacheName(version: string): string {
  return `news-archive-archive-${version}`;
}

// Saving a site's whole archive for offline reading, shared by the service
// worker (which saves an archive small enough on a first visit) and the
// control on the search and offline pages (with which a reader saves a larger
// one). Both fetch the files the build listed (OfflinePlan.archiveList) and
// put them in the build's archive cache, which the worker answers from when
// the network is gone. The browser's fetch and cache are handed in, so this
// holds no platform of its own.

/** The part of a Cache (Cache Storage) a save uses. */
export interface ArchiveCache {
  keys(): Promise<readonly { readonly url: string }[]>;
  put(url: string, response: Response): Promise<void>;
}

export interface SaveProgress {
  readonly files: number;
  readonly bytes: number;
}

/** The build's list of the archive's files (offline-archive.json): its version and [url from the site's root, bytes]. */
export interface ArchiveList {
  readonly version: string;
  readonly files: readonly (readonly [url: string, bytes: number])[];
}

export interface ArchiveSave {
  /** The URL of the build's list of the archive's files (ArchiveList). */
  readonly list: URL;
  /** The version of the build whose archive is saved: a list of another build (the site was rebuilt meanwhile) is not saved. */
  readonly version: string;
  readonly cache: ArchiveCache;
  readonly fetchFile: (url: string, signal: AbortSignal) => Promise<Response>;
  readonly onProgress: (saved: SaveProgress) => void;
  readonly signal: AbortSignal;
}

/** Files fetched at once: enough to fill a connection, few enough not to crowd out the reader's own requests. */
const FILES_AT_ONCE = 4;

/** The build's list of the archive's files, as absolute URLs with their sizes; it must be of the build being saved. */
async function listedFiles(save: ArchiveSave): Promise<[string, number][]> {
  const listed: unknown = await (await save.fetchFile(save.list.href, save.signal)).json();
  const files: unknown = typeof listed === "object" && listed !== null ? Reflect.get(listed, "files") : undefined;
  const version: unknown = typeof listed === "object" && listed !== null ? Reflect.get(listed, "version") : undefined;
  if (!Array.isArray(files)) throw new Error(`${save.list.href} is not a list of files`);
  if (version !== save.version) throw new Error(`the site was rebuilt (${String(version)} after ${save.version}): load the page again to save the new archive`);
  return files
    .filter((entry): entry is [string, number] => Array.isArray(entry) && typeof entry[0] === "string" && typeof entry[1] === "number")
    .map(([path, bytes]) => [new URL(path, save.list).href, bytes]);
}

/**
 * Saves every file of the archive the cache lacks, reporting progress after
 * each; stops when the signal aborts, keeping what was saved. Returns how
 * much of the archive is saved.
 */
export async function saveArchive(save: ArchiveSave): Promise<SaveProgress> {
  const files = await listedFiles(save);
  const already = new Set((await save.cache.keys()).map((request) => request.url));
  let saved = { files: 0, bytes: 0 };
  const pending: [string, number][] = [];
  for (const [url, bytes] of files) {
    if (already.has(url)) saved = { files: saved.files + 1, bytes: saved.bytes + bytes };
    else pending.push([url, bytes]);
  }
  save.onProgress(saved);
  const worker = async (): Promise<void> => {
    for (let next = pending.shift(); next !== undefined && !save.signal.aborted; next = pending.shift()) {
      const [url, bytes] = next;
      const response = await save.fetchFile(url, save.signal);
      if (!response.ok) continue;
      await save.cache.put(url, response);
      saved = { files: saved.files + 1, bytes: saved.bytes + bytes };
      save.onProgress(saved);
    }
  };
  try {
    await Promise.all(Array.from({ length: FILES_AT_ONCE }, worker));
  } catch (cause) {
    if (!save.signal.aborted) throw cause;
  }
  return saved;
}

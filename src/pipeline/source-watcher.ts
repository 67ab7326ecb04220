import { watch, type FSWatcher } from "node:fs";
import { readdir, stat } from "node:fs/promises";
import { basename, dirname, join } from "node:path";

/** What `npm start` watches: a folder and every folder in it, or one file. */
export type WatchTarget = { readonly folder: string } | { readonly file: string };

/** Folders never watched inside a watched one: they hold no sources, and many folders. */
const NEVER_WATCHED = new Set([".git", "node_modules"]);

/** How long a burst of events may last: an editor's save is often several (a temporary file, a rename). */
const SETTLE_MS = 25;

export interface SourceWatcher {
  /** Stops watching. */
  close(): void;
}

/**
 * Watches the sources of a site for files written, added, renamed or
 * removed, with one inotify watch (fs.watch) per folder, which costs the
 * same for 100 files or 100,000; new folders are watched as they appear.
 * Resolves once every folder is watched: a file saved from then on is
 * reported, so a build that starts after that misses no save. Events are
 * gathered for a moment, then reported together as absolute paths (a
 * folder's path when something in it changed that could not be named).
 */
export async function watchSources(targets: readonly WatchTarget[], changed: (paths: ReadonlySet<string>) => void): Promise<SourceWatcher> {
  const watchers = new Map<string, FSWatcher>();
  let pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let closed = false;
  const report = (path: string): void => {
    pending.add(path);
    clearTimeout(timer);
    timer = setTimeout(() => {
      const paths = pending;
      pending = new Set();
      if (!closed) changed(paths);
    }, SETTLE_MS);
  };
  const watchFolder = async (folder: string, only?: string): Promise<void> => {
    // A folder watched for one file of it (a settings file outside the content) may be watched whole too.
    const key = only === undefined ? folder : `${folder}\0${only}`;
    if (closed || watchers.has(key)) return;
    let watcher: FSWatcher;
    try {
      watcher = watch(folder, { persistent: true }, (_event, name) => {
        if (name === null) return report(folder);
        if (only !== undefined && name !== only) return;
        const path = join(folder, name);
        report(path);
        // A new folder (made, or moved in): watched too, and what it already holds reported.
        if (only === undefined && !NEVER_WATCHED.has(name) && !watchers.has(path)) void watchNewFolder(path);
      });
    } catch {
      // Gone before it could be watched: its parent's watch reports it.
      return;
    }
    // A folder removed ends its watch.
    watcher.on("error", () => {
      watcher.close();
      watchers.delete(key);
    });
    watchers.set(key, watcher);
    if (only !== undefined) return;
    const entries = await readdir(folder, { withFileTypes: true }).catch(() => []);
    await Promise.all(entries.filter((entry) => entry.isDirectory() && !NEVER_WATCHED.has(entry.name)).map((entry) => watchFolder(join(folder, entry.name))));
  };
  const watchNewFolder = async (path: string): Promise<void> => {
    if (
      !(await stat(path).then(
        (stats) => stats.isDirectory(),
        () => false,
      ))
    )
      return;
    await watchFolder(path);
    for (const entry of await readdir(path, { recursive: true, withFileTypes: true }).catch(() => [])) report(join(entry.parentPath, entry.name));
  };
  await Promise.all(targets.map((target) => ("folder" in target ? watchFolder(target.folder) : watchFolder(dirname(target.file), basename(target.file)))));
  return {
    close: () => {
      closed = true;
      clearTimeout(timer);
      for (const watcher of watchers.values()) watcher.close();
      watchers.clear();
    },
  };
}

import { readdir, realpath, stat } from "node:fs/promises";
import { join, posix, relative, sep } from "node:path";
import { error, errorCodeOf, warning, type Diagnostic } from "../core/diagnostics.ts";

/**
 * A file published as it is, at its path from the static folder: Hugo's and
 * Zola's `static/`, the files Jekyll copies, Eleventy's passthrough copy.
 * `static/images/logo.png` is "/images/logo.png", `static/favicon.ico`
 * "/favicon.ico", `static/.well-known/security.txt` "/.well-known/security.txt".
 */
export interface StaticFile {
  /** Absolute path of the file to copy. */
  readonly from: string;
  /** Its path from the site's root ("/images/logo.png"). */
  readonly path: string;
  /** Its path as the messages show it: relative to the content folder when inside it. */
  readonly shown: string;
}

/** Files of tools and systems that no site publishes. */
const NEVER_PUBLISHED = new Set([".git", ".svn", ".hg", ".DS_Store", "Thumbs.db", "desktop.ini"]);

/**
 * Every file of a static folder, found by walking it: hidden ones too
 * (`.well-known/`), but not those of version control or of the desktop.
 * Symbolic links are followed only when they stay inside the folder.
 * `shownRoot` is how messages name the folder: its path from the content
 * folder, which messages start from.
 */
export async function listStaticFiles(folder: string, shownRoot: string): Promise<{ readonly files: StaticFile[]; readonly diagnostics: Diagnostic[] }> {
  const files: StaticFile[] = [];
  const diagnostics: Diagnostic[] = [];
  const root = await realpath(folder);
  const pending = [""];
  for (let dir = pending.shift(); dir !== undefined; dir = pending.shift()) {
    let entries;
    try {
      entries = await readdir(join(folder, dir), { withFileTypes: true });
    } catch (cause) {
      diagnostics.push(error("unreadable", posix.join(shownRoot, dir), `this folder of static files cannot be read (${errorCodeOf(cause)}); fix its permissions`));
      continue;
    }
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      if (NEVER_PUBLISHED.has(entry.name)) continue;
      const rel = dir === "" ? entry.name : `${dir}/${entry.name}`;
      const kind = entry.isSymbolicLink() ? await linkKind(root, join(folder, rel)) : entry.isDirectory() ? "dir" : entry.isFile() ? "file" : undefined;
      if (kind === "outside") {
        diagnostics.push(error("link-outside", posix.join(shownRoot, rel), "is a symbolic link leading outside the static folder, and was not followed; copy the file into the folder instead"));
      } else if (kind === "dir") {
        pending.push(rel);
      } else if (kind === "file") {
        files.push({ from: join(folder, rel), path: `/${rel}`, shown: posix.join(shownRoot, rel) });
      } else {
        diagnostics.push(warning("not-a-file", posix.join(shownRoot, rel), "is neither a file nor a folder (a device, socket, pipe or broken link); it was not published"));
      }
    }
  }
  return { files, diagnostics };
}

async function linkKind(root: string, path: string): Promise<"file" | "dir" | "outside" | undefined> {
  let target: string;
  try {
    target = await realpath(path);
  } catch {
    return undefined;
  }
  const fromRoot = relative(root, target);
  if (fromRoot === "" || fromRoot.split(sep)[0] === "..") return "outside";
  const info = await stat(target);
  return info.isDirectory() ? "dir" : info.isFile() ? "file" : undefined;
}

import { lstat, readdir, stat } from "node:fs/promises";
import { join, relative, sep } from "node:path";

/** A file under a folder: its path from the folder ("a/b.txt", with forward slashes) and its size. */
export interface FileInFolder {
  readonly path: string;
  readonly bytes: number;
}

/** Every file under a folder, with its size. */
export async function filesUnder(dir: string): Promise<FileInFolder[]> {
  const files: FileInFolder[] = [];
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files.push({ path: relative(dir, path).split(sep).join("/"), bytes: (await stat(path)).size });
  }
  return files;
}

/** The bytes and number of files under a folder. */
export async function folderSize(dir: string): Promise<{ bytes: number; files: number }> {
  const files = await filesUnder(dir);
  return { bytes: files.reduce((sum, file) => sum + file.bytes, 0), files: files.length };
}

/** Whether a path exists and is a folder (used to give a clear error before walking). */
export async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await lstat(path)).isDirectory() || (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

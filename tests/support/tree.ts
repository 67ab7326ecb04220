import { createHash } from "node:crypto";
import { readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { filesUnder } from "../../src/core/files.ts";

/** Every file of a folder with a hash of its bytes, sorted by path: equal maps mean byte-identical trees. */
export async function treeDigest(root: string): Promise<Map<string, string>> {
  const paths = filePaths(root);
  return new Map(
    await Promise.all(
      paths.map(
        async (path) =>
          [
            path,
            createHash("sha256")
              .update(await readFile(join(root, path)))
              .digest("hex"),
          ] as const,
      ),
    ),
  );
}

/** The files under a folder, by their paths from it ("2024/a/index.html"), sorted. */
export function filePaths(root: string): string[] {
  return filesUnder(root)
    .map((file) => file.path)
    .sort();
}

/** The modification time of each file under a folder that `wanted` accepts, by its path from the folder: what a rewrite would change. */
export async function modificationTimes(root: string, wanted: (path: string) => boolean = () => true): Promise<Map<string, number>> {
  const paths = filePaths(root).filter(wanted);
  return new Map(await Promise.all(paths.map(async (path) => [path, (await stat(join(root, path))).mtimeMs] as const)));
}

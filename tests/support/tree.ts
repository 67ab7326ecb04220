import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { join, relative } from "node:path";

/** Every file of a folder with a hash of its bytes, sorted by path: equal maps mean byte-identical trees. */
export async function treeDigest(root: string): Promise<Map<string, string>> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  const files = entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
  const digests = await Promise.all(files.map(async (file) => [relative(root, file), createHash("sha256").update(await readFile(file)).digest("hex")] as const));
  return new Map(digests.sort((a, b) => (a[0] < b[0] ? -1 : 1)));
}

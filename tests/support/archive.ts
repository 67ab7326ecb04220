import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { after } from "node:test";

const made: string[] = [];
const stops: (() => Promise<void>)[] = [];
after(async () => {
  // Processes first: one still running (a server, a build) writes into the folders while they are removed (ENOTEMPTY).
  await Promise.all(stops.map((stop) => stop()));
  await Promise.all(made.map((dir) => rm(dir, { recursive: true, force: true })));
});

/** Registers a process's stop, awaited at the end of the test file before any temporary folder is removed. */
export function stopBeforeRemovingFolders(stop: () => Promise<void>): void {
  stops.push(stop);
}

/** A fresh temporary folder, removed when the test file ends. */
export async function temporaryFolder(prefix = "news-archive-test-"): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** Writes files (path → text or bytes) under a folder and returns it. */
export async function writeFiles(root: string, files: Readonly<Record<string, string | Uint8Array>>): Promise<string> {
  await mkdir(root, { recursive: true });
  for (const [path, content] of Object.entries(files)) {
    const target = join(root, path);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, content);
  }
  return root;
}

/** A temporary content folder holding the given files. */
export async function makeArchive(files: Readonly<Record<string, string | Uint8Array>>): Promise<string> {
  return writeFiles(join(await temporaryFolder(), "content"), files);
}

/** A minimal article's text. */
export function article(fields: Readonly<Record<string, string>>, body = "Body text."): string {
  const lines = Object.entries(fields).map(([key, value]) => `${key}: ${value}`);
  return `---\n${lines.join("\n")}\n---\n\n${body}\n`;
}

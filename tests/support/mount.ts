import { execFile } from "node:child_process";
import { mkdir } from "node:fs/promises";
import { after } from "node:test";
import { promisify } from "node:util";

const run = promisify(execFile);

/**
 * Mounts a small file system of its own at `folder` (to fill it up, or to
 * publish into a mount point), unmounted when the calling test ends. Mounting
 * needs root, as CI runs; elsewhere it resolves to false and the test skips.
 */
export async function mountSmallDisk(folder: string, size: string): Promise<boolean> {
  await mkdir(folder, { recursive: true });
  try {
    await run("mount", ["-t", "tmpfs", "-o", `size=${size}`, "tmpfs", folder]);
  } catch {
    return false;
  }
  after(() => run("umount", [folder]).then(() => undefined));
  return true;
}

/** Gives a mounted small disk another size (it keeps what it holds). */
export async function resizeSmallDisk(folder: string, size: string): Promise<void> {
  await run("mount", ["-o", `remount,size=${size}`, folder]);
}

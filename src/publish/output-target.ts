import { constants } from "node:fs";
import { access, lstat, readFile, realpath, stat } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { errorCodeOf } from "../core/diagnostics.ts";

/**
 * How a build publishes into an output folder. Where the folder's parent
 * allows it, the site is built in a fresh folder beside it and swapped in by
 * renaming, so a failed build leaves the old site as it was. A folder that
 * cannot be swapped (a mount point, a folder whose parent this process may
 * not write, a folder of another owner this process cannot give a new one)
 * is published into in place: the site is built in a hidden folder inside
 * it, then moved in entry by entry, the folder itself, its owner and mode
 * untouched. A symbolic link is followed: the folder it leads to is
 * published, the link kept.
 */
interface OutputTarget {
  /** The real folder the site is published into. */
  readonly folder: string;
  readonly mode: SwapMode | InPlaceMode;
  /** Where a build holds its lock: beside the folder when its parent may be written, else inside it. */
  readonly lockFile: string;
}

/** Built beside the folder and swapped in; the new folder is given the old one's mode and owner. */
export interface SwapMode {
  readonly kind: "swap";
  readonly keep?: { readonly mode: number; readonly uid: number; readonly gid: number };
}

interface InPlaceMode {
  readonly kind: "in-place";
  /** Why the folder cannot be swapped, for the build's report. */
  readonly why: string;
}

/** The output folder cannot be written either way: the message says why and what to do. */
export class OutputFolderUnwritable extends Error {}

export async function outputTargetOf(outputDir: string): Promise<OutputTarget> {
  const link = await lstat(outputDir).catch(() => undefined);
  let folder = outputDir;
  if (link?.isSymbolicLink() === true) {
    folder = await realpath(outputDir).catch(() => {
      throw new OutputFolderUnwritable(`${outputDir} is a symbolic link to a folder that does not exist; make that folder, or give another output folder`);
    });
  }
  const parent = dirname(folder);
  const parentWritable = await isWritable(parent);
  const lockFile = parentWritable ? join(parent, `.${basename(folder)}.lock`) : join(folder, ".news-archive.lock");
  const info = await stat(folder).catch(() => undefined);
  if (info === undefined) {
    if (!parentWritable)
      throw new OutputFolderUnwritable(
        `${folder} does not exist and cannot be made in ${parent}, which this build may not write; make it, or give another output folder`,
      );
    return { folder, mode: { kind: "swap" }, lockFile };
  }
  const why = await swapRefusal(folder, parentWritable, info);
  if (why !== undefined) {
    if (!(await isWritable(folder))) {
      throw new OutputFolderUnwritable(
        `${folder} cannot be written: ${why}, and the folder itself may not be written either; give it to the user who builds, or give another output folder`,
      );
    }
    return { folder, mode: { kind: "in-place", why }, lockFile };
  }
  return { folder, mode: { kind: "swap", keep: { mode: info.mode & 0o7777, uid: info.uid, gid: info.gid } }, lockFile };
}

/** Why a folder cannot be replaced by another of the same mode and owner, or undefined when it can. */
async function swapRefusal(
  folder: string,
  parentWritable: boolean,
  info: { readonly dev: number; readonly uid: number; readonly gid: number },
): Promise<string | undefined> {
  if (await isMountPoint(folder, info.dev)) return "it is a mount point, which cannot be renamed";
  if (!parentWritable) return `its parent folder ${dirname(folder)} may not be written`;
  const uid = process.getuid?.();
  if (uid === undefined || uid === 0) return undefined;
  if (info.uid !== uid) return "it belongs to another user, whom a new folder could not be given";
  const groups = [process.getgid?.(), ...(process.getgroups?.() ?? [])];
  if (!groups.includes(info.gid)) return "it belongs to a group this build is not in, which a new folder could not be given";
  return undefined;
}

/** A mount point: on another device than its parent, or listed as one (a bind mount of the same device). */
async function isMountPoint(folder: string, device: number): Promise<boolean> {
  if (dirname(folder) === folder) return true;
  if ((await stat(dirname(folder))).dev !== device) return true;
  const mounts = await readFile("/proc/self/mountinfo", "utf8").catch(() => "");
  // Field 5 is the mount point, with spaces and backslashes escaped in octal.
  return mounts
    .split("\n")
    .some((line) => line.split(" ")[4]?.replace(/\\([0-7]{3})/g, (_escape, code: string) => String.fromCharCode(parseInt(code, 8))) === folder);
}

async function isWritable(folder: string): Promise<boolean> {
  try {
    await access(folder, constants.W_OK | constants.X_OK);
    return true;
  } catch (cause) {
    if (errorCodeOf(cause) === "ENOENT") return isWritable(dirname(folder)).then((writable) => writable && dirname(folder) !== folder);
    return false;
  }
}

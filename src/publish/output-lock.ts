import { linkSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import { errorCodeOf } from "../core/diagnostics.ts";

/**
 * One build at a time writes an output folder: two at once removed each
 * other's staging folders and both failed (ENOENT, ENOTEMPTY). A build, and
 * `npm start` for as long as it runs, holds a lock file naming its process
 * and machine. A lock whose process is gone (a build killed outright) is
 * taken over.
 */
export class OutputFolderBusy extends Error {}

/** Takes the lock, or throws OutputFolderBusy naming who holds it; returns the function that releases it. */
export function lockOutput(lockFile: string, folder: string): () => void {
  const holder = `${process.pid} ${hostname()}\n`;
  for (let attempt = 0; attempt < 2; attempt += 1) {
    if (tryCreate(lockFile, holder)) {
      const release = (): void => rmSync(lockFile, { force: true });
      // Also when the process ends otherwise (Ctrl+C ends a build by process.exit).
      process.once("exit", release);
      return () => {
        process.off("exit", release);
        release();
      };
    }
    const [pid, host] = readHolder(lockFile);
    if (pid === undefined || (host === hostname() && !isRunning(Number(pid)))) {
      rmSync(lockFile, { force: true });
      continue;
    }
    throw new OutputFolderBusy(
      `another build is running into ${folder} (process ${pid ?? "?"} on ${host ?? "?"}); wait for it to end and build again. If no build is running, delete ${lockFile}`,
    );
  }
  throw new OutputFolderBusy(`another build took the lock of ${folder} (${lockFile}) as this one started; build again`);
}

/** The process and machine a lock file names; none when it was released meanwhile, so the next attempt takes it. */
function readHolder(lockFile: string): readonly (string | undefined)[] {
  try {
    return readFileSync(lockFile, "utf8").trim().split(" ");
  } catch (cause) {
    if (errorCodeOf(cause) === "ENOENT") return [];
    throw cause;
  }
}

/** Creates the lock file with its content in one step (a link to a file already written), false when it exists. */
function tryCreate(lockFile: string, content: string): boolean {
  const written = `${lockFile}.${process.pid}`;
  writeFileSync(written, content);
  try {
    linkSync(written, lockFile);
    return true;
  } catch (cause) {
    if (errorCodeOf(cause) === "EEXIST") return false;
    throw cause;
  } finally {
    rmSync(written, { force: true });
  }
}

function isRunning(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (cause) {
    // EPERM: it runs, as another user.
    return errorCodeOf(cause) === "EPERM";
  }
}

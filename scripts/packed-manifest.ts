// The package.json the package ships: this repository's without its scripts.
// They are for working on this repository (they run tsx, a development
// dependency); an installed package runs none, and one left in would run
// where it cannot work: `prepare` runs when a folder holding the unpacked
// package is installed, and fails there for want of tsx.
//
// `npm pack` and `npm publish` run `prepack` (npm run compile, then this with
// "strip NPM_PID") before they read the files, and `postpack` ("restore")
// after. The repository's package.json is kept beside it meanwhile and put
// back. npm runs postpack only after a pack that succeeded, and a pack that
// failed would leave the repository with a package.json without scripts,
// which no later pack repairs (npm reads the scripts to run from it): so
// "strip" also leaves a small process waiting for npm to exit, which puts the
// repository's package.json back if postpack did not.
import { spawn } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import { copyFile, readFile, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { PROJECT_ROOT } from "../src/core/project.ts";

const manifest = join(PROJECT_ROOT, "package.json");
/** The repository's package.json while the package's is in its place; `files` in package.json keeps it out of the package. */
const kept = join(PROJECT_ROOT, ".package.json.repository");
/** How long the waiting process waits for npm at most. */
const WAIT_LIMIT_MS = 60 * 60_000;

/** Writes a file whole or not at all: tests and commands read package.json while a pack runs. */
async function replaceFile(path: string, text: string): Promise<void> {
  await writeFile(`${path}.${process.pid}`, text);
  await rename(`${path}.${process.pid}`, path);
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (cause) {
    return (cause as NodeJS.ErrnoException).code === "EPERM";
  }
}

const [step, argument] = process.argv.slice(2);
if (step === "strip") {
  // A pack stopped before anything put the repository's package.json back: put it back first.
  if (existsSync(kept)) await rename(kept, manifest);
  const text = await readFile(manifest, "utf8");
  const { scripts: _repositoryScripts, ...packed } = JSON.parse(text) as Record<string, unknown>;
  await copyFile(manifest, kept);
  await replaceFile(manifest, `${JSON.stringify(packed, null, 2)}\n`);
  const npm = Number(argument);
  // $PPID, which npm's shell gives: absent where npm runs scripts with cmd.exe, and postpack alone restores.
  if (Number.isInteger(npm) && npm > 1) {
    const waiter = spawn(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), "restore-after", String(npm), String(statSync(kept).ino)], {
      detached: true,
      stdio: "ignore",
    });
    waiter.unref();
  }
} else if (step === "restore") {
  if (existsSync(kept)) await rename(kept, manifest);
} else if (step === "restore-after") {
  const [, , , npm, keptInode] = process.argv;
  const deadline = Date.now() + WAIT_LIMIT_MS;
  while (isRunning(Number(npm)) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
  // Only the copy this pack kept: a later pack's is that pack's to put back.
  if (existsSync(kept) && String(statSync(kept).ino) === keptInode) await rename(kept, manifest);
} else {
  console.error("usage: tsx scripts/packed-manifest.ts strip [NPM_PID] | restore");
  process.exit(2);
}

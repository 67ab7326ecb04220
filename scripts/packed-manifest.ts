// The package.json the package ships: this repository's without its scripts.
// They are for working on this repository (they run tsx, a development
// dependency); an installed package runs none, and one left in would run
// where it cannot work: `prepare` runs when a folder holding the unpacked
// package is installed, and fails there for want of tsx.
//
// `npm pack` and `npm publish` run `prepack` (npm run compile, then this with
// "strip") before they read the files, and `postpack` ("restore") after.
// The repository's package.json is kept beside it meanwhile and put back;
// a pack stopped in between is repaired by the next one.
import { existsSync } from "node:fs";
import { copyFile, readFile, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { PROJECT_ROOT } from "../src/core/project.ts";

const manifest = join(PROJECT_ROOT, "package.json");
/** The repository's package.json while the package's is in its place; `files` in package.json keeps it out of the package. */
const kept = join(PROJECT_ROOT, ".package.json.repository");

/** Writes a file whole or not at all: tests and commands read package.json while a pack runs. */
async function replaceFile(path: string, text: string): Promise<void> {
  await writeFile(`${path}.${process.pid}`, text);
  await rename(`${path}.${process.pid}`, path);
}

const step = process.argv[2];
if (step === "strip") {
  // A pack stopped before its postpack left the package's manifest in place: put the repository's back first.
  if (existsSync(kept)) await rename(kept, manifest);
  const text = await readFile(manifest, "utf8");
  const { scripts: _repositoryScripts, ...packed } = JSON.parse(text) as Record<string, unknown>;
  await copyFile(manifest, kept);
  await replaceFile(manifest, `${JSON.stringify(packed, null, 2)}\n`);
} else if (step === "restore") {
  if (existsSync(kept)) await rename(kept, manifest);
} else {
  console.error("usage: tsx scripts/packed-manifest.ts strip|restore");
  process.exit(2);
}

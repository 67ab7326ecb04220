// `npm run compile` (and `prepack`, so `npm pack` and `npm publish` run it):
// the package's compiled JavaScript in dist/, as the `news-archive` command
// runs it once installed. The package ships no TypeScript, so this also
// bundles the browser scripts and writes the settings file's JSON Schema.
//
// With --if-stale (`prepare`, run by `npm install`, and before `npm start`,
// `npm run build` and the other commands of package.json) it compiles only when
// the sources changed since dist/ was made: those commands run the compiled
// JavaScript, which starts in a tenth of the time tsx takes, and never a stale copy.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { copyFile, readFile, rename, rm, writeFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { PROJECT_ROOT } from "../src/core/project.ts";
import { runningCodeIdentity } from "../src/pipeline/code-identity.ts";

const dist = join(PROJECT_ROOT, "dist");
/** The identity of the sources dist/ was compiled from, in dist/. */
const COMPILED_FROM_FILE = ".compiled-from";

/** Every module of src/ and the installed dependencies, as the build cache identifies code. */
function sourceIdentity(): string {
  const src = join(PROJECT_ROOT, "src");
  const folders = readdirSync(src, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  return runningCodeIdentity({ projectRoot: PROJECT_ROOT, codeRoot: src, folders, moduleExtension: ".ts" });
}

async function compiledFrom(): Promise<string | undefined> {
  if (!existsSync(join(dist, "cli/main.js"))) return undefined;
  return readFile(join(dist, COMPILED_FROM_FILE), "utf8").catch(() => undefined);
}

const identity = sourceIdentity();
if (process.argv.includes("--if-stale") && (await compiledFrom()) === identity) process.exit(0);
// Loaded only to compile: the check above is all most runs do, and these load zod and esbuild.
const { settingsJsonSchema } = await import("../src/core/settings.ts");
const { writeBundledBrowserScripts } = await import("../src/render/browser-scripts.ts");
const { SETTINGS_SCHEMA_FILE } = await import("../src/cli/scaffold.ts");

// Compiled beside dist/, then swapped in: a command starting meanwhile (two stale commands at once) runs the old copy or the new one, never half of one.
const staging = `${dist}.compiling-${process.pid}`;
await rm(staging, { recursive: true, force: true });
const tsc = spawnSync(
  process.execPath,
  [join(PROJECT_ROOT, "node_modules/typescript/bin/tsc"), "-p", join(PROJECT_ROOT, "tsconfig.build.json"), "--outDir", staging],
  { stdio: "inherit" },
);
if (tsc.status !== 0) {
  await rm(staging, { recursive: true, force: true });
  console.error("compile: tsc failed; dist/ is unchanged");
  process.exit(1);
}
// Declarations of Eleventy's API, which the compiled declarations of render/ refer to.
await copyFile(join(PROJECT_ROOT, "src/render/eleventy.d.ts"), join(staging, "render/eleventy.d.ts"));
await writeBundledBrowserScripts(staging);
await writeFile(join(staging, relative("dist", SETTINGS_SCHEMA_FILE)), `${JSON.stringify(settingsJsonSchema(), null, 2)}\n`);
await writeFile(join(staging, COMPILED_FROM_FILE), identity);
const previous = `${dist}.previous-${process.pid}`;
await rename(dist, previous).catch(() => undefined);
await rename(staging, dist);
await rm(previous, { recursive: true, force: true });
console.log(`compile: ${dist} written`);

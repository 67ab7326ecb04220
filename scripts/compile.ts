// `npm run compile` (and `prepack`, so `npm pack` and `npm publish` run it):
// the package's compiled JavaScript in dist/, as the `news-archive` command
// runs it once installed. The package ships no TypeScript, so this also
// bundles the browser scripts and writes the settings file's JSON Schema.
import { spawnSync } from "node:child_process";
import { copyFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { PROJECT_ROOT } from "../src/core/project.ts";
import { settingsJsonSchema } from "../src/core/settings.ts";
import { writeBundledBrowserScripts } from "../src/render/browser-scripts.ts";
import { SETTINGS_SCHEMA_FILE } from "../src/cli/scaffold.ts";

const dist = join(PROJECT_ROOT, "dist");
await rm(dist, { recursive: true, force: true });
const tsc = spawnSync(process.execPath, [join(PROJECT_ROOT, "node_modules/typescript/bin/tsc"), "-p", join(PROJECT_ROOT, "tsconfig.build.json")], { stdio: "inherit" });
if (tsc.status !== 0) {
  console.error("compile: tsc failed; dist/ is incomplete");
  process.exit(1);
}
// Declarations of Eleventy's API, which the compiled declarations of render/ refer to.
await copyFile(join(PROJECT_ROOT, "src/render/eleventy.d.ts"), join(dist, "render/eleventy.d.ts"));
await writeBundledBrowserScripts(dist);
await writeFile(join(PROJECT_ROOT, SETTINGS_SCHEMA_FILE), `${JSON.stringify(settingsJsonSchema(), null, 2)}\n`);
console.log(`compile: ${dist} written`);

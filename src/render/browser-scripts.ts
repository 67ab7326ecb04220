import { join } from "node:path";
import { build, type BuildOptions } from "esbuild";
import { PROJECT_ROOT } from "../core/project.ts";
import { THEME_FILES } from "../core/assets.ts";
import { outputFileFor } from "../core/urls.ts";

/**
 * The reader's side of search and offline reading, written in TypeScript in
 * src/browser and compiled into the site's assets. They are classic scripts,
 * not modules: browsers refuse module scripts on pages opened from file://.
 * The service worker is published at the site's root, not among the assets.
 */
const BROWSER_SCRIPTS = [
  { entry: "src/browser/search.ts", path: THEME_FILES.searchScript },
  { entry: "src/browser/highlight.ts", path: THEME_FILES.highlightScript },
  { entry: "src/browser/offline.ts", path: THEME_FILES.offlineScript },
  { entry: "src/browser/archive.ts", path: THEME_FILES.archiveScript },
  { entry: "src/worker/service-worker.ts", path: outputFileFor({ kind: "service-worker" }) },
] as const;

export interface CompiledScript {
  readonly path: string;
  readonly code: string;
}

let compiled: Promise<CompiledScript[]> | undefined;

/** Compiles the browser scripts once per process (they do not depend on the archive). */
export function compileBrowserScripts(): Promise<CompiledScript[]> {
  compiled ??= Promise.all(BROWSER_SCRIPTS.map(async ({ entry, path }) => ({ path, code: await bundleForBrowser({ entryPoints: [join(PROJECT_ROOT, entry)] }) })));
  return compiled;
}

/** Bundles a script for browsers: one classic, minified file, from an entry file or from source text. */
export async function bundleForBrowser(input: Pick<BuildOptions, "entryPoints" | "stdin">): Promise<string> {
  const result = await build({ ...input, bundle: true, format: "iife", target: "es2022", minify: true, write: false, logLevel: "silent" });
  const output = result.outputFiles[0];
  if (output === undefined) throw new Error(`esbuild produced nothing for ${JSON.stringify(input.entryPoints ?? input.stdin?.sourcefile ?? "a script")}`);
  return output.text;
}

import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import type { BuildOptions } from "esbuild";
import { CODE_ROOT, RUNS_COMPILED } from "../core/project.ts";
import { THEME_FILES } from "../core/assets.ts";
import { outputFileFor } from "../core/urls.ts";
import { stemmerModule } from "../text/stemmers.ts";

/** Where the search page's first script is kept among the bundled ones. */
export const SEARCH_START_SCRIPT = "inline/search-start.js";

/**
 * The reader's side of search and offline reading, written in TypeScript in
 * src/browser and compiled into the site's assets. They are classic scripts,
 * not modules: browsers refuse module scripts on pages opened from file://.
 * The service worker is published at the site's root, not among the assets.
 * Entries are relative to src/.
 */
const BROWSER_SCRIPTS = [
  { entry: "browser/search.ts", path: THEME_FILES.searchScript },
  // Never published as a file: the search page holds it inline (theme.ts).
  { entry: "browser/search-start.ts", path: SEARCH_START_SCRIPT },
  { entry: "browser/highlight.ts", path: THEME_FILES.highlightScript },
  { entry: "browser/category-filter.ts", path: THEME_FILES.categoryFilterScript },
  { entry: "browser/not-found.ts", path: THEME_FILES.notFoundScript },
  { entry: "browser/offline.ts", path: THEME_FILES.offlineScript },
  { entry: "browser/archive.ts", path: THEME_FILES.archiveScript },
  { entry: "browser/query-redirect.ts", path: THEME_FILES.queryRedirectScript },
  { entry: "worker/service-worker.ts", path: outputFileFor({ kind: "service-worker" }) },
] as const;

/** Where the compiled package keeps its bundled browser scripts: dist/site-scripts/, by the path each is published at. */
const BUNDLED_SCRIPTS_FOLDER = "site-scripts";

export interface CompiledScript {
  readonly path: string;
  readonly code: string;
}

let compiled: Promise<CompiledScript[]> | undefined;

/**
 * The browser scripts, once per process (they do not depend on the archive):
 * bundled from their TypeScript sources when this code runs from src/; read
 * from what `npm run compile` bundled when it runs compiled, since the package
 * ships no TypeScript.
 */
export function compileBrowserScripts(): Promise<CompiledScript[]> {
  compiled ??= Promise.all(
    BROWSER_SCRIPTS.map(async ({ entry, path }) => ({
      path,
      code: RUNS_COMPILED
        ? await readFile(join(CODE_ROOT, BUNDLED_SCRIPTS_FOLDER, path), "utf8")
        : await bundleForBrowser({ entryPoints: [join(CODE_ROOT, entry)] }),
    })),
  );
  return compiled;
}

/** Bundles the browser scripts from their sources into the compiled package (`distDir`), where compileBrowserScripts reads them. */
export async function writeBundledBrowserScripts(distDir: string): Promise<void> {
  for (const { path, code } of await compileBrowserScripts()) {
    const file = join(distDir, BUNDLED_SCRIPTS_FOLDER, path);
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, code);
  }
}

/** Bundles a script for browsers: one classic, minified file, from an entry file or from source text. */
async function bundleForBrowser(input: Pick<BuildOptions, "entryPoints" | "stdin">): Promise<string> {
  // Loaded here: the compiled package reads the scripts it bundled and never needs it to build a site.
  const { build } = await import("esbuild");
  const result = await build({ ...input, bundle: true, format: "iife", target: "es2022", minify: true, write: false, logLevel: "silent" });
  const output = result.outputFiles[0];
  if (output === undefined) throw new Error(`esbuild produced nothing for ${JSON.stringify(input.entryPoints ?? input.stdin?.sourcefile ?? "a script")}`);
  return output.text;
}

/**
 * The classic script that hands a language's stemmer (text/stemmers.ts) to
 * the search page: `callback(key, stem)`. Bundled when asked (esbuild is a
 * dependency of the package), once per language and process.
 */
export function stemmerScript(language: string, callback: string, key: string): Promise<string> {
  let script = stemmerScripts.get(language);
  if (script === undefined) {
    const found = stemmerModule(language);
    if (found === undefined) return Promise.reject(new Error(`no stemmer is known for the language "${language}"`));
    const imported = found.export === "default" ? "stem" : "{ stemmer as stem }";
    script = bundleForBrowser({
      stdin: {
        contents: `import ${imported} from ${JSON.stringify(found.module)};\n${callback}(${JSON.stringify(key)}, stem);\n`,
        resolveDir: import.meta.dirname,
        sourcefile: "stemmer.js",
        loader: "js",
      },
    });
    stemmerScripts.set(language, script);
  }
  return script;
}

const stemmerScripts = new Map<string, Promise<string>>();

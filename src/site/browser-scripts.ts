import { join } from "node:path";
import { build } from "esbuild";
import { PROJECT_ROOT } from "../build/request.ts";
import { THEME_FILES } from "./assets.ts";

/** The reader's side of search, written in TypeScript in src/browser and compiled into the site's assets. */
const BROWSER_SCRIPTS = [
  { entry: "src/browser/search.ts", path: THEME_FILES.searchScript },
  { entry: "src/browser/highlight.ts", path: THEME_FILES.highlightScript },
] as const;

export interface CompiledScript {
  readonly path: string;
  readonly code: string;
}

let compiled: Promise<CompiledScript[]> | undefined;

/** Compiles the browser scripts once per process (they do not depend on the archive). */
export function compileBrowserScripts(): Promise<CompiledScript[]> {
  compiled ??= Promise.all(
    BROWSER_SCRIPTS.map(async ({ entry, path }) => {
      const result = await build({
        entryPoints: [join(PROJECT_ROOT, entry)],
        bundle: true,
        format: "esm",
        target: "es2022",
        minify: true,
        write: false,
        logLevel: "silent",
      });
      const output = result.outputFiles[0];
      if (output === undefined) throw new Error(`esbuild produced nothing for ${entry}`);
      return { path, code: output.text };
    }),
  );
  return compiled;
}

import { build, type BuildOptions } from "esbuild";

/**
 * Bundles a script for browsers: one classic, minified file, from an entry file or from source text.
 * Here, below both of its users: render's browser scripts and search's stemmer script.
 */
export async function bundleForBrowser(input: Pick<BuildOptions, "entryPoints" | "stdin">): Promise<string> {
  const result = await build({ ...input, bundle: true, format: "iife", target: "es2022", minify: true, write: false, logLevel: "silent" });
  const output = result.outputFiles[0];
  if (output === undefined) throw new Error(`esbuild produced nothing for ${JSON.stringify(input.entryPoints ?? input.stdin?.sourcefile ?? "a script")}`);
  return output.text;
}

import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { PROJECT_ROOT } from "../build/request.ts";
import { fingerprintedPath, THEME_FILES, type ThemeAssetPaths } from "./assets.ts";
import { compileBrowserScripts } from "./browser-scripts.ts";

export interface ThemeBundle {
  /** Where each file is published: fingerprinted, so it may be cached for long. */
  readonly paths: ThemeAssetPaths;
  readonly files: readonly { readonly path: string; readonly content: string }[];
}

let prepared: Promise<ThemeBundle> | undefined;

/** Reads the stylesheet and icon, compiles the scripts and names each file by its content; once per process. */
export function prepareTheme(): Promise<ThemeBundle> {
  prepared ??= (async () => {
    const scripts = new Map((await compileBrowserScripts()).map((script) => [script.path, script.code]));
    const read = (path: string): Promise<string> => readFile(join(PROJECT_ROOT, "layouts", path), "utf8");
    const contents: Record<keyof ThemeAssetPaths, string> = {
      stylesheet: await read(THEME_FILES.stylesheet),
      favicon: await read(THEME_FILES.favicon),
      searchScript: scripts.get(THEME_FILES.searchScript) ?? "",
      highlightScript: scripts.get(THEME_FILES.highlightScript) ?? "",
    };
    const paths: ThemeAssetPaths = {
      stylesheet: fingerprintedPath(THEME_FILES.stylesheet, contents.stylesheet),
      favicon: fingerprintedPath(THEME_FILES.favicon, contents.favicon),
      // The search scripts import Pagefind relative to themselves, so only their names change.
      searchScript: fingerprintedPath(THEME_FILES.searchScript, contents.searchScript),
      highlightScript: fingerprintedPath(THEME_FILES.highlightScript, contents.highlightScript),
    };
    const keys = Object.keys(paths) as (keyof ThemeAssetPaths)[];
    return { paths, files: keys.map((key) => ({ path: paths[key], content: contents[key] })) };
  })();
  return prepared;
}

import { loadArchive, type LoadedArchive, type LoadOptions } from "../../src/content/load-archive.ts";
import { createMarkdownRenderer } from "../../src/content/markdown.ts";
import { makeArchive } from "./archive.ts";
import { settingsWith } from "./articles.ts";

/** Loads the archive in `contentDir` as a build does: with settingsWith(rawSettings), no drafts, and `options` over these defaults. */
export async function loadFolder(contentDir: string, rawSettings: Record<string, unknown> = {}, options: Partial<LoadOptions> = {}): Promise<LoadedArchive> {
  return loadArchive({
    contentDir,
    settings: settingsWith(rawSettings),
    includeDrafts: false,
    knownFiles: [],
    excludedDirs: [],
    renderMarkdown: createMarkdownRenderer(),
    ...options,
  });
}

/** Writes `files` into a new archive folder (makeArchive) and loads it with loadFolder. */
export async function loadFiles(
  files: Readonly<Record<string, string | Uint8Array>>,
  rawSettings: Record<string, unknown> = {},
  options: Partial<LoadOptions> = {},
): Promise<LoadedArchive> {
  return loadFolder(await makeArchive(files), rawSettings, options);
}

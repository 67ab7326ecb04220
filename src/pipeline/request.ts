import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { realpath } from "node:fs/promises";
import { dirname, join, relative, resolve } from "node:path";
import type { StaticSource } from "../content/load-archive.ts";
import type { UserShortcodes } from "../content/user-shortcodes.ts";
import { loadShortcodes } from "./shortcodes-file.ts";
import { isInside } from "../core/project.ts";
import { isDirectory } from "../core/files.ts";
import { positionOfPath } from "../core/jsonc.ts";
import { parseSettings, type Settings } from "../core/settings.ts";
import { readSettingsFile, SETTINGS_FILE_NAMES } from "../core/settings-file.ts";

/**
 * The default folders are in the current folder, as an archive made by
 * `news-archive init` has them (in this repository, npm's scripts run in its
 * folder, so `npm start` builds the sample archive).
 */
export const DEFAULT_CONTENT_DIR = "content";
export const DEFAULT_OUTPUT_DIR = "_site";
/**
 * Eleventy keeps tens of kilobytes per page it renders until its run ends;
 * a run of 100,000 article pages outgrows Node's default 4 GB heap. 5,000
 * holds a run to a few hundred megabytes, two of them side by side (one per
 * worker thread) to what one run of 10,000 held, and costs the smaller
 * archives nothing (one pass per worker).
 */
const PAGES_PER_RENDER_PASS = 5_000;
export const DEFAULT_CACHE_DIR = "node_modules/.cache/news-archive";

/** What a user asks for on the command line; every field is optional. Folders are relative to the current folder. */
export interface BuildOptions {
  /** The archive's folder of Markdown articles. Default: content/. */
  readonly content?: string;
  /** Where the site is written; a build replaces it whole. Default: _site/. */
  readonly output?: string;
  /** The settings file. Default: news-archive.json or news-archive.jsonc in the content folder, when there is one. */
  readonly config?: string;
  /** Serve the site under a sub-path ("/news/"); overrides the "basePath" setting. Default: "/", or the site URL's path. */
  readonly basePath?: string;
  /** The published site's address ("https://example.org/news/"), for canonical links, feeds and the sitemap; overrides "siteUrl". */
  readonly siteUrl?: string;
  /** false: links end in index.html, for hosts that do not serve a folder's index; overrides "cleanUrls". Default: true. */
  readonly cleanUrls?: boolean;
  /** Publish drafts too (outside the search index and the sitemap). Default: false. */
  readonly drafts?: boolean;
  /** Leave invalid articles out and publish the rest, instead of failing. Default: false. */
  readonly keepGoing?: boolean;
  /** A site that works from a folder on disk (file://): relative links, a script-loaded search index, no service worker. */
  readonly portable?: boolean;
  /** Where parsed and rendered articles are kept between builds; false keeps nothing. Default: node_modules/.cache/news-archive/ (in the current folder). */
  readonly cacheDir?: string | false;
  /**
   * For the commands that read a built site (check, preview): the default
   * content folder may be missing, the settings then come from --config or
   * the defaults. Default: false, the content folder must exist.
   */
  readonly builtSiteOnly?: boolean;
}

/** A checked request: absolute folders, typed settings. */
export interface BuildRequest {
  /** Absolute. */
  readonly contentDir: string;
  /** The content folder as the user wrote it, for messages. */
  readonly shownContentDir: string;
  /** Absolute. */
  readonly outputDir: string;
  /** The settings file read, if any, and its path relative to the content folder when it lies inside. */
  readonly settingsFile?: string;
  readonly settingsFileInContent?: string;
  /** The settings file's, with the command line's overrides applied. */
  readonly settings: Settings;
  /** The project's own templates folder ("layouts" setting), resolved; it must exist. */
  readonly ownLayoutsDir?: string;
  /** The static folder ("static" setting, or a "static" folder beside the settings), when there is one. */
  readonly staticFiles?: StaticSource;
  /** The static folder's real path when it lies inside the content folder: not read for articles. */
  readonly staticDirInContent?: string;
  /** What the archive's shortcodes file says its template calls become. */
  readonly shortcodes?: UserShortcodes;
  /** The logo's file ("logo" setting), its real path, inside the content folder or the settings file's folder. */
  readonly logoFile?: string;
  /** See BuildOptions.drafts. */
  readonly includeDrafts: boolean;
  /** See BuildOptions.keepGoing. */
  readonly keepGoing: boolean;
  /** See BuildOptions.portable. */
  readonly portable: boolean;
  /** This archive's folder in the build cache, or undefined when caching is off. */
  readonly cacheDir?: string;
  /** The most pages one Eleventy run renders (see renderPasses). */
  readonly pagesPerRenderPass: number;
}

export type RequestResult = { readonly ok: true; readonly request: BuildRequest } | { readonly ok: false; readonly errors: readonly string[] };

/**
 * Resolves folders and settings. Settings come from `--config FILE`, else from
 * `news-archive.json` or `news-archive.jsonc` in the content folder, else
 * defaults; flags override them.
 */
export async function resolveBuildRequest(options: BuildOptions, cwd: string = process.cwd()): Promise<RequestResult> {
  const shownContentDir = options.content ?? DEFAULT_CONTENT_DIR;
  const contentDir = resolve(cwd, options.content ?? DEFAULT_CONTENT_DIR);
  const outputDir = resolve(cwd, options.output ?? DEFAULT_OUTPUT_DIR);
  const errors: string[] = [];
  const contentFound = await isDirectory(contentDir);
  if (!contentFound && (options.builtSiteOnly !== true || options.content !== undefined)) {
    return {
      ok: false,
      errors: [
        `${shownContentDir}: the content folder does not exist or is not a folder; give the folder that holds your Markdown articles with --content DIR`,
      ],
    };
  }
  const contentReal = contentFound ? await realpath(contentDir) : contentDir;
  const outputReal = await realPathOfPossiblyMissing(outputDir);
  if (isInside(outputReal, contentReal)) {
    errors.push(`${options.output ?? outputDir}: the output folder is inside the content folder ${shownContentDir}; choose an output folder outside it`);
  }
  if (isInside(contentReal, outputReal) || contentReal === outputReal) {
    errors.push(
      `${options.output ?? outputDir}: the output folder holds the content folder ${shownContentDir}, and a build replaces the output folder; choose another output folder`,
    );
  }

  const inContent = SETTINGS_FILE_NAMES.map((name) => join(contentDir, name)).filter((file) => existsSync(file));
  if (options.config === undefined && inContent.length > 1) {
    return { ok: false, errors: [...errors, `${inContent.join(" and ")}: two settings files; keep one of them`] };
  }
  const settingsFile = options.config === undefined ? inContent[0] : resolve(cwd, options.config);
  let raw: Record<string, unknown> = {};
  let settingsText: string | undefined;
  if (settingsFile !== undefined) {
    const read = await readSettingsFile(settingsFile);
    if (!read.ok) return { ok: false, errors: [...errors, ...read.errors] };
    if (read.raw === null || typeof read.raw !== "object" || Array.isArray(read.raw)) {
      return { ok: false, errors: [...errors, `${settingsFile}: the settings file must hold one JSON object, such as {"title": "News"}`] };
    }
    raw = { ...(read.raw as Record<string, unknown>) };
    settingsText = read.text;
  }
  if (options.basePath !== undefined) {
    raw["basePath"] = options.basePath;
    // --base-path moves the site: a site URL from the settings file keeps its host and takes the new path.
    const fileSiteUrl = raw["siteUrl"];
    if (options.siteUrl === undefined && typeof fileSiteUrl === "string" && URL.canParse(fileSiteUrl)) {
      raw["siteUrl"] = new URL(options.basePath.replace(/^\/*/, "/"), fileSiteUrl).href;
    }
  }
  if (options.siteUrl !== undefined) raw["siteUrl"] = options.siteUrl;
  if (options.cleanUrls !== undefined) raw["cleanUrls"] = options.cleanUrls;
  if (options.portable === true) {
    // Opened from disk, a link to a folder shows the folder, not its page: every link names its index.html.
    if (options.cleanUrls === true) errors.push("--portable writes links ending in index.html; leave out --clean-urls=true");
    raw["cleanUrls"] = false;
  }
  const parsed = parseSettings(raw, settingsFile ?? "settings", settingsText);
  if (!parsed.ok) return { ok: false, errors: [...errors, ...parsed.errors] };
  if (errors.length > 0) return { ok: false, errors };

  const layoutsSetting = parsed.settings.layouts;
  const ownLayoutsDir = layoutsSetting === undefined ? undefined : resolve(settingsFile === undefined ? contentDir : dirname(settingsFile), layoutsSetting);
  if (ownLayoutsDir !== undefined && !(await isDirectory(ownLayoutsDir))) {
    return {
      ok: false,
      errors: [`${settingsFile ?? "settings"}: setting "layouts": the folder ${ownLayoutsDir} does not exist; create it or remove the setting`],
    };
  }
  const settingsDir = settingsFile === undefined ? contentDir : dirname(settingsFile);
  const logo =
    parsed.settings.logo === undefined
      ? undefined
      : await logoFileOf(resolve(settingsDir, parsed.settings.logo.file), [contentReal, await realpath(settingsDir)]);
  if (logo !== undefined && "problem" in logo) {
    const position = settingsText === undefined ? undefined : positionOfPath(settingsText, ["logo", "file"]);
    return {
      ok: false,
      errors: [`${settingsFile ?? "settings"}${position === undefined ? "" : `:${position.line}:${position.column}`}: setting "logo": ${logo.problem}`],
    };
  }
  const statics = await resolveStaticFolder(parsed.settings.static, settingsDir, contentReal, settingsFile ?? "settings");
  if ("error" in statics) return { ok: false, errors: [statics.error] };
  const shortcodes = await loadShortcodes(parsed.settings.shortcodes, settingsDir, settingsFile ?? "settings");
  if ("error" in shortcodes) return { ok: false, errors: [shortcodes.error] };
  const settingsFileInContent =
    settingsFile !== undefined && isInside(await realpath(settingsFile), contentReal)
      ? relative(contentReal, await realpath(settingsFile))
          .split("\\")
          .join("/")
      : undefined;
  return {
    ok: true,
    request: {
      contentDir,
      shownContentDir,
      outputDir,
      ...(settingsFile === undefined ? {} : { settingsFile }),
      ...(settingsFileInContent === undefined ? {} : { settingsFileInContent }),
      settings: parsed.settings,
      ...(ownLayoutsDir === undefined ? {} : { ownLayoutsDir }),
      ...statics,
      ...shortcodes,
      ...(logo === undefined ? {} : { logoFile: logo.file }),
      includeDrafts: options.drafts ?? false,
      keepGoing: options.keepGoing ?? false,
      portable: options.portable ?? false,
      pagesPerRenderPass: PAGES_PER_RENDER_PASS,
      // One folder per archive, so that building two archives in turn keeps both warm.
      ...(options.cacheDir === false
        ? {}
        : { cacheDir: join(resolve(cwd, options.cacheDir ?? DEFAULT_CACHE_DIR), createHash("sha256").update(contentReal).digest("hex").slice(0, 12)) }),
    },
  };
}

/**
 * The static folder: the one the "static" setting names (relative to the
 * settings file, and which must exist), else a "static" folder beside the
 * settings file (or in the content folder) when there is one. It may be
 * the content folder itself ("."), but may not hold it; it lies inside the
 * content folder or the settings file's, as the logo does, so that no
 * setting publishes another folder of the machine.
 */
async function resolveStaticFolder(
  setting: string | undefined,
  settingsDir: string,
  contentReal: string,
  settingsFile: string,
): Promise<{ readonly staticFiles?: StaticSource; readonly staticDirInContent?: string } | { readonly error: string }> {
  const dir = resolve(settingsDir, setting ?? "static");
  if (!(await isDirectory(dir))) {
    return setting === undefined ? {} : { error: `${settingsFile}: setting "static": the folder ${dir} does not exist; create it or remove the setting` };
  }
  const real = await realpath(dir);
  if (real === contentReal) return { staticFiles: "content" };
  // The folder exists, and so does the settings file's, which it was found from.
  const settingsReal = await realpath(settingsDir);
  if (isInside(contentReal, real)) {
    return {
      error: `${settingsFile}: setting "static": the folder ${dir} holds the content folder, whose articles would be published as files; name a folder beside it or inside it, or "." for the content folder itself`,
    };
  }
  if (real !== settingsReal && !isInside(real, contentReal) && !isInside(real, settingsReal)) {
    return {
      error: `${settingsFile}: setting "static": the folder ${dir} lies outside the archive's folder and the settings file's folder (or leads there by a symbolic link); put the static files in one of them`,
    };
  }
  const shown = relative(contentReal, real).split("\\").join("/");
  return { staticFiles: { dir: real, shown }, ...(isInside(real, contentReal) ? { staticDirInContent: real } : {}) };
}

/**
 * The logo's file, read and published with the site: only from the archive's
 * folder or the settings file's, as articles' files are only read from the
 * archive's, so that no setting publishes another file of the machine (a
 * process's environment, a password file). A symbolic link is followed to
 * where it leads, which must be inside too.
 */
async function logoFileOf(file: string, allowedFolders: readonly string[]): Promise<{ readonly file: string } | { readonly problem: string }> {
  let real: string;
  try {
    real = await realpath(file);
  } catch {
    return { problem: `the file ${file} does not exist; put the logo there or correct the setting` };
  }
  if (!allowedFolders.some((folder) => isInside(real, folder))) {
    return {
      problem: `the file ${file} lies outside the archive's folder and the settings file's folder (or leads there by a symbolic link); put the logo in the archive's folder`,
    };
  }
  return { file: real };
}

/** The real path of a folder that may not exist yet: its nearest existing ancestor, resolved, plus the rest. */
async function realPathOfPossiblyMissing(path: string): Promise<string> {
  try {
    return await realpath(path);
  } catch {
    const parent = dirname(path);
    return parent === path ? path : join(await realPathOfPossiblyMissing(parent), relative(parent, path));
  }
}

import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { extname, join } from "node:path";
import { PROJECT_ROOT } from "../core/project.ts";
import { fingerprintedPath, THEME_FILES, type ThemeAssetPaths } from "../core/assets.ts";
import { stemmingLanguage } from "../text/stemmers.ts";
import { compileBrowserScripts, SEARCH_START_SCRIPT, stemmerScript } from "./browser-scripts.ts";
import { outputFileFor, pathFromRoot } from "../core/urls.ts";
import { SEARCH_ENTRY_FILE, SEARCH_FILE_EXTENSIONS, SEARCH_SCRIPT_CALLBACK, stemmerKey } from "../core/search-files.browser.ts";

/** The theme's templates and files: partials/ holds one partial per page kind and the pieces they share; assets/ the stylesheet and icon. */
export const LAYOUTS_DIR = join(PROJECT_ROOT, "layouts");

interface ThemeOptions {
  readonly accentColor?: string;
  readonly accentColorDark?: string;
  /** Absolute path of the logo image, if the settings name one. */
  readonly logoFile?: string;
  /** Pages install the service worker (hosted sites read offline). */
  readonly serviceWorker: boolean;
  /** The home and 404 pages may send visitors of old addresses with a query on (hosted sites). */
  readonly queryRedirects: boolean;
  /** The stemming languages of the archive's articles (text/stemmers.ts), whose stemmers the search page loads. */
  readonly stemmerLanguages: readonly string[];
  /** Opened from disk: the search index loads as scripts, and no entry file is fetched ahead. */
  readonly portable: boolean;
}

export interface ThemeBundle {
  /** Where each file is published: fingerprinted, so it may be cached for long. */
  readonly paths: ThemeAssetPaths;
  readonly files: readonly { readonly path: string; readonly content: string | Uint8Array }[];
  /** The service worker's compiled code, to which the build prepends what it caches; when pages install it. */
  readonly serviceWorkerCode?: string;
}

/** The stylesheet's own accent colours, which the settings may replace. */
const ACCENT_LIGHT = "--accent: #2f6b3f;";
const ACCENT_DARK = "--accent: #8fd19e;";

/**
 * The stemmers' scripts the search page loads, one per stemming language
 * (text/stemmers.ts), each named by its content; bundled once per language
 * and process. The search index names them too, and is started before the
 * rest of the theme is prepared.
 */
export function searchStemmerFiles(languages: readonly string[]): Promise<{ readonly language: string; readonly path: string; readonly content: string }[]> {
  return Promise.all(
    languages.map(async (language) => {
      const content = await stemmerScript(language, SEARCH_SCRIPT_CALLBACK, stemmerKey(language));
      return { language, path: fingerprintedPath(`assets/stem-${language}.js`, content), content };
    }),
  );
}

/** Bundles the stemmer of a site's language (a tag, "en-GB") ahead, while the articles are read: searchStemmerFiles then has it at once. */
export function bundleStemmerAhead(siteLanguage: string): void {
  const language = stemmingLanguage(siteLanguage);
  // A failure is reported where the stemmer's script is asked for.
  if (language !== "") searchStemmerFiles([language]).catch(() => undefined);
}

/** A bundled script's code; its absence is a fault of the package (the stemmers inlined alone would call a callback no script defines). */
function bundled(scripts: ReadonlyMap<string, string>, path: string): string {
  const code = scripts.get(path);
  if (code === undefined) throw new Error(`news-archive has no ${path} among its bundled scripts; this is a fault of news-archive, please report it`);
  return code;
}

/** A script a page holds inline, with the digest a Content-Security-Policy allows it by ('sha256-…'). */
function inlineScript(code: string): { code: string; digest: string } {
  // The bundler escapes "</script" in strings; a page's parser would end the script at one left, or misread "<!--".
  if (/<\/script|<!--/i.test(code)) throw new Error("an inline script holds </script or <!--, which would break its page");
  return { code, digest: `sha256-${createHash("sha256").update(code).digest("base64")}` };
}

/** Reads the stylesheet, icon and logo, compiles the scripts and names each file by its content. */
export async function prepareTheme(options: ThemeOptions): Promise<ThemeBundle> {
  const scripts = new Map((await compileBrowserScripts()).map((script) => [script.path, script.code]));
  const read = (path: string): Promise<string> => readFile(join(LAYOUTS_DIR, path), "utf8");
  let stylesheet = await read(THEME_FILES.stylesheet);
  if (options.accentColor !== undefined) stylesheet = stylesheet.replace(ACCENT_LIGHT, `--accent: ${options.accentColor};`);
  if (options.accentColorDark !== undefined) stylesheet = stylesheet.replace(ACCENT_DARK, `--accent: ${options.accentColorDark};`);
  const contents = {
    stylesheet,
    favicon: await read(THEME_FILES.favicon),
    searchScript: scripts.get(THEME_FILES.searchScript) ?? "",
    highlightScript: scripts.get(THEME_FILES.highlightScript) ?? "",
    categoryFilterScript: scripts.get(THEME_FILES.categoryFilterScript) ?? "",
    notFoundScript: scripts.get(THEME_FILES.notFoundScript) ?? "",
  };
  const paths = {
    stylesheet: fingerprintedPath(THEME_FILES.stylesheet, contents.stylesheet),
    favicon: fingerprintedPath(THEME_FILES.favicon, contents.favicon),
    // The search scripts find the search index relative to themselves, so only their names change.
    searchScript: fingerprintedPath(THEME_FILES.searchScript, contents.searchScript),
    highlightScript: fingerprintedPath(THEME_FILES.highlightScript, contents.highlightScript),
    categoryFilterScript: fingerprintedPath(THEME_FILES.categoryFilterScript, contents.categoryFilterScript),
    notFoundScript: fingerprintedPath(THEME_FILES.notFoundScript, contents.notFoundScript),
  };
  const files: { path: string; content: string | Uint8Array }[] = (Object.keys(contents) as (keyof typeof contents)[]).map((key) => ({
    path: paths[key],
    content: contents[key],
  }));
  const stemmers = await searchStemmerFiles(options.stemmerLanguages);
  files.push(...stemmers);
  let bundle: ThemeBundle = {
    paths: {
      ...paths,
      searchStemmers: Object.fromEntries(stemmers.map(({ language, path }) => [language, path])),
      ...(options.portable
        ? {}
        : {
            searchIndexEntry: `${pathFromRoot({ kind: "search-index" })}${SEARCH_ENTRY_FILE}${SEARCH_FILE_EXTENSIONS.fetched}`,
            searchStart: inlineScript([bundled(scripts, SEARCH_START_SCRIPT), ...stemmers.map(({ content }) => content)].join("\n")),
          }),
    },
    files,
  };
  if (options.queryRedirects) {
    const code = scripts.get(THEME_FILES.queryRedirectScript) ?? "";
    const path = fingerprintedPath(THEME_FILES.queryRedirectScript, code);
    bundle = { paths: { ...bundle.paths, queryRedirectScript: path }, files: [...bundle.files, { path, content: code }] };
  }
  if (options.serviceWorker) {
    const offlineScript = scripts.get(THEME_FILES.offlineScript) ?? "";
    const offlinePath = fingerprintedPath(THEME_FILES.offlineScript, offlineScript);
    const archiveScript = scripts.get(THEME_FILES.archiveScript) ?? "";
    const archivePath = fingerprintedPath(THEME_FILES.archiveScript, archiveScript);
    bundle = {
      ...bundle,
      paths: { ...bundle.paths, offlineScript: offlinePath, archiveScript: archivePath },
      files: [...bundle.files, { path: offlinePath, content: offlineScript }, { path: archivePath, content: archiveScript }],
      serviceWorkerCode: scripts.get(outputFileFor({ kind: "service-worker" })) ?? "",
    };
  }
  if (options.logoFile === undefined) return bundle;
  const logo = await readFile(options.logoFile);
  const logoPath = fingerprintedPath(`assets/logo${extname(options.logoFile).toLowerCase()}`, logo);
  return { ...bundle, paths: { ...bundle.paths, logo: logoPath }, files: [...bundle.files, { path: logoPath, content: logo }] };
}

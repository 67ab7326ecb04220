import type { BuildOptions } from "../pipeline/request.ts";
import type { Options, Values } from "./arguments.ts";

/** Options that say which archive and which site a command is about: every command but init has them. */
export const SITE_OPTIONS = {
  content: { type: "string" },
  output: { type: "string" },
  config: { type: "string" },
  "base-path": { type: "string" },
} as const satisfies Options;

export const SITE_OPTION_LINES = `  --content DIR        the archive's folder of Markdown articles (default: content/)
  --output DIR         the site's folder (default: _site/)
  --config FILE        settings file (default: news-archive.json or news-archive.jsonc in the content folder)
  --base-path /PREFIX/ the sub-path the site is served under`;

/** Options of the commands that build: build and serve. */
export const BUILD_OPTIONS = {
  ...SITE_OPTIONS,
  "site-url": { type: "string" },
  "clean-urls": { type: "string" },
  portable: { type: "boolean" },
  drafts: { type: "boolean" },
  "cache-dir": { type: "string" },
  "no-cache": { type: "boolean" },
  verbose: { type: "boolean" },
} as const satisfies Options;

export const BUILD_OPTION_LINES = `${SITE_OPTION_LINES}
  --site-url URL       the published site's address, e.g. https://example.org/news/
  --clean-urls=false   write links ending in index.html, for hosts without folder indexes
  --portable           a site that works opened from a folder on disk (file://), e.g. on a USB stick:
                       relative links, a search index loaded by scripts, no service worker
  --drafts             publish drafts too
  --cache-dir DIR      where unchanged articles are kept parsed and rendered between builds
                       (default: node_modules/.cache/news-archive/)
  --no-cache           parse and render every article again
  --verbose            list every warning instead of the first 10 of each kind`;

/** The folders and settings overrides the site options give, as resolveBuildRequest takes them. */
export function siteOptionsOf(values: Values<typeof SITE_OPTIONS>): BuildOptions {
  return {
    ...(values.content === undefined ? {} : { content: values.content }),
    ...(values.output === undefined ? {} : { output: values.output }),
    ...(values.config === undefined ? {} : { config: values.config }),
    ...(values["base-path"] === undefined ? {} : { basePath: values["base-path"] }),
  };
}

/** What the build options ask for, or the problem with them (a command error). */
export function buildOptionsOf(values: Values<typeof BUILD_OPTIONS>, keepGoing: boolean): { readonly options: BuildOptions } | { readonly problem: string } {
  const cleanUrls = values["clean-urls"];
  if (cleanUrls !== undefined && cleanUrls !== "true" && cleanUrls !== "false") {
    return { problem: `--clean-urls=${cleanUrls}: expected --clean-urls=true or --clean-urls=false` };
  }
  if (values["no-cache"] === true && values["cache-dir"] !== undefined) {
    return { problem: "--no-cache and --cache-dir contradict each other; give one of them" };
  }
  return {
    options: {
      ...siteOptionsOf(values),
      ...(values["site-url"] === undefined ? {} : { siteUrl: values["site-url"] }),
      ...(cleanUrls === undefined ? {} : { cleanUrls: cleanUrls === "true" }),
      drafts: values.drafts ?? false,
      keepGoing,
      portable: values.portable ?? false,
      ...(values["no-cache"] === true ? { cacheDir: false } : values["cache-dir"] === undefined ? {} : { cacheDir: values["cache-dir"] }),
    },
  };
}

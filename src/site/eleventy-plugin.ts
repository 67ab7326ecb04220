import { copyFile, mkdir, writeFile } from "node:fs/promises";
import { dirname, join, relative, sep } from "node:path";
import type { UserConfig } from "@11ty/eleventy";
import type { SiteSource } from "../build/site-source.ts";
import type { SiteViews } from "../model/views.ts";
import { writeSearchIndex } from "../search/search-index.ts";

/**
 * Wires the typed site data into Eleventy: each template in `layouts/`
 * paginates over one of the view lists and prints it; nothing here computes
 * content. After Eleventy has rendered, page-bundle files, the theme's
 * files and the search index are written beside the pages.
 */
export function configureSite(eleventyConfig: UserConfig, source: SiteSource): void {
  // Eleventy evaluates data functions on every build, so `npm start` picks up edits.
  const viewNames: readonly (keyof SiteViews)[] = [
    "site",
    "articlePages",
    "homePages",
    "archivePage",
    "yearPages",
    "monthPages",
    "categoryIndex",
    "categoryPages",
    "tagIndex",
    "tagPages",
    "notFoundPage",
    "searchPage",
  ];
  for (const name of viewNames) eleventyConfig.addGlobalData(name, async () => (await source.data()).views[name]);

  // A project's own layouts: their files are found before the theme's partials of the same name.
  const ownLayouts = source.request.ownLayoutsDir;
  if (ownLayouts !== undefined) {
    eleventyConfig.amendLibrary("njk", (environment) => {
      for (const loader of environment.loaders) loader.searchPaths?.unshift(ownLayouts);
    });
    eleventyConfig.addWatchTarget(ownLayouts);
  }
  eleventyConfig.addWatchTarget(source.request.contentDir);
  eleventyConfig.on("eleventy.beforeWatch", () => source.invalidate());

  eleventyConfig.on("eleventy.after", async ({ directories, results }) => {
    const { bundleAssets, views, theme, publishedFiles } = await source.data();
    for (const { from, to } of bundleAssets) {
      const target = join(directories.output, to);
      await mkdir(dirname(target), { recursive: true });
      await copyFile(join(source.request.contentDir, from), target);
    }
    for (const file of [...theme.files, ...publishedFiles]) {
      const target = join(directories.output, file.path);
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, file.content);
    }
    // The search index is made from the rendered HTML in memory, only of published, non-draft articles.
    const searchableUrls = new Map(views.articlePages.filter((page) => page.searchable).map((page) => [page.permalink, page.href]));
    const pages = results.flatMap((result) => {
      if (result.outputPath === false) return [];
      const url = searchableUrls.get(relative(directories.output, result.outputPath).split(sep).join("/"));
      return url === undefined ? [] : [{ url, html: result.content }];
    });
    source.recordSearchIndex(await writeSearchIndex(pages, directories.output));
  });
}

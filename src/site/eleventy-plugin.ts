import type { UserConfig } from "@11ty/eleventy";
import { resolve } from "node:path";
import { isInside } from "../build/request.ts";
import type { SiteSource } from "../build/site-source.ts";
import type { SiteViews } from "../model/views.ts";
import { rewriteHtmlUrls } from "../render/html-urls.ts";
import { writeBesidePages } from "./beside-pages.ts";
import { relativeHref } from "./urls.ts";

/**
 * Wires the typed site data into Eleventy: each template in `layouts/`
 * paginates over one of the view lists and prints it; nothing here computes
 * content. After Eleventy has rendered, the files that sit beside the pages
 * are written (see beside-pages.ts).
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
    "offlinePages",
  ];
  for (const name of viewNames) eleventyConfig.addGlobalData(name, async () => (await source.viewsToRender())[name]);
  // Eleventy's default, kept whatever it becomes: an interrupted build removes its staging folder
  // between two tasks of the event loop, when no synchronous write can be half done (see writeAtomically).
  eleventyConfig.configureTemplateHandling({ writeMode: "sync" });

  // A project's own layouts: their files are found before the theme's partials of the same name.
  const ownLayouts = source.request.ownLayoutsDir;
  if (ownLayouts !== undefined) {
    eleventyConfig.amendLibrary("njk", (environment) => {
      for (const loader of environment.loaders) loader.searchPaths?.unshift(ownLayouts);
    });
    eleventyConfig.addWatchTarget(ownLayouts);
  }
  eleventyConfig.addWatchTarget(source.request.contentDir);
  // An edited article changes some pages; an edited template may change any.
  const contentDir = resolve(source.request.contentDir);
  eleventyConfig.on("eleventy.beforeWatch", (changedFiles: readonly string[]) =>
    source.invalidate({ everyPage: changedFiles.some((file) => !isInside(resolve(file), contentDir)) }),
  );

  if (source.request.portable) {
    // Opened from disk there is no site root: every link is made relative to its page.
    const { basePath } = source.request.settings;
    eleventyConfig.addTransform("relative-links", function (content) {
      const { url } = this.page;
      if (typeof url !== "string" || !(url.endsWith("/") || url.endsWith(".html"))) return content;
      const fromFile = `${url.slice(1)}${url.endsWith("/") ? "index.html" : ""}`;
      return rewriteHtmlUrls(content, (link) => relativeHref(link, fromFile, basePath));
    });
  }

  eleventyConfig.on("eleventy.after", async ({ directories }) => {
    if (!(await source.isLastPass())) return;
    source.recordWritten(await writeBesidePages(directories.output, await source.data(), source.request, () => source.pagesWritten()));
  });
}

import { copyFile, mkdir } from "node:fs/promises";
import { dirname, join } from "node:path";
import type { UserConfig } from "@11ty/eleventy";
import { PROJECT_ROOT } from "../build/request.ts";
import type { SiteSource } from "../build/site-source.ts";
import { STYLESHEET_PATH, type SiteViews } from "../model/views.ts";

/**
 * Wires the typed site data into Eleventy: each template in `layouts/`
 * paginates over one of the view lists and prints it; nothing here computes content.
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
  ];
  for (const name of viewNames) eleventyConfig.addGlobalData(name, async () => (await source.data()).views[name]);

  eleventyConfig.addPassthroughCopy({ [join(PROJECT_ROOT, "layouts", STYLESHEET_PATH)]: STYLESHEET_PATH });
  eleventyConfig.addWatchTarget(source.request.contentDir);
  eleventyConfig.on("eleventy.beforeWatch", () => source.invalidate());

  // Page bundles: each file is copied beside its article's page.
  eleventyConfig.on("eleventy.after", async ({ directories }) => {
    const { bundleAssets } = await source.data();
    for (const { from, to } of bundleAssets) {
      const target = join(directories.output, to);
      await mkdir(dirname(target), { recursive: true });
      await copyFile(join(source.request.contentDir, from), target);
    }
  });
}

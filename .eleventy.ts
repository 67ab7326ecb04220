// Eleventy's configuration for those who run Eleventy itself on this project
// (`npx tsx node_modules/@11ty/eleventy/cmd.cjs --config=.eleventy.ts`, since
// Eleventy 3.1 does not load TypeScript configs by itself): it builds the
// sample archive with its settings into _site/. `npm run build`, `npm start`
// and the news-archive command do not read this file; they hand the site to
// Eleventy directly.
import type { UserConfig } from "@11ty/eleventy";
import { SAMPLE_CONTENT_DIR } from "./src/core/project.ts";
import { loadSite, openArticleCache } from "./src/pipeline/load-site.ts";
import { resolveBuildRequest } from "./src/pipeline/request.ts";
import { writeBesidePages } from "./src/publish/beside-pages.ts";
import { configureSite } from "./src/render/eleventy-site.ts";

export default async function (eleventyConfig: UserConfig): Promise<void> {
  const resolved = await resolveBuildRequest({ content: SAMPLE_CONTENT_DIR });
  if (!resolved.ok) throw new Error(resolved.errors.join("\n"));
  const { request } = resolved;
  const site = await loadSite(request, { articleCache: await openArticleCache(request), serving: false });
  eleventyConfig.setInputDirectory("layouts");
  configureSite(eleventyConfig, { views: () => site.plan.views, portable: false, basePath: request.settings.basePath });
  eleventyConfig.on("eleventy.after", ({ directories }) => writeBesidePages(directories.output, site.plan, request, () => undefined));
}

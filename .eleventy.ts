// Eleventy's configuration: a short wiring of the typed parts in src/.
// Run through tsx (Eleventy 3.1 does not load TypeScript configs by itself):
// `npm run build` and `npm start` do that for you.
import type { UserConfig } from "@11ty/eleventy";
import { currentSiteSource } from "./src/pipeline/current-build.ts";
import { configureSite } from "./src/render/eleventy-site.ts";

export default async function (eleventyConfig: UserConfig) {
  configureSite(eleventyConfig, await currentSiteSource());
  return {
    dir: { input: "layouts", includes: "partials" },
    templateFormats: ["njk"],
    // Article bodies are Markdown rendered by markdown-it in src/, never run through a template language.
    markdownTemplateEngine: false,
    htmlTemplateEngine: false,
  };
}

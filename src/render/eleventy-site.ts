import type { UserConfig } from "@11ty/eleventy";
import { resolve } from "node:path";
import { rewriteHtmlUrls } from "../core/html-urls.ts";
import { isInside } from "../core/project.ts";
import { relativeHref } from "../core/urls.ts";
import { PAGE_KIND_NAMES, PAGE_KINDS, type SiteViews } from "../model/pages.ts";
import type { PageBase } from "../model/views/types.ts";
import { loadEleventy, loopbackDevServer, searchFirstIn, watchWithDeletions } from "./eleventy-adapter.ts";
import { LAYOUTS_DIR } from "./theme.ts";

/** What Eleventy is given to render a site, or one render pass of it. */
export interface SiteRendering {
  /**
   * The views of the pages to render. Eleventy asks on every build, so that
   * under `npm start` each rebuild renders the views of the edited archive.
   */
  readonly views: () => SiteViews | Promise<SiteViews>;
  /** The project's own layouts folder ("layouts" setting): its partials replace the theme's of the same name. */
  readonly ownLayoutsDir?: string;
  /** Every link made relative to its page, for a site opened from disk (--portable). */
  readonly portable: boolean;
  readonly basePath: string;
}

/**
 * Wires the typed views into Eleventy: one virtual template per page kind of
 * the registry (model/pages.ts), each paginating over that kind's views and
 * printing each with its partial. Nothing here computes content; no Markdown
 * or HTML file goes through Eleventy (article bodies are rendered by
 * markdown-it before), so no template language ever touches article text.
 */
export function configureSite(eleventyConfig: UserConfig, rendering: SiteRendering): void {
  eleventyConfig.setIncludesDirectory("partials");
  eleventyConfig.setTemplateFormats(["njk"]);
  eleventyConfig.addGlobalData("site", async () => (await rendering.views()).site);
  eleventyConfig.addGlobalData("pages", async () => (await rendering.views()).pages);
  // Eleventy's default, kept whatever it becomes: an interrupted build removes its staging folder
  // between two tasks of the event loop, when no synchronous write can be half done (see writeAtomically).
  eleventyConfig.configureTemplateHandling({ writeMode: "sync" });
  for (const name of PAGE_KIND_NAMES) {
    // Eleventy compiles a paginated template's own text again for every page, so the markup lives in the partial (compiled once, cached by Nunjucks).
    eleventyConfig.addTemplate(`${name}.njk`, `{% extends "${PAGE_KINDS[name].partial}" %}`, {
      pagination: { data: `pages.${name}`, size: 1, alias: "entry" },
      permalink: (data: { readonly entry: PageBase }) => data.entry.permalink,
      eleventyExcludeFromCollections: true,
    });
  }
  if (rendering.ownLayoutsDir !== undefined) searchFirstIn(eleventyConfig, rendering.ownLayoutsDir);
  if (rendering.portable) {
    // Opened from disk there is no site root: every link is made relative to its page.
    eleventyConfig.addTransform("relative-links", function (content) {
      const { url } = this.page;
      if (typeof url !== "string" || !(url.endsWith("/") || url.endsWith(".html"))) return content;
      const fromFile = `${url.slice(1)}${url.endsWith("/") ? "index.html" : ""}`;
      return rewriteHtmlUrls(content, (link) => relativeHref(link, fromFile, rendering.basePath));
    });
  }
}

/** Renders the pages of `rendering.views` into `outputDir`, in one Eleventy run. */
export async function renderPages(outputDir: string, rendering: SiteRendering): Promise<void> {
  const { Eleventy } = await loadEleventy();
  const eleventy = new Eleventy(LAYOUTS_DIR, outputDir, {
    // The site is wired here, not read from a config file (which Eleventy would otherwise look for in the current folder).
    configPath: false,
    quietMode: true,
    runMode: "build",
    config: (eleventyConfig) => configureSite(eleventyConfig, rendering),
  });
  // Quiet mode still prints "[11ty] Wrote N files" after each run, one line per render pass; the build's summary says it once.
  eleventy.disableLogger();
  await eleventy.write();
}

/** What `npm start` needs to hear from a watching Eleventy. */
export interface WatchHooks {
  /** The content folder, watched besides the templates. */
  readonly contentDir: string;
  /** Files changed: the archive must be loaded again; every page may change when a template did. */
  readonly changed: (change: { readonly everyPage: boolean }) => void;
  /** After each build has written its pages. */
  readonly written: (outputDir: string) => Promise<void>;
}

/** Renders every page, then renders again what each edit changes, until the process ends. */
export async function watchPages(outputDir: string, rendering: SiteRendering, hooks: WatchHooks): Promise<void> {
  const contentDir = resolve(hooks.contentDir);
  const { Eleventy } = await loadEleventy();
  const eleventy = new Eleventy(LAYOUTS_DIR, outputDir, {
    configPath: false,
    quietMode: true,
    runMode: "watch",
    config: (eleventyConfig) => {
      configureSite(eleventyConfig, rendering);
      eleventyConfig.addWatchTarget(contentDir);
      if (rendering.ownLayoutsDir !== undefined) eleventyConfig.addWatchTarget(rendering.ownLayoutsDir);
      // An edited article changes some pages; an edited template may change any.
      eleventyConfig.on("eleventy.beforeWatch", (changedFiles: readonly string[]) =>
        hooks.changed({ everyPage: changedFiles.some((file) => !isInside(resolve(file), contentDir)) }),
      );
      eleventyConfig.on("eleventy.after", ({ directories }) => hooks.written(directories.output));
    },
  });
  await eleventy.init();
  await watchWithDeletions(eleventy);
}

/** Serves `outputDir` on 127.0.0.1 with live reload; returns a function that reloads the browser. */
export function servePages(outputDir: string, port: number, basePath: string): { readonly reload: () => void } {
  const server = loopbackDevServer("news-archive", outputDir, { pathPrefix: basePath });
  server.serve(port);
  return { reload: () => server.reload({}) };
}

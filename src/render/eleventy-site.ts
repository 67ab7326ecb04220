import type { NunjucksEnvironment, UserConfig } from "@11ty/eleventy";
import type { IncomingMessage, ServerResponse } from "node:http";
import { rewriteHtmlUrls } from "../core/html-urls.ts";
import { relativeHref } from "../core/urls.ts";
import { PAGE_KIND_NAMES, PAGE_KINDS, type SiteViews } from "../model/pages.ts";
import type { PageBase } from "../model/views/types.ts";
import { loadEleventy, loopbackDevServer, searchFirstIn } from "./eleventy-adapter.ts";
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
  eleventyConfig.addNunjucksGlobal("sidebarHtml", sidebarRenderer(eleventyConfig));
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

/** The partial of the sidebar's boxes, which base.njk prints through `sidebarHtml`. */
const SIDEBAR_PARTIAL = "sidebar.njk";

/**
 * The sidebar is the same on nearly every page (the site's boxes; a page
 * showing boxes of its own has them in `entry.sidebar`), so its partial is
 * rendered once for each list of boxes and printed as rendered on every page
 * that shows that list: included in each page, its loops and lookups were a
 * quarter of the time the pages took. The partial sees `sidebarBoxes` and
 * `site`, not the page's `entry`. A partial edited under a watch is compiled
 * again by Nunjucks into a new template, rendered afresh.
 */
function sidebarRenderer(eleventyConfig: UserConfig): (boxes: object, site: object) => string {
  let environment: NunjucksEnvironment | undefined;
  eleventyConfig.amendLibrary("njk", (amended) => {
    environment = amended;
  });
  const rendered = new WeakMap<object, WeakMap<object, string>>();
  return (boxes, site) => {
    if (environment === undefined) throw new Error("the sidebar was printed before Eleventy's Nunjucks environment was made");
    const template = environment.getTemplate(SIDEBAR_PARTIAL);
    let byBoxes = rendered.get(template);
    if (byBoxes === undefined) {
      byBoxes = new WeakMap<object, string>();
      rendered.set(template, byBoxes);
    }
    let html = byBoxes.get(boxes);
    if (html === undefined) {
      html = template.render({ sidebarBoxes: boxes, site });
      byBoxes.set(boxes, html);
    }
    return html;
  };
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

/**
 * Serves `outputDir` on 127.0.0.1 with live reload; returns a function that
 * reloads the browser. Each HTML page is sent as `sentPage` makes it from
 * the page written (npm start shows the last build's errors over it); the
 * files stay as written.
 */
export function servePages(outputDir: string, port: number, basePath: string, sentPage: (html: string) => string): { readonly reload: () => void } {
  const transformPages = (_request: IncomingMessage, response: ServerResponse, next: () => void): void => {
    const end = response.end.bind(response) as (...args: unknown[]) => ServerResponse;
    // The server sends an HTML page as one string, through end(), once it has set its type.
    response.end = (chunk?: unknown, ...rest: unknown[]): ServerResponse => {
      const html = typeof chunk === "string" && String(response.getHeader("Content-Type") ?? "").startsWith("text/html");
      return end(html ? sentPage(chunk) : chunk, ...rest);
    };
    next();
  };
  const server = loopbackDevServer("news-archive", outputDir, { pathPrefix: basePath, middleware: [transformPages] });
  server.serve(port);
  return { reload: () => server.reload({}) };
}

import type { SiteViews } from "../model/views.ts";
import { escapeMarkup } from "../core/escape.ts";
import { absoluteUrlFor, type UrlContext } from "../core/urls.ts";
import type { PublishedFile } from "./feeds.ts";

/**
 * sitemap.xml with every published page (articles with their last
 * modification date; drafts and the 404 page left out) and robots.txt
 * pointing to it. Sitemaps want absolute URLs: without a site URL they are
 * relative, and the build says so.
 */
export function buildSitemap(views: SiteViews, urls: UrlContext, lastModified: ReadonlyMap<string, string>): PublishedFile[] {
  const pages = [
    ...views.homePages,
    views.archivePage,
    ...views.yearPages,
    ...views.monthPages,
    views.categoryIndex,
    ...views.categoryPages,
    views.tagIndex,
    ...views.tagPages,
    views.searchPage,
    ...views.articlePages.filter((page) => page.searchable),
  ];
  const entries = pages.map((page) => {
    const modified = lastModified.get(page.permalink);
    return `  <url><loc>${escapeMarkup(page.meta.canonicalUrl)}</loc>${modified === undefined ? "" : `<lastmod>${modified}</lastmod>`}</url>`;
  });
  const sitemap = `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${entries.join("\n")}\n</urlset>\n`;
  const robots = `User-agent: *\nAllow: /\n\nSitemap: ${absoluteUrlFor({ kind: "sitemap" }, urls)}\n`;
  return [
    { path: "sitemap.xml", content: sitemap },
    { path: "robots.txt", content: robots },
  ];
}

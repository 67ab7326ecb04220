import { selectPages, type PageViews } from "../model/pages.ts";
import { escapeMarkup } from "../core/escape.browser.ts";
import { absoluteUrlFor, type UrlContext } from "../core/urls.ts";
import type { PublishedFile } from "./feeds.ts";

/**
 * sitemap.xml with every published page (articles with their last
 * modification date; drafts and the 404 page left out; the static folder's
 * HTML files, by their paths from the site's root) and robots.txt
 * pointing to it. Sitemaps want absolute URLs: without a site URL they are
 * relative, and the build says so. Which pages are listed is the page
 * registry's word (`inSitemap`).
 */
export function buildSitemap(
  pages: PageViews,
  urls: UrlContext,
  lastModified: ReadonlyMap<string, string>,
  staticPages: readonly string[] = [],
): PublishedFile[] {
  const listed = selectPages(pages, (kind, page) => kind.inSitemap(page));
  const entries = listed.map((page) => {
    const modified = lastModified.get(page.permalink);
    return `  <url><loc>${escapeMarkup(page.meta.canonicalUrl)}</loc>${modified === undefined ? "" : `<lastmod>${modified}</lastmod>`}</url>`;
  });
  // HTML files of the static folder are pages of the site too.
  entries.push(...staticPages.map((path) => `  <url><loc>${escapeMarkup(absoluteUrlFor({ kind: "file", path }, urls))}</loc></url>`));
  const sitemap = `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${entries.join("\n")}\n</urlset>\n`;
  const robots = `User-agent: *\nAllow: /\n\nSitemap: ${absoluteUrlFor({ kind: "sitemap" }, urls)}\n`;
  return [
    { path: "sitemap.xml", content: sitemap },
    { path: "robots.txt", content: robots },
  ];
}

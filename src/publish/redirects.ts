import type { OldAddress, SiteRedirect } from "../core/article.ts";
import { queryRedirectKey } from "../core/query-redirects.browser.ts";
import { hrefFor, outputFileFor, type Route, type UrlContext } from "../core/urls.ts";
import type { PublishedFile } from "./feeds.ts";

/**
 * What hosts need to send an article's old addresses on, besides the
 * redirect pages: a `_redirects` file (Netlify's and Cloudflare Pages'
 * syntax) with a permanent redirect for each, and, when some old addresses
 * have a query ("/?p=12", which no file can stand for), the map the home
 * and 404 pages' script reads. Neither is written when no article has an
 * old address. Pages' old addresses, stubs and the `redirects` setting
 * are written alike.
 */
export function buildRedirectFiles(
  site: {
    readonly articles: readonly { readonly route: Route; readonly redirects: readonly OldAddress[] }[];
    readonly pages: readonly { readonly route: Route; readonly redirects: readonly OldAddress[] }[];
    readonly redirects: readonly SiteRedirect[];
  },
  urls: UrlContext,
): PublishedFile[] {
  // An old address is requested as it was: "/old/", never "/old/index.html".
  const requested: UrlContext = { ...urls, cleanUrls: true };
  const lines: string[] = [];
  const map: Record<string, string> = {};
  const targets = [
    ...[...site.articles, ...site.pages].map((item) => ({ target: hrefFor(item.route, urls), from: item.redirects })),
    ...site.redirects.map((redirect) => ({ target: "url" in redirect.to ? redirect.to.url : hrefFor(redirect.to.route, urls), from: [redirect.from] })),
  ];
  for (const { target, from } of targets) {
    for (const { path, query } of from) {
      const from = hrefFor({ kind: "redirect", path }, requested);
      if (query === "") {
        lines.push(`${from} ${target} 301`);
        continue;
      }
      map[queryRedirectKey(from, query)] = target;
      // Netlify matches query parameters written after the path; hosts that cannot leave the home page's script to do it.
      const parameters = [...new URLSearchParams(query)].map(([name, value]) => `${name}=${value}`);
      if (parameters.every((parameter) => !/\s/.test(parameter))) lines.push(`${from} ${parameters.join(" ")} ${target} 301`);
    }
  }
  if (lines.length === 0) return [];
  const files: PublishedFile[] = [{ path: outputFileFor({ kind: "redirects-file" }), content: `${lines.join("\n")}\n` }];
  if (Object.keys(map).length > 0) files.push({ path: outputFileFor({ kind: "redirect-map" }), content: `${JSON.stringify(map)}\n` });
  return files;
}

import { outputFileFor, type Route } from "../../core/urls.ts";
import type { OldAddress } from "../../core/article.ts";
import type { ViewContext } from "./context.ts";
import type { PageMetaView, PageBase } from "./types.ts";

/** A page at an article's old address, sending readers (and search engines) on to it. */
export interface RedirectPageView extends PageBase {
  readonly targetHref: string;
  readonly targetTitle: string;
}

/**
 * A page at each old address of an article (`aliases`, `redirect_from`,
 * `oldPermalinks`, a stub leading to it), as Hugo, Zola and
 * jekyll-redirect-from write them: it sends browsers on at once, tells
 * search engines where the article is now, and shows a link. Pages of the
 * site have theirs too, and so do the redirects to the site's own pages,
 * its files or other sites (stubs, the `redirects` setting). Old addresses
 * with a query ("/?p=12") have no page of their own: the `_redirects` file
 * and the home page's script serve them.
 */
export function redirectPages(context: ViewContext): RedirectPageView[] {
  const pageOf = (address: OldAddress, meta: PageMetaView, targetHref: string, targetTitle: string): RedirectPageView => ({
    permalink: outputFileFor({ kind: "redirect", path: address.path }),
    title: targetTitle,
    meta,
    targetHref,
    targetTitle,
  });
  const atPaths = (addresses: readonly OldAddress[]): OldAddress[] => addresses.filter((address) => address.query === "");
  const targetRoute = (route: Route): { readonly meta: PageMetaView; readonly href: string } => ({ meta: context.meta(route), href: context.href(route) });
  return [
    ...context.articles.flatMap((article) =>
      atPaths(article.redirects).map((address) => pageOf(address, context.articleMeta(article), context.href(article.route), article.title)),
    ),
    ...context.pages.flatMap((page) =>
      atPaths(page.redirects).map((address) => pageOf(address, targetRoute(page.route).meta, context.href(page.route), page.title)),
    ),
    ...context.redirects
      .filter((redirect) => redirect.from.query === "")
      .map((redirect) => {
        if ("url" in redirect.to)
          return pageOf(redirect.from, { canonicalUrl: redirect.to.url, description: "", type: "website" }, redirect.to.url, redirect.to.url);
        const target = targetRoute(redirect.to.route);
        return pageOf(redirect.from, target.meta, target.href, redirect.to.title);
      }),
  ];
}

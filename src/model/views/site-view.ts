import type { OldAddress, SiteRedirect } from "../../core/article.ts";
import type { ViewContext } from "./context.ts";
import type { SiteView } from "./types.ts";

/** What every page prints besides its own content: the site's name, navigation, feeds, theme files and sidebar boxes. */
export function siteView(context: ViewContext): SiteView {
  const { settings, theme, href } = context;
  return {
    title: settings.title,
    description: settings.description,
    language: settings.language,
    homeHref: href({ kind: "home" }),
    archiveHref: href({ kind: "archive" }),
    categoriesHref: href({ kind: "categories" }),
    categoriesDivide: context.categoriesDivide,
    ...(context.model.tags.length === 0 ? {} : { tagsHref: href({ kind: "tags" }) }),
    searchHref: href({ kind: "search" }),
    stylesheetHref: href({ kind: "file", path: theme.stylesheet }),
    searchScriptHref: href({ kind: "file", path: theme.searchScript }),
    highlightScriptHref: href({ kind: "file", path: theme.highlightScript }),
    categoryFilterScriptHref: href({ kind: "file", path: theme.categoryFilterScript }),
    notFoundScriptHref: href({ kind: "file", path: theme.notFoundScript }),
    ...(theme.offlineScript === undefined ? {} : { offlineScriptHref: href({ kind: "file", path: theme.offlineScript }) }),
    ...(theme.archiveScript === undefined ? {} : { archiveScriptHref: href({ kind: "file", path: theme.archiveScript }) }),
    faviconHref: href({ kind: "file", path: theme.favicon }),
    ...(theme.logo === undefined || settings.logo === undefined
      ? {}
      : { logo: { href: href({ kind: "file", path: theme.logo }), width: settings.logo.width, height: settings.logo.height } }),
    ...(settings.footerText === undefined ? {} : { footerText: settings.footerText }),
    feeds: context.feedLinks(),
    ...(context.model.authors.length === 0 ? {} : { authorsHref: href({ kind: "authors" }) }),
    ...(theme.queryRedirectScript === undefined || !hasQueryRedirects(context)
      ? {}
      : { queryRedirect: { scriptHref: href({ kind: "file", path: theme.queryRedirectScript }), mapHref: href({ kind: "redirect-map" }) } }),
    sidebar: context.sidebar,
    menu: settings.menu.map((item) => ({ title: item.title, href: menuHref(item.url, href) })),
  };
}

/** A menu entry's link: a path from the site's root gets the base path (its query and fragment kept), a URL stays as it is. */
function menuHref(url: string, href: ViewContext["href"]): string {
  if (/^https?:\/\//i.test(url)) return url;
  const cut = url.search(/[?#]/);
  return cut < 0 ? href({ kind: "file", path: url }) : `${href({ kind: "file", path: url.slice(0, cut) })}${url.slice(cut)}`;
}

/** Whether an old address has a query ("/?p=12"): the home and 404 pages then carry the script that follows them. */
export function hasQueryRedirects({
  articles,
  pages,
  redirects,
}: {
  readonly articles: readonly { readonly redirects: readonly OldAddress[] }[];
  readonly pages: readonly { readonly redirects: readonly OldAddress[] }[];
  readonly redirects: readonly SiteRedirect[];
}): boolean {
  const addresses = [...articles, ...pages].flatMap((item) => item.redirects);
  return [...addresses, ...redirects.map((redirect) => redirect.from)].some((address) => address.query !== "");
}

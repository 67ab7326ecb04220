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
    ...(theme.queryRedirectScript === undefined || !context.articles.some((article) => article.redirects.some((address) => address.query !== ""))
      ? {}
      : { queryRedirect: { scriptHref: href({ kind: "file", path: theme.queryRedirectScript }), mapHref: href({ kind: "redirect-map" }) } }),
    sidebar: context.sidebar,
  };
}

import type { Article, OldAddress, SiteRedirect } from "../../core/article.ts";
import type { SidebarBoxSetting } from "../../core/settings.ts";
import type { ArchiveModel } from "../archive-model.ts";
import { findCategory, isAfterDay } from "../latest.ts";
import type { ViewContext } from "./context.ts";
import type { ArticleSummaryView, CalendarDay, SidebarBoxView, SiteView } from "./types.ts";

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
    ...(context.model.tags.length === 0 ? {} : { tagsHref: href({ kind: "tags" }) }),
    searchHref: href({ kind: "search" }),
    stylesheetHref: href({ kind: "file", path: theme.stylesheet }),
    searchScriptHref: href({ kind: "file", path: theme.searchScript }),
    highlightScriptHref: href({ kind: "file", path: theme.highlightScript }),
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
    // An empty box would hold a third of a wide screen for nothing: only boxes with articles are shown.
    sidebar: settings.sidebar.map((box, index) => buildSidebarBox(box, index, context.model, context.today, context.summaryOf)).filter((box) => box.items.length > 0),
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
export function hasQueryRedirects({ articles, pages, redirects }: {
  readonly articles: readonly { readonly redirects: readonly OldAddress[] }[];
  readonly pages: readonly { readonly redirects: readonly OldAddress[] }[];
  readonly redirects: readonly SiteRedirect[];
}): boolean {
  const addresses = [...articles, ...pages].flatMap((item) => item.redirects);
  return [...addresses, ...redirects.map((redirect) => redirect.from)].some((address) => address.query !== "");
}

function buildSidebarBox(
  box: SidebarBoxSetting,
  index: number,
  model: ArchiveModel,
  today: CalendarDay,
  summaryOf: (article: Article) => ArticleSummaryView,
): SidebarBoxView {
  const id = `sidebar-${index + 1}`;
  if (box.type === "featured") {
    return { id, title: box.title, items: model.newestFirst.filter((article) => article.featured).slice(0, box.count).map(summaryOf) };
  }
  const group = findCategory(model, box.category);
  const name = group?.topic.name ?? box.category;
  const articles = group?.articles ?? [];
  if (box.type === "latest") return { id, title: box.title ?? name, items: articles.filter((article) => !isAfterDay(article.date, today)).slice(0, box.count).map(summaryOf) };
  const upcoming = articles.filter((article) => !isAfterDay(today, article.date)).reverse();
  return { id, title: box.title ?? `Upcoming: ${name}`, items: upcoming.slice(0, box.count).map(summaryOf) };
}

import type { Article } from "../../core/article.ts";
import type { SidebarBoxSetting } from "../../core/settings.ts";
import type { ArchiveModel } from "../archive-model.ts";
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
    tagsHref: href({ kind: "tags" }),
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
    feeds: context.feedLinks(undefined),
    sidebar: settings.sidebar.map((box, index) => buildSidebarBox(box, index, context.model, context.today, context.summaryOf)),
  };
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
  const group = model.categories.find((candidate) => candidate.topic.slug === slugOfCategory(box.category, model));
  const name = group?.topic.name ?? box.category;
  const articles = group?.articles ?? [];
  if (box.type === "latest") return { id, title: box.title ?? name, items: articles.slice(0, box.count).map(summaryOf) };
  const todayKey = dayKey(today);
  const upcoming = articles.filter((article) => dayKey(article.date) >= todayKey).reverse();
  return { id, title: box.title ?? `Upcoming: ${name}`, items: upcoming.slice(0, box.count).map(summaryOf) };
}

function slugOfCategory(nameOrSlug: string, model: ArchiveModel): string | undefined {
  const wanted = nameOrSlug.toLowerCase();
  return model.categories.find((group) => group.topic.slug === wanted || group.topic.name.toLowerCase() === wanted)?.topic.slug;
}

function dayKey(day: CalendarDay): number {
  return day.year * 10000 + day.month * 100 + day.day;
}

import type { Category, Tag } from "../../core/article.ts";
import { outputFileFor } from "../../core/urls.ts";
import type { TopicGroup } from "../archive-model.ts";
import type { ViewContext } from "./context.ts";
import type { PageBase, SearchPageView, TopicIndexView } from "./types.ts";

export const categoryIndex = (context: ViewContext): TopicIndexView => topicIndex(context, context.model.categories, "category");
export const tagIndex = (context: ViewContext): TopicIndexView => topicIndex(context, context.model.tags, "tag");

/** Every category or tag, with its number of articles. */
function topicIndex(context: ViewContext, groups: readonly TopicGroup<Category | Tag>[], kind: "category" | "tag"): TopicIndexView {
  const heading = kind === "category" ? "Categories" : "Tags";
  const route = { kind: kind === "category" ? "categories" : "tags" } as const;
  return {
    permalink: outputFileFor(route),
    title: heading,
    heading,
    meta: context.meta(route),
    breadcrumb: [context.crumbs.home, { title: heading }],
    entries: groups.map((group) => ({ name: group.topic.name, href: context.href({ kind, slug: group.topic.slug }), count: group.articles.length })),
  };
}

/** The search page, with the filters it offers. */
export function searchPage(context: ViewContext): SearchPageView {
  return {
    permalink: outputFileFor({ kind: "search" }),
    title: "Search",
    breadcrumb: [context.crumbs.home, { title: "Search" }],
    meta: context.meta({ kind: "search" }, `Search the articles of ${context.settings.title}.`),
    ownSearchBox: true,
    categories: context.model.categories.map((group) => group.topic.name),
    years: context.model.years.map((group) => group.year),
  };
}

/** What the service worker shows, offline, for a page the reader has not opened before: none on a site without one. */
export function offlinePages(context: ViewContext): PageBase[] {
  if (context.theme.offlineScript === undefined) return [];
  return [{ permalink: outputFileFor({ kind: "offline" }), title: "Not saved for offline reading", breadcrumb: [context.crumbs.home, { title: "Offline" }], meta: context.meta({ kind: "offline" }) }];
}

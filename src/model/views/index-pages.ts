import type { Author, Category, Tag } from "../../core/article.ts";
import { outputFileFor, pathFromRoot } from "../../core/urls.ts";
import type { TopicGroup } from "../archive-model.ts";
import type { ViewContext } from "./context.ts";
import { TOPIC_WORDS } from "./listing-pages.ts";
import type { PageBase, SearchPageView, TopicIndexView } from "./types.ts";

export const categoryIndex = (context: ViewContext): TopicIndexView => topicIndex(context, context.model.categories, "category");
/** The tag index; none when no article has tags, so that no link leads to an empty page. */
export const tagIndex = (context: ViewContext): TopicIndexView[] => (context.model.tags.length === 0 ? [] : [topicIndex(context, context.model.tags, "tag")]);
/** The index of authors; none on a site whose articles name nobody. */
export const authorIndexes = (context: ViewContext): TopicIndexView[] => (context.model.authors.length === 0 ? [] : [topicIndex(context, context.model.authors, "author")]);

/** Every category, tag or author, with its number of articles. */
function topicIndex(context: ViewContext, groups: readonly TopicGroup<Category | Tag | Author>[], kind: "category" | "tag" | "author"): TopicIndexView {
  const heading = TOPIC_WORDS[kind].indexTitle;
  const route = { kind: TOPIC_WORDS[kind].index };
  return {
    permalink: outputFileFor(route),
    title: heading,
    heading,
    meta: context.meta(route),
    breadcrumb: [context.crumbs.home, { title: heading }],
    entries: groups.map((group) => {
      const description = kind === "category" ? context.categoryDescription(group.topic.slug) : undefined;
      return { name: group.topic.name, href: context.href({ kind, slug: group.topic.slug }), count: group.articles.length, ...(description === undefined ? {} : { description }) };
    }),
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
    searchIndex: pathFromRoot({ kind: "search-index" }),
    stemmerScriptHrefs: Object.values(context.theme.searchStemmers ?? {}).map((path) => context.href({ kind: "file", path })),
    ...(context.theme.searchIndexEntry === undefined ? {} : { searchEntryHref: context.href({ kind: "file", path: context.theme.searchIndexEntry }) }),
  };
}

/** What the service worker shows, offline, for a page the reader has not opened before: none on a site without one. */
export function offlinePages(context: ViewContext): PageBase[] {
  if (context.theme.offlineScript === undefined) return [];
  return [{ permalink: outputFileFor({ kind: "offline" }), title: "Not saved for offline reading", breadcrumb: [context.crumbs.home, { title: "Offline" }], meta: context.meta({ kind: "offline" }) }];
}

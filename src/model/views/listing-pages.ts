import type { Author, Category, Tag } from "../../core/article.ts";
import { outputFileFor } from "../../core/urls.ts";
import { chunk, type MonthGroup, type TopicGroup } from "../archive-model.ts";
import { pagination, type ViewContext } from "./context.ts";
import type { LinkView, ArticleSummaryView, CategoryFilterView, PageBase, PaginationView } from "./types.ts";

/** A list of articles: a month, a category, tag or author page, the home page. */
export interface ListingPageView extends PageBase {
  readonly heading: string;
  /** A category's description, from the settings. */
  readonly description?: string;
  /** "117 articles": how many a category's or tag's pages list in all. */
  readonly countText?: string;
  /** Rows leave out their category: on a category's own pages, every row would repeat it. */
  readonly omitItemCategory?: boolean;
  /** Rows leave out their date: on a day's page, the heading says it. */
  readonly omitItemDate?: boolean;
  /** On an author's page: their bio and their own page, from the settings. */
  readonly about?: { readonly text?: string; readonly link?: LinkView };
  readonly items: readonly ArticleSummaryView[];
  readonly pagination?: PaginationView;
  /** Neighbouring months (older, newer). */
  readonly previous?: LinkView;
  readonly next?: LinkView;
  /** On month and day pages holding two categories or more. */
  readonly categoryFilter?: CategoryFilterView;
}

/** One page per month that has articles, linking the neighbouring months that have some. */
export function monthPages(context: ViewContext): ListingPageView[] {
  const { model, href, monthTitle, crumbs } = context;
  return model.months.map((group, index): ListingPageView => {
    const link = (other: MonthGroup | undefined): LinkView | undefined =>
      other === undefined ? undefined : { title: monthTitle(other.year, other.month), href: href({ kind: "month", year: other.year, month: other.month }) };
    const previous = link(model.months[index + 1]);
    const next = link(model.months[index - 1]);
    const filter = context.categoryFilter(group.articles);
    return {
      permalink: outputFileFor({ kind: "month", year: group.year, month: group.month }),
      title: monthTitle(group.year, group.month),
      heading: monthTitle(group.year, group.month),
      meta: context.meta({ kind: "month", year: group.year, month: group.month }, `Articles of ${monthTitle(group.year, group.month)}.`),
      breadcrumb: [crumbs.home, crumbs.year(group.year), { title: context.monthName(group.month) }],
      items: group.articles.map(context.summaryOf),
      ...(context.categoriesDivide ? {} : { omitItemCategory: true }),
      ...(filter === undefined ? {} : { categoryFilter: filter }),
      ...(previous === undefined ? {} : { previous }),
      ...(next === undefined ? {} : { next }),
    };
  });
}

export const categoryPages = (context: ViewContext): ListingPageView[] => topicPages(context, context.model.categories, "category");
export const tagPages = (context: ViewContext): ListingPageView[] => topicPages(context, context.model.tags, "tag");
export const authorPages = (context: ViewContext): ListingPageView[] => topicPages(context, context.model.authors, "author");

/** What a topic's pages call it and its index. */
export const TOPIC_WORDS = {
  category: { label: "Category", index: "categories", indexTitle: "Categories", about: (name: string) => `Articles filed under ${name}.` },
  tag: { label: "Tag", index: "tags", indexTitle: "Tags", about: (name: string) => `Articles filed under ${name}.` },
  author: { label: "Author", index: "authors", indexTitle: "Authors", about: (name: string) => `Articles by ${name}.` },
} as const;

/** Each category's, tag's or author's articles, newest first, in pages, under its name, description (categories) or bio (authors), count and feeds (categories, authors). */
function topicPages(context: ViewContext, groups: readonly TopicGroup<Category | Tag | Author>[], kind: "category" | "tag" | "author"): ListingPageView[] {
  const { settings, href, crumbs } = context;
  const words = TOPIC_WORDS[kind];
  return groups.flatMap((group) => {
    const chunks = chunk(group.articles, settings.itemsPerPage);
    const description = kind === "category" ? context.categoryDescription(group.topic.slug) : undefined;
    const about = kind === "author" ? aboutAuthor(group.topic) : undefined;
    // A parent category's page lists its children's articles too: they show their own category. Asked once for all
    // the topic's pages, not for each (a category of 100,000 articles has 5,000 pages).
    const omitItemCategory =
      (kind === "category" && group.articles.every((article) => article.category.slug === group.topic.slug)) || !context.categoriesDivide;
    return chunks.map((items, index) => {
      const page = index + 1;
      const suffix = page === 1 ? "" : `, page ${page}`;
      return {
        permalink: outputFileFor({ kind, slug: group.topic.slug, page }),
        title: `${words.label}: ${group.topic.name}${suffix}`,
        meta: context.meta({ kind, slug: group.topic.slug, page }, words.about(group.topic.name)),
        ...(kind === "tag" ? {} : { feeds: context.feedLinks(kind === "category" ? { category: group.topic.slug } : { author: group.topic.slug }) }),
        ...(omitItemCategory ? { omitItemCategory: true } : {}),
        heading: `${group.topic.name}${suffix}`,
        ...(description === undefined ? {} : { description }),
        ...(about === undefined || page > 1 ? {} : { about }),
        countText: context.countOf(group.articles.length),
        breadcrumb: [crumbs.home, { title: words.indexTitle, href: href({ kind: words.index }) }, { title: group.topic.name }],
        items: items.map(context.summaryOf),
        pagination: pagination(page, chunks.length, (number) => href({ kind, slug: group.topic.slug, page: number })),
      };
    });
  });
}

/** What an author's first page says of them: the settings' bio and link. */
function aboutAuthor(author: Category | Tag | Author): ListingPageView["about"] {
  if (!("bio" in author || "url" in author)) return undefined;
  return {
    ...(author.bio === undefined ? {} : { text: author.bio }),
    ...(author.url === undefined ? {} : { link: { title: author.url.replace(/^https?:\/\//, "").replace(/\/$/, ""), href: author.url } }),
  };
}

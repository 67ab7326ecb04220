import type { Article, Author, Category, Tag } from "../core/article.ts";

/**
 * The archive grouped by time and by topic, computed in one pass over the
 * articles. Every list is newest first. Pure: no I/O, no URLs, no text.
 */
export interface MonthGroup {
  readonly year: number;
  readonly month: number;
  readonly articles: readonly Article[];
}

interface YearGroup {
  readonly year: number;
  /** Months that have articles, newest first. */
  readonly months: readonly MonthGroup[];
  readonly count: number;
}

export interface TopicGroup<T extends Category | Tag | Author> {
  readonly topic: T;
  readonly articles: readonly Article[];
}

export interface ArchiveModel {
  /** Every published article, newest first. */
  readonly newestFirst: readonly Article[];
  /** Years that have articles, newest first. */
  readonly years: readonly YearGroup[];
  /** Months that have articles, newest first. */
  readonly months: readonly MonthGroup[];
  /** In the order given (the settings' order, then by name). */
  readonly categories: readonly TopicGroup<Category>[];
  /** By name. */
  readonly tags: readonly TopicGroup<Tag>[];
  /** Authors who have a page (a slug), by name. */
  readonly authors: readonly TopicGroup<Author>[];
}

/** How categories nest: each category's parent, by slug (the `parent` of the `categories` setting). */
interface CategoryTree {
  readonly name: string;
  readonly slug: string;
  readonly parent?: string;
}

/**
 * Groups articles (given oldest first, as the loader orders them) by year,
 * month, category and tag. A category that is another's parent (`tree`)
 * holds its children's articles too, as WordPress lists them, and is listed
 * even when it has none of its own.
 */
export function buildArchiveModel(
  articlesOldestFirst: readonly Article[],
  categoryOrder: readonly Category[],
  tree: readonly CategoryTree[] = [],
): ArchiveModel {
  const newestFirst = [...articlesOldestFirst].reverse();
  const months: { year: number; month: number; articles: Article[] }[] = [];
  const byCategory = new Map<string, Article[]>();
  const byTag = new Map<string, { tag: Tag; articles: Article[] }>();
  const byAuthor = new Map<string, { author: Author; articles: Article[] }>();
  for (const article of newestFirst) {
    const last = months[months.length - 1];
    if (last !== undefined && last.year === article.date.year && last.month === article.date.month) last.articles.push(article);
    else months.push({ year: article.date.year, month: article.date.month, articles: [article] });
    const inCategory = byCategory.get(article.category.slug);
    if (inCategory === undefined) byCategory.set(article.category.slug, [article]);
    else inCategory.push(article);
    for (const tag of article.tags) {
      const group = byTag.get(tag.slug);
      if (group === undefined) byTag.set(tag.slug, { tag, articles: [article] });
      else group.articles.push(article);
    }
    for (const author of article.authors) {
      if (author.slug === "") continue;
      const group = byAuthor.get(author.slug);
      if (group === undefined) byAuthor.set(author.slug, { author, articles: [article] });
      else if (!group.articles.includes(article)) group.articles.push(article);
    }
  }
  const years: YearGroup[] = [];
  for (const month of months) {
    const last = years[years.length - 1];
    if (last !== undefined && last.year === month.year)
      years[years.length - 1] = { ...last, months: [...last.months, month], count: last.count + month.articles.length };
    else years.push({ year: month.year, months: [month], count: month.articles.length });
  }
  const categories = withParents(categoryOrder, tree)
    .map((topic) => ({ topic, articles: articlesUnder(topic.slug, byCategory, tree, newestFirst) }))
    .filter((group) => group.articles.length > 0);
  const tags = byName([...byTag.values()].map(({ tag, articles }) => ({ topic: tag, articles })));
  const authors = byName([...byAuthor.values()].map(({ author, articles }) => ({ topic: author, articles })));
  return { newestFirst, years, months, categories, tags, authors };
}

/** The categories in order, each followed by its parents not yet listed (from the tree). */
function withParents(order: readonly Category[], tree: readonly CategoryTree[]): Category[] {
  const listed = new Map(order.map((category) => [category.slug, category]));
  for (const category of order) {
    for (
      let parent = tree.find((node) => node.slug === category.slug)?.parent;
      parent !== undefined && !listed.has(parent);
      parent = tree.find((node) => node.slug === parent)?.parent
    ) {
      const node = tree.find((each) => each.slug === parent);
      if (node !== undefined) listed.set(node.slug, { slug: node.slug, name: node.name });
    }
  }
  // In the settings' order, as the others: a stable sort keeps the rest by name.
  const position = new Map(tree.map((node, index) => [node.slug, index]));
  return [...listed.values()].sort((a, b) => (position.get(a.slug) ?? Number.MAX_SAFE_INTEGER) - (position.get(b.slug) ?? Number.MAX_SAFE_INTEGER));
}

/** A category's articles and its descendants', newest first, each once. */
function articlesUnder(
  slug: string,
  byCategory: ReadonlyMap<string, readonly Article[]>,
  tree: readonly CategoryTree[],
  newestFirst: readonly Article[],
): readonly Article[] {
  const slugs = new Set([slug]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const node of tree) {
      if (node.parent !== undefined && slugs.has(node.parent) && !slugs.has(node.slug)) {
        slugs.add(node.slug);
        grew = true;
      }
    }
  }
  if (slugs.size === 1) return byCategory.get(slug) ?? [];
  return newestFirst.filter((article) => slugs.has(article.category.slug));
}

function byName<T extends Tag | Author>(groups: TopicGroup<T>[]): TopicGroup<T>[] {
  return groups.sort((a, b) => a.topic.name.localeCompare(b.topic.name, "en") || (a.topic.slug < b.topic.slug ? -1 : 1));
}

/** Splits a list into pages of `size`; there is always at least one page, possibly empty. */
export function chunk<T>(items: readonly T[], size: number): T[][] {
  if (items.length === 0) return [[]];
  const pages: T[][] = [];
  for (let start = 0; start < items.length; start += size) pages.push(items.slice(start, start + size));
  return pages;
}

/** Page numbers to link from page `current` of `total`: the first, the last and a window around the current one; null marks a gap. */
export function pageNumbersToShow(current: number, total: number, window = 2): (number | null)[] {
  const shown: (number | null)[] = [];
  for (let page = 1; page <= total; page += 1) {
    const near = Math.abs(page - current) <= window;
    if (page === 1 || page === total || near) shown.push(page);
    else if (shown[shown.length - 1] !== null) shown.push(null);
  }
  return shown;
}

import type { Article, Category, Tag } from "../core/article.ts";
import type { ArchiveModel } from "./archive-model.ts";

/** A part of the archive a front page shows apart: a category, or a tag where categories say nothing. */
interface Section {
  readonly kind: "category" | "tag";
  readonly topic: Category | Tag;
  /** Its articles among those given, newest first. */
  readonly articles: readonly Article[];
  /** How many articles it holds in the whole archive. */
  readonly total: number;
}

/** The most sections a front page shows: more would push the last ones out of sight. */
const MAX_SECTIONS = 6;

/**
 * Whether the archive's categories divide it: at least two categories hold
 * articles. An archive whose articles all fall in one category ("Uncategorized")
 * has nothing to show by category, and pages leave categories out.
 */
export function categoriesDivide(model: ArchiveModel): boolean {
  return model.categories.length > 1;
}

/**
 * The sections of a list of articles (newest first, such as the latest
 * articles): its categories when categories divide the archive, else its
 * tags that hold at least two of the articles. At most `max` of them: the
 * categories whose newest article is the most recent, listed in the
 * archive's order of categories; the tags holding the most articles (the
 * most recent first on a tie), most first. An archive with neither has none.
 */
export function sectionsOf(model: ArchiveModel, articles: readonly Article[], max = MAX_SECTIONS): Section[] {
  if (categoriesDivide(model)) {
    const byCategory = groupBy(articles, (article) => [article.category.slug]);
    const chosen = model.categories
      .flatMap((group) => {
        const own = byCategory.get(group.topic.slug);
        return own === undefined ? [] : [{ kind: "category" as const, topic: group.topic, articles: own, total: group.articles.length }];
      })
      .map((section, order) => ({ section, order }))
      .sort((a, b) => newestMs(b.section) - newestMs(a.section) || a.order - b.order)
      .slice(0, max);
    return chosen.sort((a, b) => a.order - b.order).map(({ section }) => section);
  }
  const byTag = groupBy(articles, (article) => article.tags.map((tag) => tag.slug));
  return model.tags
    .flatMap((group) => {
      const own = byTag.get(group.topic.slug);
      return own === undefined || own.length < 2 ? [] : [{ kind: "tag" as const, topic: group.topic, articles: own, total: group.articles.length }];
    })
    .sort((a, b) => b.articles.length - a.articles.length || newestMs(b) - newestMs(a))
    .slice(0, max);
}

function newestMs(section: Section): number {
  return section.articles[0]?.date.epochMs ?? 0;
}

/** Articles by each key `keysOf` gives them, in the order given. */
function groupBy(articles: readonly Article[], keysOf: (article: Article) => readonly string[]): Map<string, Article[]> {
  const groups = new Map<string, Article[]>();
  for (const article of articles) {
    for (const key of new Set(keysOf(article))) {
      const group = groups.get(key);
      if (group === undefined) groups.set(key, [article]);
      else group.push(article);
    }
  }
  return groups;
}

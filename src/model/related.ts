import type { Article } from "../core/article.ts";
import type { ArchiveModel } from "./archive-model.ts";

/** How many related articles an article page lists. */
export const RELATED_COUNT = 4;
/** Candidates taken from each of an article's groups (its category, each of its tags): the nearest in time. */
const CANDIDATES_PER_GROUP = 12;

/**
 * Each article's related articles: those that share its tags and category,
 * nearest in time. Candidates are the articles nearest in time in each of its
 * groups, so the work grows with the archive, not with its square; they are
 * ranked by what they share (a tag counts twice as much as the category), then
 * by distance in time, the newer first on a tie.
 */
export function relatedArticles(model: ArchiveModel, count = RELATED_COUNT): Map<Article, Article[]> {
  const groups = [...model.categories, ...model.tags].map((group) => group.articles);
  const places = new Map<readonly Article[], Map<Article, number>>(groups.map((articles) => [articles, new Map(articles.map((article, index) => [article, index]))]));
  const groupsOf = new Map<Article, (readonly Article[])[]>();
  for (const articles of groups) for (const article of articles) groupsOf.set(article, [...(groupsOf.get(article) ?? []), articles]);
  const related = new Map<Article, Article[]>();
  for (const article of model.newestFirst) {
    const candidates = new Set<Article>();
    for (const articles of groupsOf.get(article) ?? []) {
      for (const candidate of nearestInTime(articles, places.get(articles)?.get(article) ?? 0, CANDIDATES_PER_GROUP)) candidates.add(candidate);
    }
    const tags = new Set(article.tags.map((tag) => tag.slug));
    const ranked = [...candidates].map((candidate) => ({
      candidate,
      shared: candidate.tags.filter((tag) => tags.has(tag.slug)).length * 2 + (candidate.category.slug === article.category.slug ? 1 : 0),
      distance: Math.abs(candidate.date.epochMs - article.date.epochMs),
    }));
    ranked.sort((a, b) => b.shared - a.shared || a.distance - b.distance || b.candidate.date.epochMs - a.candidate.date.epochMs);
    related.set(article, ranked.slice(0, count).map((entry) => entry.candidate));
  }
  return related;
}

/** Up to `count` articles of a time-ordered list nearest in time to the one at `index`, itself left out. */
function nearestInTime(articles: readonly Article[], index: number, count: number): Article[] {
  const own = articles[index];
  if (own === undefined) return [];
  const nearest: Article[] = [];
  // Walk out from the article on both sides, taking the nearer one each time.
  let left = index - 1;
  let right = index + 1;
  const distance = (other: Article): number => Math.abs(other.date.epochMs - own.date.epochMs);
  while (nearest.length < count && (left >= 0 || right < articles.length)) {
    const onLeft = articles[left];
    const onRight = articles[right];
    if (onLeft !== undefined && (onRight === undefined || distance(onLeft) <= distance(onRight))) {
      nearest.push(onLeft);
      left -= 1;
    } else if (onRight !== undefined) {
      nearest.push(onRight);
      right += 1;
    }
  }
  return nearest;
}

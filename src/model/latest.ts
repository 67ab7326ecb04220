import type { Article, Category } from "../core/article.ts";
import { slugify } from "../core/slugs.ts";
import type { ArchiveModel, TopicGroup } from "./archive-model.ts";
import type { CalendarDay } from "./views/types.ts";

/**
 * The site's latest articles, newest first: what the home page lists and the
 * site's feeds carry. Left out are the categories the settings' `listsExclude`
 * names (release notes that would drown the rest: they keep their own pages
 * and feeds) and articles dated after the build's day (events announced ahead:
 * they are not news yet, and stay in their category and the upcoming box).
 */
export function latestArticles(model: ArchiveModel, listsExclude: readonly string[], today: CalendarDay): Article[] {
  const excluded = new Set(listsExclude.flatMap((name) => findCategory(model, name)?.topic.slug ?? []));
  return model.newestFirst.filter((article) => !excluded.has(article.category.slug) && !isAfterDay(article.date, today));
}

/** The lead story: the newest featured article dated up to the build's day, whatever its category. */
export function leadArticle(model: ArchiveModel, today: CalendarDay): Article | undefined {
  return model.newestFirst.find((article) => article.featured && !isAfterDay(article.date, today));
}

/** A category of the archive, named as in the settings: by its name (any case) or its slug. */
export function findCategory(model: ArchiveModel, nameOrSlug: string): TopicGroup<Category> | undefined {
  const wanted = nameOrSlug.trim().toLowerCase();
  const slug = slugify(nameOrSlug);
  return model.categories.find((group) => group.topic.slug === slug || group.topic.name.toLowerCase() === wanted);
}

/** Whether a calendar date comes after the day. */
export function isAfterDay(date: CalendarDay, day: CalendarDay): boolean {
  return dayKey(date) > dayKey(day);
}

function dayKey(day: CalendarDay): number {
  return day.year * 10000 + day.month * 100 + day.day;
}

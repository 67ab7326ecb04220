import type { Article, Category } from "../core/article.ts";
import { slugify } from "../core/slugs.ts";
import type { ArchiveModel, TopicGroup } from "./archive-model.ts";
import type { CalendarDate } from "../core/dates.ts";

/**
 * The site's latest articles, newest first: what the home page lists and the
 * site's feeds carry. Left out are the categories the settings' `listsExclude`
 * names (release notes that would drown the rest: they keep their own pages
 * and feeds) and articles dated after the build's day (events announced ahead:
 * they are not news yet, and stay in their category and the upcoming box).
 */
export function latestArticles(model: ArchiveModel, listsExclude: readonly string[], today: CalendarDate): Article[] {
  const excluded = new Set(listsExclude.flatMap((name) => findCategory(model, name)?.topic.slug ?? []));
  return model.newestFirst.filter((article) => !excluded.has(article.category.slug) && !isAfterDay(article.date, today));
}

/**
 * The lead story: the newest featured article dated up to the build's day,
 * whatever its category; on an archive that features none, the newest of the
 * latest articles (`latest`, as `latestArticles` gives them).
 */
export function leadArticle(model: ArchiveModel, latest: readonly Article[], today: CalendarDate): Article | undefined {
  return model.newestFirst.find((article) => article.featured && !isAfterDay(article.date, today)) ?? latest[0];
}

/** How far from the build's day "this day in past years" looks, in days either side, when that very day has no article. */
const THIS_DAY_WINDOW = 3;

/**
 * This day in past years: the articles of earlier years dated on the build's
 * month and day, newest first; when there are none, those within
 * `THIS_DAY_WINDOW` days of it (`exact` says which). Both are computed in one
 * pass, whatever the archive's size.
 */
export function thisDayInPastYears(model: ArchiveModel, today: CalendarDate): { readonly articles: readonly Article[]; readonly exact: boolean } {
  const exact: Article[] = [];
  const near: Article[] = [];
  for (const article of model.newestFirst) {
    if (article.date.year >= today.year) continue;
    const distance = daysApartInYear(article.date, today);
    if (distance === 0) exact.push(article);
    else if (distance <= THIS_DAY_WINDOW) near.push(article);
  }
  return exact.length > 0 ? { articles: exact, exact: true } : { articles: near, exact: false };
}

/** How many days apart two dates' months and days are, the year left aside (December 30 and January 2 are 3 days apart). */
function daysApartInYear(a: CalendarDate, b: CalendarDate): number {
  // Both days in one leap year, so that February 29 has its place.
  const dayOfYear = (date: CalendarDate): number => (Date.UTC(2000, date.month - 1, date.day) - Date.UTC(2000, 0, 1)) / 86_400_000;
  const apart = Math.abs(dayOfYear(a) - dayOfYear(b));
  return Math.min(apart, 366 - apart);
}

/** A category of the archive, named as in the settings: by its name (any case) or its slug. */
export function findCategory(model: ArchiveModel, nameOrSlug: string): TopicGroup<Category> | undefined {
  const wanted = nameOrSlug.trim().toLowerCase();
  const slug = slugify(nameOrSlug);
  return model.categories.find((group) => group.topic.slug === slug || group.topic.name.toLowerCase() === wanted);
}

/** Whether a calendar date comes after the day. */
export function isAfterDay(date: CalendarDate, day: CalendarDate): boolean {
  return dayKey(date) > dayKey(day);
}

function dayKey(day: CalendarDate): number {
  return day.year * 10000 + day.month * 100 + day.day;
}

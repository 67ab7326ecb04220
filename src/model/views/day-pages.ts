import type { Article } from "../../core/article.ts";
import { outputFileFor } from "../../core/urls.ts";
import { formatLongDate } from "../format.ts";
import type { ViewContext } from "./context.ts";
import type { LinkView } from "./types.ts";
import type { ListingPageView } from "./listing-pages.ts";

/**
 * One page per day that has articles (/2016/04/11/), newest day first, so
 * that every part of an article's dated URL is a page: a reader who trims
 * the slug off an address finds that day's articles, with links to the
 * previous and next days that have some, and to the month.
 */
export function dayPages(context: ViewContext): ListingPageView[] {
  const days = articlesByDay(context.model.newestFirst);
  const { href, crumbs, settings } = context;
  const link = (articles: readonly Article[] | undefined): LinkView | undefined => {
    const date = articles?.[0]?.date;
    return date === undefined
      ? undefined
      : { title: formatLongDate(date, settings.locale), href: href({ kind: "day", year: date.year, month: date.month, day: date.day }) };
  };
  return days.map((articles, index): ListingPageView => {
    const { year, month, day } = (articles[0] as Article).date;
    const route = { kind: "day", year, month, day } as const;
    const heading = formatLongDate({ year, month, day }, settings.locale);
    const previous = link(days[index + 1]);
    const next = link(days[index - 1]);
    const filter = context.categoryFilter(articles);
    return {
      permalink: outputFileFor(route),
      title: heading,
      heading,
      meta: context.meta(route, `Articles of ${heading}.`),
      breadcrumb: [crumbs.home, crumbs.year(year), crumbs.month(year, month), { title: String(day) }],
      items: articles.map(context.summaryOf),
      omitItemDate: true,
      ...(context.categoriesDivide ? {} : { omitItemCategory: true }),
      ...(filter === undefined ? {} : { categoryFilter: filter }),
      ...(previous === undefined ? {} : { previous }),
      ...(next === undefined ? {} : { next }),
    };
  });
}

/** Articles (newest first) grouped by their calendar day, newest day first. */
function articlesByDay(newestFirst: readonly Article[]): Article[][] {
  const days: Article[][] = [];
  for (const article of newestFirst) {
    const current = days[days.length - 1];
    const first = current?.[0];
    if (
      current !== undefined &&
      first !== undefined &&
      first.date.year === article.date.year &&
      first.date.month === article.date.month &&
      first.date.day === article.date.day
    )
      current.push(article);
    else days.push([article]);
  }
  return days;
}

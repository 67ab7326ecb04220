import { outputFileFor } from "../../core/urls.ts";
import type { ViewContext } from "./context.ts";
import { titlesParts } from "../not-found-titles.ts";
import { recentYears } from "./grid.ts";
import type { CategoryFilterView, LinkView, PageBase } from "./types.ts";
import type { GridView } from "./grid-types.ts";

/** One article of a year page's month: under the month's heading, its day alone. */
interface YearItemView extends LinkView {
  readonly dateIso: string;
  /** "25". */
  readonly dayText: string;
  /** The page of the day's articles. */
  readonly dayHref: string;
  /** The category's name, printed on the row (not a link: the page has one per row); none when categories do not divide the archive. */
  readonly category?: string;
  readonly categorySlug: string;
}

interface YearMonthView {
  /** The section's id, the target of the jump links: "month-04". */
  readonly id: string;
  /** "April 2021". */
  readonly heading: string;
  /** "Apr", for the jump links. */
  readonly shortName: string;
  readonly href: string;
  readonly count: number;
  readonly items: readonly YearItemView[];
}

export interface YearPageView extends PageBase {
  readonly heading: string;
  readonly count: number;
  /** Newest first, as the page lists them; the jump links follow this order. */
  readonly months: readonly YearMonthView[];
  readonly previous?: LinkView;
  readonly next?: LinkView;
  /** When the year holds two categories or more. */
  readonly categoryFilter?: CategoryFilterView;
}

export interface ArchivePageView extends PageBase {
  readonly grid: GridView;
  /** "1,049 articles". */
  readonly countText: string;
  /** When categories divide the archive. */
  readonly categoryFilter?: CategoryFilterView;
}

export interface NotFoundPageView extends PageBase {
  readonly grid: GridView;
  /** For the script that guesses the article meant: the site's base path, and each part of the titles ("all", "2016", "2016-04") with its link, newest first. */
  readonly titles: { readonly basePath: string; readonly parts: readonly { readonly id: string; readonly href: string }[] };
}

/** The month grid of every year. */
export function archivePage(context: ViewContext): ArchivePageView {
  const filter = context.categoryFilter(context.articles);
  return {
    permalink: outputFileFor({ kind: "archive" }),
    title: "Archive",
    breadcrumb: [context.crumbs.home, { title: "Archive" }],
    meta: context.meta({ kind: "archive" }, `Every article of ${context.settings.title}, by month.`),
    grid: context.grid,
    countText: context.countOf(context.articles.length),
    // The page is the grid: the box of one year would repeat a row of it.
    sidebar: context.sidebarWithout("year"),
    ...(filter === undefined ? {} : { categoryFilter: filter }),
  };
}

/** One page per year that has articles: jump links to its months, then each month's articles by day, linking the neighbouring years. */
export function yearPages(context: ViewContext): YearPageView[] {
  const { model, href, crumbs } = context;
  return model.years.map((group, index): YearPageView => {
    const older = model.years[index + 1];
    const newer = model.years[index - 1];
    const filter = context.categoryFilter(group.months.flatMap((month) => month.articles));
    return {
      permalink: outputFileFor({ kind: "year", year: group.year }),
      title: String(group.year),
      heading: String(group.year),
      meta: context.meta({ kind: "year", year: group.year }, `Articles of ${group.year}, by month.`),
      count: group.count,
      breadcrumb: [crumbs.home, { title: String(group.year) }],
      months: group.months.map((month) => ({
        id: `month-${String(month.month).padStart(2, "0")}`,
        heading: context.monthTitle(month.year, month.month),
        shortName: context.shortMonthName(month.month),
        href: href({ kind: "month", year: month.year, month: month.month }),
        count: month.articles.length,
        items: month.articles.map((article) => {
          const { title, href: articleHref, dateIso, dayHref, category, categorySlug } = context.summaryOf(article);
          return {
            title,
            href: articleHref,
            dateIso,
            dayText: String(article.date.day),
            dayHref,
            categorySlug,
            ...(context.categoriesDivide ? { category: category.title } : {}),
          };
        }),
      })),
      ...(older === undefined ? {} : { previous: { title: String(older.year), href: href({ kind: "year", year: older.year }) } }),
      ...(newer === undefined ? {} : { next: { title: String(newer.year), href: href({ kind: "year", year: newer.year }) } }),
      ...(filter === undefined ? {} : { categoryFilter: filter }),
    };
  });
}

/** The page hosts serve for missing addresses: the recent years of the grid, as a way back in. */
export function notFoundPage(context: ViewContext): NotFoundPageView {
  return {
    permalink: outputFileFor({ kind: "not-found" }),
    title: "Page not found",
    meta: context.meta({ kind: "not-found" }),
    grid: recentYears(context.grid, Math.max(context.settings.homeGridYears, 1)),
    sidebar: context.sidebarWithout("year"),
    titles: {
      basePath: context.settings.basePath,
      parts: titlesParts(context.model).map((part) => ({ id: part.id, href: context.href({ kind: "not-found-titles", part: part.id }) })),
    },
  };
}

import type { Article } from "../../core/article.ts";
import type { Route } from "../../core/urls.ts";
import type { ArchiveModel } from "../archive-model.ts";
import type { GridCellView, GridRowView, GridView, VolumeRange } from "./grid-types.ts";
import type { CalendarDate } from "../../core/dates.ts";

/** How many shades of volume the grid uses, besides the empty month. */
const VOLUME_LEVELS = 4;

/** Month names as the grid prints them, for the settings' locale. */
interface MonthNames {
  /** "April". */
  readonly long: (month: number) => string;
  /** "Apr". */
  readonly short: (month: number) => string;
}

/**
 * The month grid: a row per year (newest first), a cell per month with its
 * number of articles, shaded by volume, linking the months that have
 * articles; each row ends with the year's total.
 */
export function buildGrid(
  model: ArchiveModel,
  today: CalendarDate,
  href: (route: Route) => string,
  names: MonthNames,
  locale: string,
  countCategories: boolean,
): GridView {
  const months = Array.from({ length: 12 }, (_, index) => index + 1);
  const scale = volumeScale(model.months.map((month) => month.articles.length));
  const numbers = new Intl.NumberFormat(locale);
  const rows = model.years.map((group): GridRowView => {
    const counts = new Map(group.months.map((month) => [month.month, month.articles.length]));
    const byCategory = new Map(countCategories ? group.months.map((month) => [month.month, categoryCounts(month.articles)]) : []);
    return {
      year: group.year,
      href: href({ kind: "year", year: group.year }),
      count: group.count,
      countText: numbers.format(group.count),
      cells: months.map((month): GridCellView => {
        const count = counts.get(month) ?? 0;
        const cell = {
          count,
          countText: numbers.format(count),
          level: volumeLevel(count, scale),
          description: `${names.long(month)} ${group.year}: ${count === 1 ? "1 article" : `${numbers.format(count)} articles`}`,
          isCurrent: group.year === today.year && month === today.month,
        };
        const categories = byCategory.get(month);
        return count === 0
          ? cell
          : { ...cell, href: href({ kind: "month", year: group.year, month }), ...(categories === undefined ? {} : { categoryCounts: categories }) };
      }),
    };
  });
  const current = rows.some((row) => row.year === today.year) ? `${names.long(today.month)} ${today.year}` : undefined;
  return {
    columns: months.map((month) => ({ number: String(month).padStart(2, "0"), short: names.short(month), name: names.long(month) })),
    rows,
    levelMaxes: scale.map((range) => range.max).join(" "),
    legend: scale.map((range, index) => ({
      level: index + 1,
      label: range.min === range.max ? numbers.format(range.min) : `${numbers.format(range.min)}–${numbers.format(range.max)}`,
    })),
    ...(current === undefined ? {} : { current, currentYear: today.year }),
  };
}

/** How many of the articles each category holds: "release:5 announcements:2", in order of first appearance. */
function categoryCounts(articles: readonly Article[]): string {
  const counts = new Map<string, number>();
  for (const article of articles) counts.set(article.category.slug, (counts.get(article.category.slug) ?? 0) + 1);
  return [...counts].map(([slug, count]) => `${slug}:${count}`).join(" ");
}

/** The grid cut to its most recent `years` rows; the build's month is marked only if its year is still shown. */
export function recentYears(grid: GridView, years: number): GridView {
  const rows = grid.rows.slice(0, years);
  const { current: _current, currentYear, ...rest } = grid;
  return rows.some((row) => row.year === currentYear) ? { ...grid, rows } : { ...rest, rows };
}

/**
 * Ranges of monthly counts, one per shade, lightest first, cut at the
 * quartiles of the months that have articles: a small archive (one to
 * three articles a month) and a large one both use every shade. When there
 * are no more distinct counts than shades, each count is its own shade.
 */
export function volumeScale(monthCounts: readonly number[]): VolumeRange[] {
  const sorted = monthCounts.filter((count) => count > 0).sort((a, b) => a - b);
  const distinct = [...new Set(sorted)];
  if (distinct.length <= VOLUME_LEVELS) return distinct.map((count) => ({ min: count, max: count }));
  const uppers: number[] = [];
  for (let level = 1; level <= VOLUME_LEVELS; level += 1) {
    const upper = sorted[Math.ceil((sorted.length * level) / VOLUME_LEVELS) - 1] ?? 0;
    if (upper > (uppers[uppers.length - 1] ?? 0)) uppers.push(upper);
  }
  return uppers.map((max, index) => ({ min: index === 0 ? (sorted[0] ?? 1) : (uppers[index - 1] ?? 0) + 1, max }));
}

/** The shade of a month's count: 0 for none, else 1 (fewest) to the number of ranges. */
export function volumeLevel(count: number, scale: readonly VolumeRange[]): number {
  if (count <= 0) return 0;
  const index = scale.findIndex((range) => count <= range.max);
  return index === -1 ? scale.length : index + 1;
}

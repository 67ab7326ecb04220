import { DateTime } from "luxon";
import type { ArticleDate } from "../content/dates.ts";

/** The calendar date written out for the locale, e.g. "April 9, 2021"; no zone can shift it. */
export function formatLongDate(date: ArticleDate, locale: string): string {
  return DateTime.fromObject({ year: date.year, month: date.month, day: date.day }, { zone: "UTC", locale }).toLocaleString(DateTime.DATE_FULL);
}

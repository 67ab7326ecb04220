import { DateTime, Info } from "luxon";

/** Dates already written out, by locale and day: an archive has many articles per day, and Luxon's formatting is slow. */
const longDates = new Map<string, string>();

/** The calendar date written out for the locale, e.g. "April 9, 2021"; no zone can shift it. */
export function formatLongDate(date: { readonly year: number; readonly month: number; readonly day: number }, locale: string): string {
  const key = `${locale} ${date.year}-${date.month}-${date.day}`;
  let text = longDates.get(key);
  if (text === undefined) {
    text = DateTime.fromObject({ year: date.year, month: date.month, day: date.day }, { zone: "UTC", locale }).toLocaleString(DateTime.DATE_FULL);
    longDates.set(key, text);
  }
  return text;
}

/** The names of the months in a locale, January first: each long, then short ("June", "Jun"). */
export function monthNames(locale: string): string[][] {
  const long = Info.months("long", { locale });
  const short = Info.months("short", { locale });
  return long.map((name, at) => [name, short[at] ?? name]);
}

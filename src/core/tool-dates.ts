import { DateTime } from "luxon";

/**
 * Dates written in forms that Jekyll (Ruby's `Time.parse`), Hugo and the Go
 * blog's server accept besides ISO 8601, rewritten in the form `dates.ts`
 * reads, with a note saying how the date was read. Ambiguous forms
 * ("09/04/2021": April 9 or September 4?) are not guessed at.
 */
interface ToolDate {
  /** The date in ISO 8601 form ("2024-04-09", "2023-01-29 18:30:22", "2006-01-02T15:04:05-07:00"). */
  readonly text: string;
  /** What was odd about the date as written, and how it was read. */
  /** Follows the date as written in a message: "has a one-digit month or day, ...". */
  readonly note: string;
}

/** "2024-4-09", "2021/04/09": one-digit months and days, or slashes, then an optional time. */
const LOOSE_NUMERIC = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})((?:T|\s+)\d{1,2}:\d{2}.*)?$/;
/** A date and time, then what follows them: an offset and a zone's name ("-0700 PDT", as Go writes times), or words Ruby skips ("2023 -0800"). */
const DATE_TIME_THEN_MORE = /^(\d{4}-\d{2}-\d{2}(?:T|\s+)\d{2}:\d{2}(?::\d{2}(?:[.,]\d{1,9})?)?)(\s*(?:Z|[+-]\d{2}:?\d{2}))?\s+(.+)$/i;
const ZONE_NAME = /^[A-Z]{2,5}$/;
const OFFSET_ALONE = /^(?:Z|[+-]\d{2}:?\d{2})$/i;
/** Named months as Jekyll and Hugo read them: "April 9, 2021", "Apr 9 2021", "9 April 2021", "09 Apr 2021". */
const NAMED_MONTH_FORMATS = ["MMMM d, yyyy", "MMMM d yyyy", "MMM d, yyyy", "MMM d yyyy", "d MMMM yyyy", "d MMM yyyy", "EEE, d MMM yyyy", "EEEE, MMMM d, yyyy"];

/** A date in another tool's form, rewritten; undefined when it is not one (or is ambiguous). */
export function readToolDate(written: string): ToolDate | undefined {
  const loose = looseNumeric(written.trim());
  const text = loose?.text ?? written.trim();
  const more = DATE_TIME_THEN_MORE.exec(text);
  const [, dateTime = "", offset = "", rest = ""] = more ?? [];
  if (more !== null && !OFFSET_ALONE.test(rest)) {
    const note =
      offset !== "" && ZONE_NAME.test(rest)
        ? `ends with the zone's name "${rest}" after its offset, as Go writes times; the offset was read and the name left out`
        : `has "${`${offset} ${rest}`.trim()}" after its time, which was not understood and was left out, as Jekyll leaves it out; it was read as ${dateTime} in the archive's time zone. Write ${dateTime} (with an offset if you mean one) to silence this`;
    const read = offset !== "" && ZONE_NAME.test(rest) ? `${dateTime}${offset}` : dateTime;
    return { text: read, note: loose === undefined ? note : `${loose.note}; it also ${note}` };
  }
  if (loose !== undefined) return loose;
  const rfc2822 = DateTime.fromRFC2822(text, { setZone: true });
  if (rfc2822.isValid) return fromLuxon(rfc2822, true);
  for (const format of NAMED_MONTH_FORMATS) {
    const named = DateTime.fromFormat(text, format, { locale: "en-US", zone: "UTC" });
    if (named.isValid) return fromLuxon(named, false);
  }
  return undefined;
}

/** "2024-4-09" as "2024-04-09", "2021/04/09" as "2021-04-09", a one-digit hour padded; undefined when the date part is not loose. */
function looseNumeric(text: string): ToolDate | undefined {
  const match = LOOSE_NUMERIC.exec(text);
  if (match === null) return undefined;
  const [whole = "", year = "", month = "", day = "", time = ""] = match;
  const datePart = whole.slice(0, whole.length - time.length);
  const paddedTime = time.replace(/^(T|\s+)(\d):/, (_whole, separator: string, hour: string) => `${separator}0${hour}:`);
  if (/^\d{4}-\d{2}-\d{2}$/.test(datePart) && paddedTime === time) return undefined;
  const iso = `${year}-${month.padStart(2, "0")}-${day.padStart(2, "0")}${paddedTime}`;
  const why = datePart.includes("/") ? "is written with slashes, which Jekyll reads" : "has a one-digit month, day or hour, which Jekyll and the Go blog read";
  return { text: iso, note: `${why}; it was read as ${iso}. Write ${iso} to silence this` };
}

function fromLuxon(date: DateTime, withTime: boolean): ToolDate {
  const iso = withTime ? (date.toISO({ suppressMilliseconds: true, includeOffset: true }) ?? "") : (date.toISODate() ?? "");
  return { text: iso, note: `is not written as ISO 8601; it was read as ${iso}, as Jekyll and Hugo read it. Write ${iso} to silence this` };
}

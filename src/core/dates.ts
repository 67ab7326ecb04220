import { DateTime, FixedOffsetZone, IANAZone } from "luxon";
import { readToolDate } from "./tool-dates.ts";

/**
 * An article's date as the archive sees it: a calendar date in the archive's
 * time zone, plus the instant used to order articles published the same day.
 */
export interface ArticleDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  /** Whether the author gave a time of day; a date alone has none to show. */
  readonly hasTime: boolean;
  /** Milliseconds since the epoch: midnight in the archive's zone for a date alone. */
  readonly epochMs: number;
  /** ISO 8601 for `<time datetime>`: `2021-04-09`, or with time and offset in the archive's zone. */
  readonly iso: string;
  /**
   * The calendar day as written, when the date's own offset puts it on
   * another day than the archive's zone does ("2020-01-01T23:30:00-08:00" is
   * January 2 in UTC): Hugo dates its URLs by the day as written.
   */
  readonly writtenDay?: CalendarDate;
}

/** A day of the calendar, with no time and no zone. */
export interface CalendarDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** A date read; `note` says how a date written in another tool's form (Jekyll's, Hugo's) was read. */
type DateResult = { readonly ok: true; readonly date: ArticleDate; readonly note?: string } | { readonly ok: false; readonly reason: string };

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
// ISO 8601 date-time ("T" or a space between), or Jekyll's `2021-04-09 10:00:00 +0200`.
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:T|\s+)(\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?|[+-]\d)?$/i;
const FILE_NAME_PREFIX = /^(\d{4})-(\d{2})-(\d{2})-(.+)$/;

const FORMAT_HINT = 'write YYYY-MM-DD, or a date-time such as 2021-04-09T14:30:00+02:00 (the forms Jekyll and Hugo read, such as "09 Apr 2021", are read too)';

export function isValidTimeZone(zone: string): boolean {
  return IANAZone.isValidZone(zone);
}

/** The build's calendar day in the archive's zone: from SOURCE_DATE_EPOCH (seconds) when set, so builds can be repeated. */
export function buildDay(sourceDateEpoch: string | undefined, nowMs: number, timeZone: string): CalendarDate {
  const seconds = sourceDateEpoch === undefined || sourceDateEpoch.trim() === "" ? undefined : Number(sourceDateEpoch);
  const instant = seconds !== undefined && Number.isFinite(seconds) ? seconds * 1000 : nowMs;
  const local = DateTime.fromMillis(instant, { zone: timeZone });
  return { year: local.year, month: local.month, day: local.day };
}

/**
 * Reads a front-matter date as written (the YAML core schema keeps it as text)
 * and places it in the archive's time zone. A date alone is that calendar date
 * on every machine; a date-time with an offset is an instant, converted to the
 * archive's zone; a date-time without an offset is a wall-clock time there.
 */
export function parseArticleDate(value: unknown, archiveZone: string): DateResult {
  if (value instanceof Date) {
    // Only reachable when a caller parsed YAML with timestamps on: an instant.
    return fromInstant(DateTime.fromJSDate(value, { zone: archiveZone }), archiveZone);
  }
  if (typeof value === "number") return { ok: false, reason: `${value} is a number, not a date; ${FORMAT_HINT}` };
  if (typeof value !== "string") return { ok: false, reason: `a date must be text, not ${describeType(value)}; ${FORMAT_HINT}` };
  const text = value.trim();
  if (text === "") return { ok: false, reason: `the date is empty; ${FORMAT_HINT}` };
  const yearProblem = yearOutOfRange(text);
  if (yearProblem !== undefined) return { ok: false, reason: yearProblem };
  const standard = parseIsoDate(text, archiveZone);
  if (standard !== undefined) return standard;
  const toolDate = readToolDate(text);
  const read = toolDate === undefined ? undefined : parseIsoDate(toolDate.text, archiveZone);
  if (toolDate === undefined || read === undefined) return { ok: false, reason: `"${text}" is not a date in a known format; ${FORMAT_HINT}` };
  return read.ok ? { ...read, note: `the date "${text}" ${toolDate.note}` } : read;
}

/** ISO 8601 dates and date-times, and Jekyll's "2021-04-09 10:00:00 +0200"; undefined for text in no such form. */
function parseIsoDate(text: string, archiveZone: string): DateResult | undefined {
  const dateOnly = DATE_ONLY.exec(text);
  if (dateOnly) {
    const [year, month, day] = [Number(dateOnly[1]), Number(dateOnly[2]), Number(dateOnly[3])];
    const local = DateTime.fromObject({ year, month, day }, { zone: archiveZone });
    if (!local.isValid) return { ok: false, reason: notACalendarDate(text) };
    return { ok: true, date: { year, month, day, hasTime: false, epochMs: local.toMillis(), iso: text.slice(0, 10) } };
  }

  const dateTime = DATE_TIME.exec(text);
  if (!dateTime) return undefined;
  const [, y, mo, d, h, mi, s, fraction, offset] = dateTime;
  const fields = {
    year: Number(y),
    month: Number(mo),
    day: Number(d),
    hour: Number(h),
    minute: Number(mi),
    second: s === undefined ? 0 : Number(s),
    millisecond: fraction === undefined ? 0 : Math.floor(Number(`0.${fraction}`) * 1000),
  };
  const calendarCheck = DateTime.fromObject({ year: fields.year, month: fields.month, day: fields.day }, { zone: "UTC" });
  if (!calendarCheck.isValid) return { ok: false, reason: notACalendarDate(text) };
  const zone = offset === undefined ? archiveZone : offsetZone(offset);
  if (zone === undefined) return { ok: false, reason: `"${text}" has an offset outside ±14:00; ${FORMAT_HINT}` };
  const written = DateTime.fromObject(fields, { zone });
  if (!written.isValid) return { ok: false, reason: `"${text}" is not a valid time of day; ${FORMAT_HINT}` };
  return fromInstant(written, archiveZone, { year: fields.year, month: fields.month, day: fields.day });
}

function fromInstant(instant: DateTime, archiveZone: string, writtenDay?: CalendarDate): DateResult {
  const local = instant.setZone(archiveZone);
  if (!local.isValid) return { ok: false, reason: "the date is not a valid instant" };
  const sameDay = writtenDay === undefined || (writtenDay.year === local.year && writtenDay.month === local.month && writtenDay.day === local.day);
  return {
    ok: true,
    date: {
      year: local.year,
      month: local.month,
      day: local.day,
      hasTime: true,
      epochMs: local.toMillis(),
      iso: local.toISO({ suppressMilliseconds: true }) ?? local.toISODate() ?? "",
      ...(sameDay ? {} : { writtenDay }),
    },
  };
}

function offsetZone(offset: string): FixedOffsetZone | undefined {
  const upper = offset.toUpperCase();
  if (upper === "Z" || upper === "UTC" || upper === "GMT") return FixedOffsetZone.utcInstance;
  const match = /^([+-])(\d{1,2}):?(\d{2})?$/.exec(offset);
  if (!match) return undefined;
  const minutes = Number(match[2]) * 60 + Number(match[3] ?? "0");
  if (minutes > 14 * 60) return undefined;
  return FixedOffsetZone.instance(match[1] === "-" ? -minutes : minutes);
}

function yearOutOfRange(text: string): string | undefined {
  if (/^\d{5,}-/.test(text) || /^[+-]\d+-/.test(text)) {
    return `"${text}" has a year outside 1-9999; ${FORMAT_HINT}`;
  }
  if (/^0000-/.test(text)) return `"${text}" is in the year 0, which the calendar does not have; use a year from 1 to 9999`;
  return undefined;
}

function notACalendarDate(text: string): string {
  return `"${text}" is not a calendar date (check the month and the day); ${FORMAT_HINT}`;
}

export function describeType(value: unknown): string {
  if (value === null) return "an empty value";
  if (Array.isArray(value)) return "a list";
  if (value instanceof Date) return "a date";
  if (typeof value === "object") return "a mapping";
  if (typeof value === "number") return "a number";
  if (typeof value === "boolean") return "true/false";
  return typeof value;
}

interface FileNameDate {
  readonly date: string;
  readonly rest: string;
}

/** `2021-04-09-annual-report` → date "2021-04-09", rest "annual-report". */
export function splitFileNameDate(stem: string): FileNameDate | undefined {
  const match = FILE_NAME_PREFIX.exec(stem);
  if (!match || match[4] === undefined) return undefined;
  return { date: `${match[1]}-${match[2]}-${match[3]}`, rest: match[4] };
}

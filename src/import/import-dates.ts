import { IANAZone } from "luxon";

/** A date as an imported article's front matter writes it, and what is known of its instant. */
export interface ImportedDate {
  /** `2024-02-05T08:53:10-07:00`; without offset (`2024-02-05T08:53:10`) when the source gives none. */
  readonly iso: string;
  /** The instant and the site's offset then, when the source gives both. */
  readonly sample?: OffsetSample;
}

/** One instant and the offset from UTC the site used at it, in minutes (east positive). */
export interface OffsetSample {
  readonly instantMs: number;
  readonly offsetMinutes: number;
}

const WORDPRESS_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/;
const MAX_OFFSET_MINUTES = 14 * 60;

/**
 * A WordPress date: `wp:post_date` is the site's wall-clock time, and
 * `wp:post_date_gmt` the same moment in UTC; their difference is the site's
 * offset then. Drafts never published carry "0000-00-00 00:00:00" as their
 * GMT date: the local time is then written without offset, and the archive's
 * time zone places it. Undefined when the local date is missing or invalid.
 */
export function wordpressDate(local: string, gmt: string): ImportedDate | undefined {
  const wall = readWallClock(local);
  if (wall === undefined) return undefined;
  const utc = readWallClock(gmt);
  const offsetMinutes = utc === undefined ? undefined : Math.round((wall.ms - utc.ms) / 60_000);
  if (utc === undefined || offsetMinutes === undefined || Math.abs(offsetMinutes) > MAX_OFFSET_MINUTES) return { iso: wall.iso };
  return { iso: `${wall.iso}${formatOffset(offsetMinutes)}`, sample: { instantMs: utc.ms, offsetMinutes } };
}

/** "+00:00", "-07:00", "+05:45". */
export function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? "-" : "+";
  const absolute = Math.abs(minutes);
  return `${sign}${String(Math.floor(absolute / 60)).padStart(2, "0")}:${String(absolute % 60).padStart(2, "0")}`;
}

/** A "YYYY-MM-DD HH:MM:SS" as written (ISO, no offset) and its milliseconds read as if in UTC; undefined for WordPress's zero date and invalid dates. */
function readWallClock(text: string): { readonly iso: string; readonly ms: number } | undefined {
  const match = WORDPRESS_DATE_TIME.exec(text.trim());
  if (!match) return undefined;
  const [year, month, day, hour, minute, second] = match.slice(1).map((part) => Number(part ?? "0")) as [number, number, number, number, number, number];
  if (year === 0 || hour > 23 || minute > 59 || second > 59) return undefined;
  const ms = Date.UTC(year, month - 1, day, hour, minute, second);
  const check = new Date(ms);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return undefined;
  return { iso: check.toISOString().slice(0, 19), ms };
}

export type ZoneGuess =
  | {
      readonly zone: string;
      /** Other zones that agree with every sample as well, when the offsets alone cannot tell them apart. */
      readonly alternatives: readonly string[];
      readonly why: string;
    }
  | { readonly zone: undefined; readonly why: string };

/**
 * Zones preferred when several fit the samples equally, the most used first
 * within each offset: a site in Paris should not be told it is in Africa/Ceuta.
 */
const PREFERRED_ZONES = [
  "Europe/London",
  "Europe/Paris",
  "Europe/Berlin",
  "Europe/Madrid",
  "Europe/Rome",
  "Europe/Athens",
  "Europe/Helsinki",
  "Europe/Moscow",
  "America/New_York",
  "America/Chicago",
  "America/Denver",
  "America/Phoenix",
  "America/Los_Angeles",
  "America/Anchorage",
  "Pacific/Honolulu",
  "America/Toronto",
  "America/Vancouver",
  "America/Mexico_City",
  "America/Sao_Paulo",
  "America/Argentina/Buenos_Aires",
  "America/Santiago",
  "Asia/Kolkata",
  "Asia/Kathmandu",
  "Asia/Shanghai",
  "Asia/Tokyo",
  "Asia/Seoul",
  "Asia/Singapore",
  "Asia/Dubai",
  "Asia/Jakarta",
  "Asia/Tehran",
  "Australia/Sydney",
  "Australia/Adelaide",
  "Australia/Perth",
  "Australia/Brisbane",
  "Pacific/Auckland",
  "Africa/Johannesburg",
  "Africa/Lagos",
  "Africa/Cairo",
  "Africa/Nairobi",
];

/**
 * The archive's time zone from the offsets a site used: every sample the
 * same offset is that fixed offset ("UTC", or "Etc/GMT+7" for UTC−7, as a
 * WordPress site set to a manual offset is); offsets that change with the
 * seasons are a named zone whose rules give every sample its offset.
 */
export function inferTimeZone(samples: readonly OffsetSample[]): ZoneGuess {
  if (samples.length === 0) return { zone: undefined, why: "no date has both a local and a UTC time" };
  const offsets = [...new Set(samples.map((sample) => sample.offsetMinutes))].sort((a, b) => a - b);
  const described = `${samples.length} date(s) at UTC${offsets.map(formatOffset).join(", UTC")}`;
  const only = offsets.length === 1 ? offsets[0] : undefined;
  if (only === 0) return { zone: "UTC", alternatives: [], why: `${described}: local and UTC times agree` };
  if (only !== undefined && only % 60 === 0) {
    // The Etc zones' signs are inverted, as POSIX has them: Etc/GMT+7 is UTC−7.
    return { zone: `Etc/GMT${only < 0 ? "+" : "-"}${Math.abs(only / 60)}`, alternatives: [], why: `${described}: one fixed offset` };
  }
  // One sample per offset and hour is enough to tell zones apart, and keeps this fast on large exports.
  const distinct = [...new Map(samples.map((sample) => [`${sample.offsetMinutes}@${Math.floor(sample.instantMs / 3_600_000)}`, sample])).values()];
  const fitting = Intl.supportedValuesOf("timeZone").filter((zone) => fitsEvery(zone, distinct));
  // The runtime's list names some zones by older aliases (Asia/Calcutta): the preferred names are tried as they are.
  const zone = PREFERRED_ZONES.find((preferred) => fitsEvery(preferred, distinct)) ?? fitting[0];
  if (zone === undefined) return { zone: undefined, why: `${described}: no time zone's rules give every date its offset (did the site change zones?)` };
  return { zone, alternatives: fitting.filter((other) => other !== zone), why: `${described}: the rules of ${zone} give every date its offset` };
}

function fitsEvery(zoneName: string, samples: readonly OffsetSample[]): boolean {
  const zone = IANAZone.create(zoneName);
  return zone.isValid && samples.every((sample) => zone.offset(sample.instantMs) === sample.offsetMinutes);
}

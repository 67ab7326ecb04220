// What a reader's query asks for: words (a number or version as its number
// term), "quoted phrases" whose words must stand together, and a date the
// words name ("18 June 2026", "June 2024", "2026-06-18"), which finds the
// articles of that day or month rather than every article holding the day's
// number. The same code reads queries in the browser and in the tests.
import { queryNumberTerm } from "../text/numbers.browser.ts";
import { foldWord, readWritten, writtenWordsOf } from "../text/words.browser.ts";

interface QueryWord {
  /** As typed. */
  readonly written: string;
  /** What is looked up: a number term, or the folded word, which the search stems. */
  readonly term: string;
  readonly number: boolean;
}

/** A date a query names: a day, a month of a year, or a day of a month in every year. */
export interface QueryDate {
  readonly year?: number;
  readonly month: number;
  readonly day?: number;
  /** The words that named it, as typed. */
  readonly written: string;
}

export interface ParsedQuery {
  readonly words: readonly QueryWord[];
  /** Each phrase's tokens (readWritten's phrase tokens, not stemmed), two or more. */
  readonly phrases: readonly (readonly string[])[];
  readonly date?: QueryDate;
}

const PUNCTUATION_AROUND = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu;
const ISO_DATE = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/;
const YEAR = /^\d{4}$/;
const DAY = /^(\d{1,2})(?:st|nd|rd|th|\.)?$/;

/**
 * Reads a query. `months` gives, for each month from January, the names
 * that name it (folded: the site's language's long and short names), which
 * is how a date is told from other numbers.
 */
export function parseQuery(query: string, months: readonly (readonly string[])[]): ParsedQuery {
  const phrases: string[][] = [];
  const loose: string[] = [];
  const quoted = new Set<number>();
  // Quoted stretches are phrases, whose words are words of the query too; an unclosed quote runs to the end.
  for (const [at, stretch] of query.split('"').entries()) {
    const written = writtenWordsOf(stretch);
    if (at % 2 === 1) {
      for (let place = loose.length; place < loose.length + written.length; place += 1) quoted.add(place);
      const tokens = written.flatMap((word) => readWritten(word).phrase);
      if (tokens.length > 1) phrases.push(tokens);
    }
    loose.push(...written);
  }
  // Words in quotes are the reader's exact words, never a date.
  const date = dateIn(
    loose.map((word, place) => (quoted.has(place) ? "" : word)),
    months,
  );
  const words: QueryWord[] = [];
  const seen = new Set<string>();
  for (const [at, written] of loose.entries()) {
    if (date?.places.has(at) === true) continue;
    const number = queryNumberTerm(written);
    const term = number ?? readWritten(written).whole;
    if (term === "" || seen.has(term)) continue;
    seen.add(term);
    words.push({ written, term, number: number !== undefined });
  }
  return { words, phrases, ...(date === undefined ? {} : { date: date.date }) };
}

/** The first date the written words name, and the places of its words. */
function dateIn(written: readonly string[], months: readonly (readonly string[])[]): { date: QueryDate; places: Set<number> } | undefined {
  const plain = written.map((word) => foldWord(word).replace(PUNCTUATION_AROUND, ""));
  const monthOf = (word: string | undefined): number | undefined => {
    if (word === undefined || word === "") return undefined;
    const found = months.findIndex((names) => names.includes(word));
    return found === -1 ? undefined : found + 1;
  };
  const dayOf = (word: string | undefined): number | undefined => {
    const match = DAY.exec(word ?? "");
    const day = match?.[1] === undefined ? undefined : Number(match[1]);
    return day !== undefined && day >= 1 && day <= 31 ? day : undefined;
  };
  const yearOf = (word: string | undefined): number | undefined => (word !== undefined && YEAR.test(word) ? Number(word) : undefined);
  for (const [at, word] of plain.entries()) {
    const iso = ISO_DATE.exec(word);
    if (iso !== null) {
      const month = Number(iso[2]);
      const day = iso[3] === undefined ? undefined : Number(iso[3]);
      if (month < 1 || month > 12 || (day !== undefined && (day < 1 || day > 31))) continue;
      return { date: { year: Number(iso[1]), month, ...(day === undefined ? {} : { day }), written: written[at] ?? "" }, places: new Set([at]) };
    }
    const month = monthOf(word);
    if (month === undefined) continue;
    // "18 June 2026", "June 18, 2026", "June 18", "18 June", "June 2026"; a month alone is a word.
    const places = new Set([at]);
    let day = dayOf(plain[at - 1]);
    if (day !== undefined) places.add(at - 1);
    else {
      day = dayOf(plain[at + 1]);
      if (day !== undefined) places.add(at + 1);
    }
    const yearAt = at + (places.has(at + 1) ? 2 : 1);
    const year = yearOf(plain[yearAt]);
    if (year !== undefined) places.add(yearAt);
    if (day === undefined && year === undefined) continue;
    const first = Math.min(...places);
    const last = Math.max(...places);
    return {
      date: { ...(year === undefined ? {} : { year }), month, ...(day === undefined ? {} : { day }), written: written.slice(first, last + 1).join(" ") },
      places,
    };
  }
  return undefined;
}

/** The folded names of each month in a language, long and short ("june", "jun"), for parseQuery. */
export function foldedMonthNames(names: readonly (readonly string[])[]): string[][] {
  return names.map((forms) => [...new Set(forms.map((name) => foldWord(name).replace(PUNCTUATION_AROUND, "")).filter((name) => name !== ""))]);
}

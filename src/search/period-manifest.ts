// The search's list of periods, written beside the bundles at build time and
// read by the search page: which bundle holds which years, newest first, and
// the filter counts of each, so that a filter loads only the bundles that
// can match and no bundle is loaded to count.
import type { DatedArticle, SearchPeriod } from "./periods.ts";

/** What a period counts of an article: its year (the year filter) and its category (the category filter's value). */
export interface IndexedArticle extends DatedArticle {
  readonly category: string;
}

export interface PeriodEntry {
  readonly id: string;
  /** The bundle's folder from the site's root, ending in "/". */
  readonly bundle: string;
  /** "2017" or "2023-01". */
  readonly first: string;
  readonly last: string;
  readonly articles: number;
  /** Filter → value → articles. */
  readonly filters: { readonly category: Readonly<Record<string, number>>; readonly year: Readonly<Record<string, number>> };
  /** What the bundle was made from (its pages and the code, templates and settings), so that the next build reuses a bundle made from the same. */
  readonly digest?: string;
}

export interface PeriodsManifest {
  /** Newest first. */
  readonly periods: readonly PeriodEntry[];
}

/** The manifest of the periods, each with its bundle's folder (`bundleOf`, a path from the site's root). */
export function periodsManifest<T extends IndexedArticle>(
  periods: readonly SearchPeriod<T>[],
  bundleOf: (period: SearchPeriod<T>, newest: boolean) => string,
  digestOf?: (period: SearchPeriod<T>) => string,
): PeriodsManifest {
  return {
    periods: periods.map((period, at) => ({
      ...(digestOf === undefined ? {} : { digest: digestOf(period) }),
      id: period.id,
      bundle: bundleOf(period, at === 0),
      first: period.first,
      last: period.last,
      articles: period.articles.length,
      filters: { category: countsOf(period.articles.map((article) => article.category)), year: countsOf(period.articles.map((article) => String(article.year))) },
    })),
  };
}

function countsOf(values: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
  return counts;
}

/** For the status line: the years, or the months, a period spans ("2017–2021", "2023", "2023-01–2023-06"). */
export function periodLabel(entry: Pick<PeriodEntry, "first" | "last">): string {
  return entry.first === entry.last ? entry.first : `${entry.first}–${entry.last}`;
}

/** Whether a period may hold results for the filters chosen ("" for none), by its counts. */
export function periodMayMatch(entry: PeriodEntry, filters: { readonly category: string; readonly year: string }): boolean {
  return (filters.category === "" || (entry.filters.category[filters.category] ?? 0) > 0) && (filters.year === "" || (entry.filters.year[filters.year] ?? 0) > 0);
}

/** Reads a manifest fetched by the search page; throws, naming what is wrong, on anything else. */
export function parsePeriodsManifest(json: unknown): PeriodsManifest {
  const periods = typeof json === "object" && json !== null ? Reflect.get(json, "periods") : undefined;
  if (!Array.isArray(periods)) throw new Error("the search's list of periods has no periods");
  return { periods: periods.map(parseEntry) };
}

function parseEntry(value: unknown, at: number): PeriodEntry {
  const field = (name: string): unknown => (typeof value === "object" && value !== null ? Reflect.get(value, name) : undefined);
  const text = (name: string): string => {
    const found = field(name);
    if (typeof found !== "string") throw new Error(`period ${at + 1} of the search's list has no ${name}`);
    return found;
  };
  const counts = (name: string): Record<string, number> => {
    const filters = field("filters");
    const found: unknown = typeof filters === "object" && filters !== null ? Reflect.get(filters, name) : undefined;
    if (typeof found !== "object" || found === null) throw new Error(`period ${at + 1} of the search's list has no ${name} counts`);
    return Object.fromEntries(Object.entries(found).filter((entry): entry is [string, number] => typeof entry[1] === "number"));
  };
  const articles = field("articles");
  const digest = field("digest");
  return {
    ...(typeof digest === "string" ? { digest } : {}),
    id: text("id"),
    bundle: text("bundle"),
    first: text("first"),
    last: text("last"),
    articles: typeof articles === "number" ? articles : 0,
    filters: { category: counts("category"), year: counts("year") },
  };
}

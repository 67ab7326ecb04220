import { excerptWithoutNumberTerms, withoutNumberTerms } from "../search/numbers.ts";
import { orderByScoreAndDate, ORDERING, RANKING, refineFirstResults } from "../search/ranking.ts";
import { queryWords } from "../search/words.ts";
import { HIGHLIGHT_PARAM, type PagefindModule, type PagefindResult } from "./pagefind-api.ts";
import { parsePeriodsManifest, periodMayMatch, type PeriodEntry } from "../search/period-manifest.ts";
import { acrossPeriods, type PeriodOutcome } from "./period-outcome.ts";
import type { FoundArticle, SearchEngine, SearchOutcome, SearchProgress, SearchRequest } from "./search-engine.ts";

/** Where the bundles are, from the site's root: the newest period's folder, and the list of every period's (period-manifest.ts). */
export interface BundlePaths {
  readonly newestBundle: string;
  readonly periods: string;
}

/**
 * Searches the Pagefind bundles of a hosted site, one per period, newest
 * first (period-outcome.ts); a filter searches only the periods whose counts
 * say they hold it. The index records pages by their path from the site's
 * root, and the site's root is given as the base, so the site may be served
 * under any path.
 *
 * Each bundle's pagefind.js is imported as its own module (a module is one
 * instance per URL), not merged with Pagefind's `mergeIndex`: a merged search
 * fetches every bundle's entry and page list before its first result, and
 * under a date sort interleaves the bundles instead of making one timeline
 * (docs/search-and-offline.md); separate instances let the newest period
 * answer alone, and an older one load only when the reader asks for more.
 */
export function pagefindEngine(root: URL, paths: BundlePaths): SearchEngine {
  const bundles = new Map<string, Promise<PagefindModule>>();
  const bundle = (folder: string): Promise<PagefindModule> => {
    // A bundle that could not be loaded (offline, never saved) is asked for again by the next search.
    const loaded =
      bundles.get(folder) ??
      loadBundle(root, folder).catch((cause: unknown) => {
        bundles.delete(folder);
        throw cause;
      });
    bundles.set(folder, loaded);
    return loaded;
  };
  let periods: Promise<readonly PeriodEntry[]> | undefined;
  return {
    async search(request: SearchRequest, searching?: (progress: SearchProgress) => void): Promise<SearchOutcome> {
      const words = queryWords(request.query);
      if (words.length === 0) return { count: 0, complete: true, next: async () => [] };
      // The newest period's bundle loads while the list of periods is read: most archives have no other. A year is in one or two periods: only they load.
      if (request.year === "") bundle(paths.newestBundle).catch(() => undefined);
      // A list that could not be read (offline, never saved) is asked for again by the next search.
      periods ??= readPeriods(new URL(paths.periods, root)).catch((cause: unknown) => {
        periods = undefined;
        throw cause;
      });
      const matching = (await periods).filter((period) => periodMayMatch(period, request));
      return acrossPeriods(matching, async (period) => searchBundle(await bundle(period.bundle), words.join(" "), request), searching);
    },
  };
}

async function loadBundle(root: URL, folder: string): Promise<PagefindModule> {
  const module = (await import(new URL(`${folder}pagefind.js`, root).href)) as PagefindModule;
  await module.options({ baseUrl: root.pathname, excerptLength: 30, ranking: RANKING });
  await module.init();
  return module;
}

async function readPeriods(url: URL): Promise<readonly PeriodEntry[]> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`the search's list of periods could not be loaded (${response.status})`);
  return parsePeriodsManifest(await response.json()).periods;
}

/**
 * One period's results. The query goes to Pagefind as the portable search
 * reads it (`queryWords`: numbers as number terms), with the ranking options
 * both searches share; results are then ordered as the portable search
 * orders them (ranking.ts): the date among near-equal matches, then the
 * first results by their titles.
 */
async function searchBundle(pagefind: PagefindModule, term: string, request: SearchRequest): Promise<PeriodOutcome> {
  const filters: Record<string, string> = {};
  if (request.category !== "") filters["category"] = request.category;
  if (request.year !== "") filters["year"] = request.year;
  const byDate = (await pagefind.search(term, { filters, sort: { date: "desc" } }))?.results ?? [];
  const read = (result: PagefindResult): Promise<FoundArticle> => readResult(result, request.query);
  if (request.sort === "newest") {
    const pending = [...byDate];
    return { count: pending.length, next: async (count) => Promise.all(pending.splice(0, count).map(read)) };
  }
  // Pagefind's scores, and each result's place among the found articles newest first.
  const newestFirst = new Map(byDate.map((result, place) => [result.id, place]));
  const found = ((await pagefind.search(term, { filters }))?.results ?? []).map((result) => ({ result, score: result.score, newestFirst: newestFirst.get(result.id) ?? byDate.length }));
  const ranked = orderByScoreAndDate(found);
  // The first results are read at once: their titles order them again, as the portable search does.
  const first = await Promise.all(ranked.slice(0, ORDERING.firstResults).map(async (hit) => ({ ...hit, ...(await readWithText(hit.result, request.query)) })));
  const pending: (() => Promise<FoundArticle>)[] = [
    ...refineFirstResults(first, found.length, (hit) => ({ title: hit.shown.meta["title"] ?? "", text: hit.text }), request.query).map((hit) => () => Promise.resolve(hit.shown)),
    ...ranked.slice(ORDERING.firstResults).map((hit) => () => read(hit.result)),
  ];
  return { count: found.length, next: async (count) => Promise.all(pending.splice(0, count).map((shown) => shown())) };
}

async function readResult(result: PagefindResult, query: string): Promise<FoundArticle> {
  return (await readWithText(result, query)).shown;
}

/** A result as the search page shows it (number terms taken out, a link that highlights the words searched for), and its text. */
async function readWithText(result: PagefindResult, query: string): Promise<{ shown: FoundArticle; text: string }> {
  const { url, meta, excerpt, content } = await result.data();
  const link = new URL(url, location.href);
  for (const word of query.split(/\s+/)) if (word !== "") link.searchParams.append(HIGHLIGHT_PARAM, word);
  const title = meta["title"];
  const date = meta["date"];
  const shown = {
    // From the site's root, as the index records pages: the site may be served under any path.
    url: `${link.pathname}${link.search}`,
    meta: { ...meta, ...(title === undefined ? {} : { title: withoutNumberTerms(title).trim() }), ...(date === undefined ? {} : { date: withoutNumberTerms(date).trim() }) },
    excerpt: excerptWithoutNumberTerms(excerpt),
  };
  return { shown, text: content };
}

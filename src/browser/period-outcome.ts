// Results of an index split by period (search/periods.ts), merged as the
// reader reads: the newest period is searched first and its results shown
// at once; an older period is searched only when the reader asks for more
// than the periods searched so far found. Periods are disjoint in time, so
// their results newest period first, each ranked in its own bundle, make one
// list, and under "newest first" one timeline. Scores are not compared
// across periods: each is computed in its own bundle.
import { periodLabel, type PeriodEntry } from "../search/period-manifest.ts";
import type { FoundArticle, SearchOutcome, SearchProgress } from "./search-engine.ts";

/** One period's results, ranked in its own bundle. */
export interface PeriodOutcome {
  readonly count: number;
  next(count: number): Promise<FoundArticle[]>;
}

/**
 * Searches `periods` (newest first) one after the other as results are asked
 * for: the first at once, the next when the ones searched have no result
 * left to give. `searching` is told before an older period is searched.
 */
export async function acrossPeriods(
  periods: readonly PeriodEntry[],
  searchPeriod: (period: PeriodEntry) => Promise<PeriodOutcome>,
  searching?: (progress: SearchProgress) => void,
): Promise<SearchOutcome> {
  let searched = 0;
  let found = 0;
  let current: PeriodOutcome | undefined;
  let left = 0;
  const progress = (withUpcoming: boolean): SearchProgress => {
    const newest = periods[0];
    const oldest = periods[Math.max(searched - 1, 0)];
    const span = newest === undefined || oldest === undefined ? "" : periodLabel({ first: oldest.first, last: newest.last });
    const upcoming = withUpcoming ? periods[searched] : undefined;
    return { searchedSpan: span, periodsSearched: searched, periods: periods.length, ...(upcoming === undefined ? {} : { searching: periodLabel(upcoming) }) };
  };
  const searchOlder = async (): Promise<void> => {
    const period = periods[searched];
    if (period === undefined) return;
    if (searched > 0) searching?.(progress(true));
    current = await searchPeriod(period);
    searched += 1;
    found += current.count;
    left = current.count;
  };
  const take = async (count: number): Promise<FoundArticle[]> => {
    for (;;) {
      if (current !== undefined && left > 0) {
        const taken = await current.next(count);
        left = taken.length === 0 ? 0 : left - taken.length;
        if (taken.length > 0) return taken;
      }
      if (searched >= periods.length) return [];
      await searchOlder();
    }
  };
  await searchOlder();
  // One request at a time: a second "Show more" waits for the first, which may be searching a period.
  let queue: Promise<unknown> = Promise.resolve();
  return {
    get count() {
      return found;
    },
    get complete() {
      return searched >= periods.length;
    },
    get progress() {
      return periods.length > 1 ? progress(false) : undefined;
    },
    next(count: number): Promise<FoundArticle[]> {
      const taken = queue.then(() => take(count));
      queue = taken.catch(() => undefined);
      return taken;
    },
  };
}

// The search index's periods: consecutive years (or months of a busy year)
// holding at most `searchPeriodArticles` articles. The index and its ranking
// are global; a period is the unit in which the results' fragments are
// written, kept from one build to the next when unchanged, and saved by
// readers (search/index-write.ts), grouped from the oldest so that new
// articles change the newest period alone.

/** What the grouping reads of an article: its calendar year and month. */
interface DatedArticle {
  readonly year: number;
  readonly month: number;
}

interface SearchPeriod<T extends DatedArticle> {
  /** Its name: "2017-2021", "2023", or by months "2023-01-2023-06", "2023-04". */
  readonly id: string;
  /** "2017", or "2023-01" for a period of months. */
  readonly first: string;
  readonly last: string;
  /** In the order given. */
  readonly articles: readonly T[];
}

/**
 * Groups articles into periods, newest period first: consecutive years
 * together while they hold at most `maxArticles`; a year holding more is
 * split into consecutive months the same way (a month is never split, so a
 * period of one month may hold more). Years are grouped from the oldest, so
 * that new articles change only the newest period: the older ones, their
 * files and the copies readers saved of them stay the same.
 */
export function searchPeriods<T extends DatedArticle>(articles: readonly T[], maxArticles: number): SearchPeriod<T>[] {
  const periods: SearchPeriod<T>[] = [];
  const place = new Map(articles.map((article, at) => [article, at]));
  const periodOf = (group: readonly Bucket<T>[], name: (key: number) => string): SearchPeriod<T> => {
    const first = name(group[0]?.key ?? 0);
    const last = name(group[group.length - 1]?.key ?? 0);
    // In the order given, whatever the order of the years and months: a one-period archive is indexed as it always was.
    const held = group.flatMap((bucket) => bucket.articles).sort((a, b) => (place.get(a) ?? 0) - (place.get(b) ?? 0));
    return { id: first === last ? first : `${first}-${last}`, first, last, articles: held };
  };
  for (const group of consecutiveGroups(
    bucketsBy(articles, (article) => article.year),
    maxArticles,
  )) {
    const [oldest, newest] = [group[0], group[group.length - 1]];
    if (oldest === undefined || newest === undefined) continue;
    if (group.length === 1 && oldest.articles.length > maxArticles) {
      for (const months of consecutiveGroups(
        bucketsBy(oldest.articles, (article) => article.month),
        maxArticles,
      )) {
        periods.push(periodOf(months, (month) => `${oldest.key}-${String(month).padStart(2, "0")}`));
      }
    } else {
      periods.push(periodOf(group, String));
    }
  }
  return periods.reverse();
}

interface Bucket<T> {
  readonly key: number;
  readonly articles: T[];
}

/** The articles by a key (a year, a month), oldest key first. */
function bucketsBy<T>(articles: readonly T[], keyOf: (article: T) => number): Bucket<T>[] {
  const buckets = new Map<number, T[]>();
  for (const article of articles) {
    const key = keyOf(article);
    const bucket = buckets.get(key);
    if (bucket === undefined) buckets.set(key, [article]);
    else bucket.push(article);
  }
  return [...buckets].sort(([a], [b]) => a - b).map(([key, held]) => ({ key, articles: held }));
}

/** Runs of consecutive buckets holding at most `maxArticles` together; a bucket holding more is a run of its own. */
function consecutiveGroups<T>(buckets: readonly Bucket<T>[], maxArticles: number): Bucket<T>[][] {
  const groups: Bucket<T>[][] = [];
  let current: Bucket<T>[] = [];
  let held = 0;
  for (const bucket of buckets) {
    if (current.length > 0 && held + bucket.articles.length > maxArticles) {
      groups.push(current);
      current = [];
      held = 0;
    }
    current.push(bucket);
    held += bucket.articles.length;
  }
  if (current.length > 0) groups.push(current);
  return groups;
}

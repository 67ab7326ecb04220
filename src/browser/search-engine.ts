// What the search page asks of a search: Pagefind's on a hosted site, the
// portable index's on a site opened from disk. Both give the same results.

export interface SearchRequest {
  readonly query: string;
  readonly category: string;
  readonly year: string;
  readonly sort: "relevance" | "newest";
}

export interface FoundArticle {
  readonly url: string;
  readonly meta: Readonly<Record<string, string | undefined>>;
  /** Escaped text with the matched words in <mark>. */
  readonly excerpt: string;
}

/** How far a search of an index split by period has gone (search/periods.ts). */
export interface SearchProgress {
  /** The span of the periods searched ("2022–2026", "2017–2026"). */
  readonly searchedSpan: string;
  readonly periodsSearched: number;
  /** The periods that may hold results for the filters chosen. */
  readonly periods: number;
  /** The period being searched now, while the reader waits. */
  readonly searching?: string;
}

export interface SearchOutcome {
  /** The articles found so far, in the periods searched. */
  readonly count: number;
  /** Whether everything that may match was searched: until then, asking for more results may find more. */
  readonly complete: boolean;
  /** For an index of several periods, how far the search has gone. */
  readonly progress?: SearchProgress | undefined;
  /** The next results, `count` at most, in order; fewer before an older period is searched, so that found results show at once. */
  next(count: number): Promise<FoundArticle[]>;
}

export interface SearchEngine {
  /** `searching` is told when the search moves on to an older period, which may take a moment. */
  search(request: SearchRequest, searching?: (progress: SearchProgress) => void): Promise<SearchOutcome>;
}

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

export interface SearchOutcome {
  readonly count: number;
  /** The next results, `count` at most, in order. */
  next(count: number): Promise<FoundArticle[]>;
}

export interface SearchEngine {
  search(request: SearchRequest): Promise<SearchOutcome>;
}

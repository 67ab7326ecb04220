// The part of Pagefind's browser API (pagefind.js in the bundle) the search page uses.

export interface PagefindResultData {
  readonly url: string;
  /** HTML with the matched words in <mark>. */
  readonly excerpt: string;
  /** The page's indexed text. */
  readonly content: string;
  readonly meta: Readonly<Record<string, string | undefined>>;
}

export interface PagefindResult {
  readonly id: string;
  /** How well the page matches, by the ranking options given. */
  readonly score: number;
  data(): Promise<PagefindResultData>;
}

export interface PagefindSearch {
  readonly results: readonly PagefindResult[];
  readonly unfilteredResultCount: number;
}

export interface PagefindSearchOptions {
  readonly filters?: Readonly<Record<string, string>>;
  readonly sort?: Readonly<Record<string, "asc" | "desc">>;
}

export interface PagefindModule {
  options(options: Readonly<Record<string, unknown>>): Promise<void>;
  init(): Promise<void>;
  search(query: string | null, options?: PagefindSearchOptions): Promise<PagefindSearch | null>;
  filters(): Promise<Readonly<Record<string, Readonly<Record<string, number>>>>>;
}

/** The name of the URL parameter that carries the words to highlight on an article. */
export const HIGHLIGHT_PARAM = "highlight";

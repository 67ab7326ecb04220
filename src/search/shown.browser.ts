// What a search shows of its results: each one's fragment (address, title,
// date, category) and text, asked for side by side and each read once, and
// its excerpt, cut from the text when the page asks for it. The fragment is
// small and the text is not, so the page can order and show the results
// while the texts are still arriving.
import { excerptOf } from "./excerpt.browser.ts";
import type { Fragment } from "./index-format.browser.ts";
import type { IndexReader } from "./index-reader.browser.ts";

/** A result as the search page shows it. */
export interface FoundArticle {
  readonly doc: number;
  /** From the site's root. */
  readonly url: string;
  readonly title: string;
  readonly date: string;
  readonly category: string;
  /**
   * Escaped text with the matched words in <mark>, once the article's text is
   * in; "" when it cannot be loaded (offline, not saved). Cut when first asked
   * for, so that the page cuts the first result's before the others'. Never
   * rejects.
   */
  excerpt(): Promise<string>;
}

/** A result whose fragment could not be loaded (offline, not saved on this device): what the index knows of it. */
export interface UnshownArticle {
  readonly doc: number;
  readonly year: number;
}

export class ResultParts {
  readonly #reader: IndexReader;
  /** The words marked in excerpts. */
  readonly #marks: readonly string[];
  readonly #fragments = new Map<number, Promise<Fragment | undefined>>();
  readonly #texts = new Map<number, Promise<string | undefined>>();

  constructor(reader: IndexReader, marks: readonly string[]) {
    this.#reader = reader;
    this.#marks = marks;
  }

  /** A result's fragment; undefined when it cannot be loaded (offline, not saved), which leaves its result unshown, not the search failed. */
  fragment(doc: number): Promise<Fragment | undefined> {
    return loadOnce(this.#fragments, doc, () => this.#reader.fragment(doc));
  }

  /** A result's text, asked for now (with its fragment, not after it) for its excerpt later; undefined when it cannot be loaded. */
  text(doc: number): Promise<string | undefined> {
    return loadOnce(this.#texts, doc, () => this.#reader.fragmentText(doc));
  }

  /**
   * Asks for these results' texts now, with their fragments, for their
   * excerpts later: each is read once, and the asking never fails (a text
   * that cannot be loaded is undefined), so nothing waits on it here.
   */
  askTexts(docs: readonly number[]): void {
    for (const doc of docs) this.text(doc);
  }

  /** A result as the page shows it, once its fragment is in; `year` is what the index knows of one whose fragment is not. */
  async show(doc: number, year: number): Promise<FoundArticle | UnshownArticle> {
    const asked = this.fragment(doc);
    const text = this.text(doc);
    const fragment = await asked;
    if (fragment === undefined) return { doc, year };
    let excerpt: Promise<string> | undefined;
    const cut = async (): Promise<string> => {
      const whole = await text;
      return whole === undefined ? "" : excerptOf(whole, this.#marks);
    };
    return { doc, url: fragment.url, title: fragment.title, date: fragment.date, category: fragment.category, excerpt: () => (excerpt ??= cut()) };
  }
}

/** What `load` gives for `doc`, asked for once; a failure gives undefined and is asked for again next time. */
function loadOnce<T>(loaded: Map<number, Promise<T | undefined>>, doc: number, load: () => Promise<T>): Promise<T | undefined> {
  let found = loaded.get(doc);
  if (found === undefined) {
    found = load().catch(() => {
      loaded.delete(doc);
      return undefined;
    });
    loaded.set(doc, found);
  }
  return found;
}

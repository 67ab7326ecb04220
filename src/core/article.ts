import type { ArticleDate } from "./dates.ts";
import type { Route } from "./urls.ts";

export interface Category {
  readonly slug: string;
  readonly name: string;
}

export interface Tag {
  readonly slug: string;
  readonly name: string;
}

/** What one file says about its article, checked field by field; the category is resolved archive-wide later. */
export interface ArticleFields {
  readonly sourcePath: string;
  readonly bundleDir?: string;
  readonly assets: readonly string[];
  readonly title: string;
  readonly date: ArticleDate;
  readonly updated?: ArticleDate;
  /** The category as written, or undefined when the article names none. */
  readonly categoryName?: string;
  readonly tags: readonly Tag[];
  readonly summary?: string;
  readonly slug: string;
  readonly draft: boolean;
  readonly featured: boolean;
  readonly lang?: string;
  /** Who wrote the article, from `author` and `authors`, in that order; none when it names nobody. */
  readonly authors: readonly string[];
  readonly markdown: string;
  /** Front-matter keys this tool does not use (author, layout, ...), kept as written. */
  readonly extra: Readonly<Record<string, unknown>>;
}

/** A published article: its checked fields, its category resolved and its body rendered. */
export interface Article extends Omit<ArticleFields, "categoryName" | "markdown"> {
  readonly category: Category;
  readonly route: Route & { readonly kind: "article" };
  readonly bodyHtml: string;
  /** The part before <!--more-->, or the first prose paragraph, as plain text, shortened; lists show it when there is no summary. */
  readonly excerpt: string;
}

/** When an article last changed: its "updated" date, or else its date. */
export function lastModifiedMs(article: Article): number {
  return Math.max(article.date.epochMs, article.updated?.epochMs ?? 0);
}

export function compareArticles(a: Article, b: Article): number {
  return a.date.epochMs - b.date.epochMs || compareText(a.slug, b.slug) || compareText(a.sourcePath, b.sourcePath);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

import type { IndexRecord } from "../text/index-record.ts";
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

/** Someone who wrote articles: as the settings' `authors` map describes them, or their name as written. */
export interface Author {
  /** Their page's segment (/author/ann-lee/); "" for a name with nothing a URL can hold, who has no page. */
  readonly slug: string;
  readonly name: string;
  readonly bio?: string;
  readonly url?: string;
}

/** A path written in front matter (`url`, `path`, an alias), as written, with the key and line it is on. */
export interface WrittenPath {
  readonly text: string;
  readonly key: string;
  readonly line: number;
}

/** An old address of an article, from the site's root: a path, and a query for addresses such as "/?p=12". */
export interface OldAddress {
  readonly path: string;
  /** "?p=12", or "" for a plain path. */
  readonly query: string;
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
  /** The `slug` key as written, for permalink styles that read it their own way. */
  readonly writtenSlug?: string;
  /** The file's name without its extension, or a page bundle's folder name, date prefix included. */
  readonly fileName: string;
  /** Where the article says it lives (`url`, `permalink`, Zola's `path`), instead of the permalink setting. */
  readonly ownPath?: WrittenPath;
  /** Its old addresses (`aliases`, `redirect_from`), each to become a redirect to it. */
  readonly oldAddresses: readonly WrittenPath[];
  /** The address search engines should index (`canonical`), when it is not the page's own. */
  readonly canonical?: string;
  /** The card image (`image`, `cover`): a file of the page bundle, a path from the site's root or a URL. */
  readonly image?: string;
  readonly draft: boolean;
  readonly featured: boolean;
  readonly lang?: string;
  /** Who wrote the article, from `author` and `authors`, in that order; none when it names nobody. */
  readonly authors: readonly string[];
  readonly markdown: string;
  /** Front-matter keys this tool does not use (author, layout, ...), kept as written. */
  readonly extra: Readonly<Record<string, unknown>>;
}

/** A published article: its checked fields, its category and authors resolved, its address placed and its body rendered. */
export interface Article extends Omit<ArticleFields, "categoryName" | "markdown" | "authors" | "ownPath" | "oldAddresses"> {
  readonly category: Category;
  readonly authors: readonly Author[];
  /** The old addresses that lead to it (none of them another page's). */
  readonly redirects: readonly OldAddress[];
  readonly route: Route & { readonly kind: "article" };
  readonly bodyHtml: string;
  /** The part before <!--more-->, or the first prose paragraph, as plain text, shortened; lists show it when there is no summary. */
  readonly excerpt: string;
  /** What the search index holds of it, read from its title and rendered body when it was loaded (text/index-record.ts). */
  readonly searchRecord: IndexRecord;
}

/** What an undated file says about its page of the site (About, Contact, Members), checked field by field. */
export interface PageFields {
  readonly sourcePath: string;
  readonly bundleDir?: string;
  readonly assets: readonly string[];
  readonly title: string;
  readonly summary?: string;
  /** The file's name without its extension, or a page bundle's folder name. */
  readonly fileName: string;
  /** Where the page says it lives (`url`, `permalink`, `path`), instead of its path in the content folder. */
  readonly ownPath?: WrittenPath;
  readonly oldAddresses: readonly WrittenPath[];
  readonly draft: boolean;
  readonly lang?: string;
  readonly markdown: string;
}

/** A published page of the site: its address placed and its body rendered. */
export interface SitePage extends Omit<PageFields, "markdown" | "ownPath" | "oldAddresses"> {
  readonly route: Route & { readonly kind: "page" };
  readonly redirects: readonly OldAddress[];
  readonly bodyHtml: string;
}

/** A file that only sends readers on, as the Go blog's `redirect:` and jekyll-redirect-from's `redirect_to:` stubs. */
export interface StubFields {
  readonly sourcePath: string;
  /** Where it leads, as written, with its key and line. */
  readonly target: WrittenPath;
  readonly fileName: string;
  /** Its date, when it has one: old address patterns with date tokens need it. */
  readonly date?: ArticleDate;
  readonly title?: string;
  readonly slug: string;
  readonly ownPath?: WrittenPath;
  readonly oldAddresses: readonly WrittenPath[];
  readonly draft: boolean;
}

/** An old address that leads elsewhere than to an article or page of the archive: another page of the site, one of its files, or another site. */
export interface SiteRedirect {
  readonly from: OldAddress;
  /** A route of the site, or an absolute URL of another site. */
  readonly to: { readonly route: Route; readonly title: string } | { readonly url: string };
  /** The file that asked for it; "" for the settings. */
  readonly source: string;
}

/** When an article last changed: its "updated" date, or else its date. */
export function lastModifiedMs(article: Article): number {
  return Math.max(article.date.epochMs, article.updated?.epochMs ?? 0);
}

export function compareArticles(a: Pick<Article, "date" | "slug" | "sourcePath">, b: Pick<Article, "date" | "slug" | "sourcePath">): number {
  return a.date.epochMs - b.date.epochMs || compareText(a.slug, b.slug) || compareText(a.sourcePath, b.sourcePath);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

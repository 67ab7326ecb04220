import type { SiteViews } from "../model/pages.ts";
import type { ThemeBundle } from "../render/theme.ts";
import type { SearchIndexRequest } from "../search/search-index.ts";
import type { PublishedFile } from "./feeds.ts";

/**
 * What a build publishes, planned before anything is written: every page's
 * view and every file beside the pages. Loading an archive makes it
 * (pipeline/load-site.ts); writing a site renders its pages and runs the
 * steps of beside-pages.ts over it.
 */
export interface SitePlan {
  readonly views: SiteViews;
  readonly theme: ThemeBundle;
  /** Feeds, sitemap, robots.txt, the redirects and the 404 page's lists of titles. */
  readonly publishedFiles: readonly PublishedFile[];
  /** Page-bundle files, from the content folder to the output folder. */
  readonly bundleAssets: readonly BundleAsset[];
  /** The static folder's files, from their absolute path to the output folder. */
  readonly staticFiles: readonly { readonly from: string; readonly to: string }[];
  /** What the search index is made of: the searchable articles (their index records), the categories, the months' names, the stemmers' scripts. */
  readonly search: Pick<SearchIndexRequest, "articles" | "categories" | "monthNames" | "stemmerScripts">;
}

/** A page-bundle file, from the content folder to the output folder: `content`, when given, is published instead of the file (a sanitized SVG). */
export interface BundleAsset {
  readonly from: string;
  readonly to: string;
  readonly content?: string;
}

import { stringify } from "yaml";
import type { ConversionNotes } from "./article-body.ts";
import type { OffsetSample } from "./import-dates.ts";
import type { MediaFile } from "./media.ts";

/**
 * The front matter an imported article is written with: the keys the build
 * reads (title, date, updated, slug, category, tags, summary, draft,
 * featured) and those it keeps for redirects and credits (author, image,
 * status, wp_id, redirect_from), in this order.
 */
export interface ImportedFrontMatter {
  readonly title: string;
  /** ISO 8601, with the site's offset when the source gives it. */
  readonly date: string;
  readonly updated?: string;
  readonly slug: string;
  readonly category?: string;
  readonly tags: readonly string[];
  /** The author's display name. */
  readonly author?: string;
  readonly summary?: string;
  /** The featured image: a file of the bundle, or a URL. */
  readonly image?: string;
  readonly draft?: true;
  /** WordPress's status when it is not "publish": draft, pending, private, future. */
  readonly status?: string;
  readonly featured?: true;
  readonly wp_id?: number;
  /** Paths on the old site that should lead to this article: its permalink, and `/?p=ID`. */
  readonly redirect_from: readonly string[];
}

export interface ImportedArticle {
  /** What names the article across runs: "wp:123", or a feed entry's id or link. */
  readonly key: string;
  readonly frontMatter: ImportedFrontMatter;
  /** The calendar day of its URL ("2024-02-05"), to find two articles with one URL. */
  readonly day: string;
  readonly body: string;
  readonly media: readonly MediaFile[];
  /** Line of the item in the source, for messages. */
  readonly line?: number;
  readonly warnings: readonly string[];
  readonly notes: ConversionNotes;
  /** The date's instant and the site's offset then, for the archive's time zone. */
  readonly sample?: OffsetSample;
}

const KEY_ORDER: readonly (keyof ImportedFrontMatter)[] = [
  "title",
  "date",
  "updated",
  "slug",
  "category",
  "tags",
  "author",
  "summary",
  "image",
  "draft",
  "status",
  "featured",
  "wp_id",
  "redirect_from",
];

/** The article file's text: YAML front matter, then the Markdown body. */
export function articleText(article: ImportedArticle): string {
  const data: Record<string, unknown> = {};
  for (const key of KEY_ORDER) {
    const value = article.frontMatter[key];
    if (value === undefined || (Array.isArray(value) && value.length === 0)) continue;
    data[key] = value;
  }
  const yaml = stringify(data, { lineWidth: 0, defaultStringType: "PLAIN", defaultKeyType: "PLAIN" });
  return `---\n${yaml}---\n\n${article.body}`;
}

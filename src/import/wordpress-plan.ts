import { inferTimeZone, type ZoneGuess } from "./import-dates.ts";
import type { ImportedArticle } from "./imported-article.ts";
import type { MediaSource } from "./media.ts";
import type { Attachment } from "./shortcodes.ts";
import { isImportable, wxrArticle } from "./wxr-article.ts";
import type { WxrExport, WxrItem } from "./wxr.ts";

/** What an import will write, before anything is written. */
export interface ImportPlan {
  /** The source, in the report's first line. */
  readonly description: string;
  readonly articles: readonly ImportedArticle[];
  /** Items of the source by kind and status ("post publish", "attachment inherit"). */
  readonly items: ReadonlyMap<string, number>;
  /** Items not imported, by why ("attachment", "page (give --pages)"). */
  readonly skipped: ReadonlyMap<string, number>;
  readonly comments: number;
  readonly zone: ZoneGuess;
  /** Settings for a new settings file (title, language...), besides the time zone. */
  readonly siteSettings: Readonly<Record<string, string>>;
}

export interface WordPressOptions {
  readonly pages: boolean;
  readonly media: MediaSource;
}

/** Every post (and page, with --pages) of an export as an article, and the counts of the rest. */
export function planWordPressImport(wxr: WxrExport, { pages, media }: WordPressOptions): ImportPlan {
  const attachments = new Map<string, Attachment>();
  const reusableBlocks = new Map<string, string>();
  for (const item of wxr.items) {
    if (item.type === "attachment" && item.attachmentUrl !== "") {
      attachments.set(item.id, { id: item.id, url: item.attachmentUrl, alt: item.meta.get("_wp_attachment_image_alt") ?? "", caption: item.excerptHtml, parentId: item.parentId });
    }
    if (item.type === "wp_block") reusableBlocks.set(item.id, item.contentHtml);
  }
  const context = { site: wxr.site, authors: wxr.authors, attachments, reusableBlocks, media };
  const items = new Map<string, number>();
  const skipped = new Map<string, number>();
  const converted: ImportedArticle[] = [];
  for (const item of [...wxr.items].sort(byPostId)) {
    count(items, `${item.type} ${item.status}`);
    if (isImportable(item, pages)) converted.push(wxrArticle(item, context));
    else count(skipped, skipReason(item, pages));
  }
  const articles = distinctUrls(converted);
  const siteSettings = {
    ...(wxr.site.title === "" ? {} : { title: wxr.site.title }),
    ...(wxr.site.description === "" ? {} : { description: wxr.site.description }),
    ...(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(wxr.site.language) ? { language: wxr.site.language } : {}),
  };
  return {
    description: `WordPress export (WXR ${wxr.site.wxrVersion}) of "${wxr.site.title}", ${wxr.site.blogUrl}`,
    articles,
    items,
    skipped,
    comments: wxr.items.reduce((sum, item) => sum + item.commentCount, 0),
    zone: inferTimeZone(articles.flatMap((article) => (article.sample === undefined ? [] : [article.sample]))),
    siteSettings,
  };
}

function skipReason(item: WxrItem, pages: boolean): string {
  if (item.type === "page" && !pages) return "page (give --pages to import pages)";
  if (item.type === "post" || item.type === "page") return `${item.type} with status "${item.status}"`;
  return item.type;
}

/** Older posts first, so that when two posts would share a URL the older one keeps it, run after run. */
function byPostId(a: WxrItem, b: WxrItem): number {
  return (Number(a.id) || Number.MAX_SAFE_INTEGER) - (Number(b.id) || Number.MAX_SAFE_INTEGER);
}

/**
 * Two articles of one day with one slug would have one URL, which the build
 * refuses. WordPress keeps slugs apart with "-2"; the later article gets
 * that here too, with a warning (its old URL still redirects to it).
 */
export function distinctUrls(articles: readonly ImportedArticle[]): ImportedArticle[] {
  const taken = new Set<string>();
  return articles.map((article) => {
    const base = article.frontMatter.slug;
    let slug = base;
    for (let counter = 2; taken.has(`${article.day}/${slug}`); counter += 1) slug = `${base}-${counter}`;
    taken.add(`${article.day}/${slug}`);
    if (slug === base) return article;
    const warning = `has the slug "${base}" of another article of ${article.day}; it was given "${slug}"`;
    return { ...article, frontMatter: { ...article.frontMatter, slug }, warnings: [...article.warnings, warning] };
  });
}

function count(map: Map<string, number>, key: string): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

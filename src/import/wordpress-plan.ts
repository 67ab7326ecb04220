import { inferTimeZone } from "./import-dates.ts";
import type { ImportedArticle } from "./imported-article.ts";
import { distinctUrls, siteSettingsOf, type ImportPlan } from "./import-plan.ts";
import type { MediaSource } from "./media.ts";
import type { Attachment } from "./shortcodes.ts";
import { isImportable, wxrArticle } from "./wxr-article.ts";
import type { WxrExport, WxrItem } from "./wxr.ts";

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
  return {
    description: `WordPress export (WXR ${wxr.site.wxrVersion}) of "${wxr.site.title}", ${wxr.site.blogUrl}`,
    articles,
    items,
    skipped,
    comments: wxr.items.reduce((sum, item) => sum + item.commentCount, 0),
    zone: inferTimeZone(articles.flatMap((article) => (article.sample === undefined ? [] : [article.sample]))),
    siteSettings: siteSettingsOf(wxr.site),
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

function count(map: Map<string, number>, key: string): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

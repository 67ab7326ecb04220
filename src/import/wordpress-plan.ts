import { inferTimeZone } from "./import-dates.ts";
import type { ImportedArticle } from "./imported-article.ts";
import { distinctUrls, siteSettingsOf, type ImportPlan } from "./import-plan.ts";
import type { MediaSource } from "./media.ts";
import type { Attachment } from "./shortcodes.ts";
import { isImportable, wxrArticle } from "./wxr-article.ts";
import { htmlToText } from "./dom.ts";
import { CategoryTree, taxonomyRedirects, type TaxonomyUse } from "./wp-taxonomy.ts";
import type { WxrExport, WxrItem } from "./wxr.ts";

interface WordPressOptions {
  readonly pages: boolean;
  readonly media: MediaSource;
}

/** Every post (and page, with --pages) of an export as an article, and the counts of the rest. */
export function planWordPressImport(wxr: WxrExport, { pages, media }: WordPressOptions): ImportPlan {
  const attachments = new Map<string, Attachment>();
  const reusableBlocks = new Map<string, string>();
  for (const item of wxr.items) {
    if (item.type === "attachment" && item.attachmentUrl !== "") {
      attachments.set(item.id, {
        id: item.id,
        url: item.attachmentUrl,
        alt: item.meta.get("_wp_attachment_image_alt") ?? "",
        caption: item.excerptHtml,
        parentId: item.parentId,
      });
    }
    if (item.type === "wp_block") reusableBlocks.set(item.id, item.contentHtml);
  }
  const categories = new CategoryTree(wxr.categories);
  const context = { site: wxr.site, authors: wxr.authors, attachments, reusableBlocks, media, categories };
  const items = new Map<string, number>();
  const skipped = new Map<string, number>();
  const converted: ImportedArticle[] = [];
  for (const item of [...wxr.items].sort(byPostId)) {
    count(items, `${item.type} ${item.status}`);
    if (isImportable(item, pages)) converted.push(wxrArticle(item, context));
    else count(skipped, skipReason(item, pages));
  }
  const articles = distinctUrls(converted);
  const used = taxonomyOf(wxr, articles, pages, categories);
  const categorySettings = categories.settings(used.categories);
  return {
    description: `WordPress export (WXR ${wxr.site.wxrVersion}) of "${wxr.site.title}", ${wxr.site.blogUrl}`,
    articles,
    items,
    skipped,
    comments: wxr.items.reduce((sum, item) => sum + item.commentCount, 0),
    zone: inferTimeZone(articles.flatMap((article) => (article.sample === undefined ? [] : [article.sample]))),
    siteSettings: {
      ...siteSettingsOf(wxr.site),
      ...(categorySettings.length === 0 ? {} : { categories: categorySettings }),
      redirects: taxonomyRedirects({ blogUrl: wxr.site.blogUrl, tree: categories, ...used }),
    },
  };
}

/** The categories the imported articles are filed under, their tags and their authors, by WordPress's slugs and logins. */
function taxonomyOf(wxr: WxrExport, articles: readonly ImportedArticle[], pages: boolean, tree: CategoryTree): Omit<TaxonomyUse, "blogUrl" | "tree"> {
  const imported = new Set(articles.map((article) => article.key));
  const items = wxr.items.filter((item) => isImportable(item, pages) && imported.has(`wp:${item.id}`) && item.status === "publish");
  const categories = new Set(
    items.flatMap((item) => {
      const filed = tree.fileUnder(item.terms.filter((term) => term.domain === "category" && term.slug !== "")).category;
      return filed === undefined ? [] : [filed.slug];
    }),
  );
  const tags = new Map(
    items.flatMap((item) =>
      item.terms.filter((term) => term.domain === "post_tag" && term.slug !== "").map((term) => [term.slug, htmlToText(term.name)] as const),
    ),
  );
  const authors = new Map(items.flatMap((item) => (item.creator === "" ? [] : [[item.creator, wxr.authors.get(item.creator) ?? item.creator] as const])));
  return { categories, tags, authors };
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

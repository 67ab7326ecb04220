import { wordpressBody } from "./article-body.ts";
import { htmlToText } from "./dom.ts";
import { wordpressDate, type ImportedDate } from "./import-dates.ts";
import type { ImportedArticle, ImportedFrontMatter } from "./imported-article.ts";
import { ArticleMedia, type MediaSource } from "./media.ts";
import type { Attachment } from "./shortcodes.ts";
import { articleSlug, redirectPaths, servableOldAddresses } from "./wp-paths.ts";
import type { CategoryTree } from "./wp-taxonomy.ts";
import type { WxrItem, WxrSite } from "./wxr.ts";

/** What converting one item needs from the rest of the export. */
interface WxrContext {
  readonly site: WxrSite;
  /** Author login → display name. */
  readonly authors: ReadonlyMap<string, string>;
  readonly attachments: ReadonlyMap<string, Attachment>;
  readonly reusableBlocks: ReadonlyMap<string, string>;
  readonly media: MediaSource;
  /** The site's categories and their parents. */
  readonly categories: CategoryTree;
}

/** Statuses imported as drafts: WordPress does not show them to readers. */
const DRAFT_STATUSES = new Set(["draft", "pending", "private", "future"]);

/** Whether an item of the export becomes an article: a post or (with --pages) a page, not in the trash. */
export function isImportable(item: WxrItem, withPages: boolean): boolean {
  return (item.type === "post" || (withPages && item.type === "page")) && (item.status === "publish" || DRAFT_STATUSES.has(item.status));
}

/** One post or page of a WordPress export as an article: front matter, Markdown body, media, and what was imperfect. */
export function wxrArticle(item: WxrItem, context: WxrContext): ImportedArticle {
  const warnings: string[] = [];
  const date = itemDate(item, warnings);
  const day = date.iso.slice(0, 10);
  const realTitle = htmlToText(item.title);
  const title = realTitle || `Untitled ${item.type === "page" ? "page" : "post"} of ${day}`;
  if (realTitle === "") warnings.push(`has no title; it was given "${title}"`);
  const slug = articleSlug(item.postName, realTitle, item.id);
  if (slug.note !== undefined) warnings.push(slug.note);

  const media = new ArticleMedia(context.media);
  const footnotesJson = item.meta.get("footnotes");
  const body = wordpressBody(
    item.contentHtml,
    { reusableBlocks: context.reusableBlocks, postId: item.id, attachments: context.attachments, ...(footnotesJson === undefined ? {} : { footnotesJson }) },
    media,
  );
  const thumbnail = context.attachments.get(item.meta.get("_thumbnail_id") ?? "");
  const image = thumbnail === undefined ? undefined : media.link(thumbnail.url);
  const protectedByPassword = item.password !== "";
  if (protectedByPassword) warnings.push("is protected by a password in WordPress; it was imported as a draft so that it is not published to everyone");
  const draft = DRAFT_STATUSES.has(item.status) || protectedByPassword;
  const updated = wordpressDate(item.modified, item.modifiedGmt);
  const { categories, tags } = termsOf(item, context.categories);
  const author = context.authors.get(item.creator) ?? item.creator;
  const summary = htmlToText(item.excerptHtml);
  const id = /^\d+$/.test(item.id) ? Number(item.id) : undefined;

  const frontMatter: ImportedFrontMatter = {
    title,
    date: date.iso,
    ...(updated !== undefined && isLater(updated, date) ? { updated: updated.iso } : {}),
    slug: slug.slug,
    ...(categories[0] === undefined ? (item.type === "page" ? { category: "Pages" } : {}) : { category: categories[0] }),
    tags: uniqueNames([...categories.slice(1), ...tags]),
    ...(author === "" ? {} : { author }),
    ...(summary === "" ? {} : { summary }),
    ...(image === undefined ? {} : { image }),
    ...(draft ? { draft: true, ...(item.status === "publish" ? {} : { status: item.status }) } : {}),
    ...(item.sticky ? { featured: true } : {}),
    ...(id === undefined ? {} : { wp_id: id }),
    redirect_from: servableOldAddresses(redirectPaths(item.link, context.site.blogUrl, item.type, item.id), warnings),
  };
  return {
    key: item.id === "" ? `wp-link:${item.link}` : `wp:${item.id}`,
    frontMatter,
    day,
    body: body.markdown,
    media: media.files,
    ...(item.line === undefined ? {} : { line: item.line }),
    warnings: [...warnings, ...body.notes.problems],
    notes: body.notes,
    ...(date.sample === undefined ? {} : { sample: date.sample }),
  };
}

/** The post's date; a draft without one takes its last change, with a warning. */
function itemDate(item: WxrItem, warnings: string[]): ImportedDate {
  const date = wordpressDate(item.postDate, item.postDateGmt);
  if (date !== undefined) return date;
  const modified = wordpressDate(item.modified, item.modifiedGmt);
  if (modified !== undefined) {
    warnings.push(`has no date ("${item.postDate}"); it was dated by its last change, ${modified.iso}`);
    return modified;
  }
  warnings.push(`has no date ("${item.postDate}") and no date of change; it was dated 1970-01-01: set its date`);
  return { iso: "1970-01-01T00:00:00" };
}

function isLater(updated: ImportedDate, date: ImportedDate): boolean {
  if (updated.sample !== undefined && date.sample !== undefined) return updated.sample.instantMs > date.sample.instantMs;
  return updated.iso.slice(0, 19) > date.iso.slice(0, 19);
}

/**
 * WordPress's categories and tags, by display name: the post's most
 * specific category is the article's (its parents are implied by the
 * `categories` setting), its other categories become tags, then its tags.
 */
function termsOf(item: WxrItem, tree: CategoryTree): { readonly categories: readonly string[]; readonly tags: readonly string[] } {
  const named = (domain: string): WxrItem["terms"] => item.terms.filter((term) => term.domain === domain && term.name !== "");
  const { category, others } = tree.fileUnder(named("category"));
  return {
    categories: [...(category === undefined ? [] : [category]), ...others].map((term) => htmlToText(term.name)),
    tags: named("post_tag").map((term) => htmlToText(term.name)),
  };
}

function uniqueNames(names: readonly string[]): string[] {
  const seen = new Set<string>();
  return names.filter((name) => {
    const key = name.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

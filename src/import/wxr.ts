import { htmlToText } from "./dom.ts";
import { attributeOf, childrenOf, childText, firstChild, textOf, type XmlElement } from "./xml.ts";

/** What a WordPress eXtended RSS export says about its site. */
export interface WxrSite {
  readonly title: string;
  readonly description: string;
  /** The blog's address (`wp:base_blog_url`, else the channel's link), e.g. "https://example.org/news". */
  readonly blogUrl: string;
  readonly language: string;
  readonly wxrVersion: string;
}

export interface WxrTerm {
  /** "category", "post_tag", or another taxonomy; "category" when the export does not say (WXR 1.0). */
  readonly domain: string;
  /** The display name. */
  readonly name: string;
  /** Its slug in WordPress's addresses (`nicename`): /category/<slug>/, /tag/<slug>/; "" when the export does not say. */
  readonly slug: string;
}

/** A category of the site, as the export's channel lists them: its slug, name, description and parent's slug. */
export interface WxrCategory {
  readonly slug: string;
  readonly name: string;
  readonly description: string;
  /** The parent's slug, "" for a top category. */
  readonly parent: string;
}

/** One `<item>` of the export, its fields as written (trimmed), nothing interpreted yet. */
export interface WxrItem {
  /** Line of the item in the export, for messages. */
  readonly line: number | undefined;
  /** `wp:post_id`; else the number in a `?p=` link or guid (exports made by hand may lack it); "" when none. */
  readonly id: string;
  readonly title: string;
  readonly link: string;
  readonly creator: string;
  readonly contentHtml: string;
  readonly excerptHtml: string;
  /** Site-local date-times ("2024-02-05 15:53:10"), "" when absent; WordPress writes "0000-00-00 00:00:00" for none. */
  readonly postDate: string;
  readonly postDateGmt: string;
  readonly modified: string;
  readonly modifiedGmt: string;
  /** `wp:post_name` as WordPress stores it: non-ASCII slugs are percent-encoded. */
  readonly postName: string;
  readonly status: string;
  readonly type: string;
  readonly parentId: string;
  readonly password: string;
  readonly sticky: boolean;
  readonly terms: readonly WxrTerm[];
  readonly meta: ReadonlyMap<string, string>;
  readonly attachmentUrl: string;
  readonly commentCount: number;
}

export interface WxrExport {
  readonly site: WxrSite;
  /** Author login → display name. */
  readonly authors: ReadonlyMap<string, string>;
  /** The site's categories, parents before or after their children, as exported. */
  readonly categories: readonly WxrCategory[];
  readonly items: readonly WxrItem[];
}

export type WxrOutcome = { readonly ok: true; readonly export: WxrExport } | { readonly ok: false; readonly message: string };

const WXR_HINT = "export it from WordPress with Tools → Export (a .xml file)";

/** Reads a parsed XML document as a WordPress export, or says why it is not one. */
export function readWxr(root: XmlElement, lineOf: (element: XmlElement) => number | undefined): WxrOutcome {
  const rss = firstChild(root, "rss");
  if (rss === undefined) {
    const what = firstChild(root, "feed") !== undefined ? "an Atom feed" : "an XML file without <rss>";
    return { ok: false, message: `is ${what}, not a WordPress export; ${WXR_HINT}${what.startsWith("an Atom") ? ", or import it with `import feed`" : ""}` };
  }
  const channel = firstChild(rss, "channel");
  if (channel === undefined) return { ok: false, message: `has <rss> but no <channel>; it is not a WordPress export; ${WXR_HINT}` };
  const wxrVersion = childText(channel, "wp:wxr_version");
  if (wxrVersion === "") {
    return { ok: false, message: `is an RSS feed without <wp:wxr_version>, not a WordPress export; import it with \`import feed\`, or ${WXR_HINT}` };
  }
  const site: WxrSite = {
    title: htmlToText(childText(channel, "title")),
    description: childText(channel, "description"),
    blogUrl: childText(channel, "wp:base_blog_url") || childText(channel, "link"),
    language: childText(channel, "language"),
    wxrVersion,
  };
  const authors = new Map<string, string>();
  for (const author of childrenOf(channel, "wp:author")) {
    const login = childText(author, "wp:author_login");
    const name = childText(author, "wp:author_display_name");
    if (login !== "") authors.set(login, name || login);
  }
  const categories = childrenOf(channel, "wp:category").map((category) => ({
    slug: childText(category, "wp:category_nicename"),
    name: htmlToText(childText(category, "wp:cat_name")),
    description: childText(category, "wp:category_description"),
    parent: childText(category, "wp:category_parent"),
  }));
  const items = childrenOf(channel, "item").map((item) => readItem(item, lineOf(item)));
  return { ok: true, export: { site, authors, categories: categories.filter((category) => category.slug !== "" && category.name !== ""), items } };
}

function readItem(item: XmlElement, line: number | undefined): WxrItem {
  const link = childText(item, "link");
  const guid = childText(item, "guid");
  const meta = new Map<string, string>();
  for (const entry of childrenOf(item, "wp:postmeta")) meta.set(childText(entry, "wp:meta_key"), childText(entry, "wp:meta_value"));
  return {
    line,
    id: childText(item, "wp:post_id") || postIdInUrl(link) || postIdInUrl(guid),
    title: childText(item, "title"),
    link,
    creator: childText(item, "dc:creator"),
    contentHtml: textOf(firstChild(item, "content:encoded")),
    excerptHtml: childText(item, "excerpt:encoded"),
    postDate: childText(item, "wp:post_date"),
    postDateGmt: childText(item, "wp:post_date_gmt"),
    modified: childText(item, "wp:post_modified"),
    modifiedGmt: childText(item, "wp:post_modified_gmt"),
    postName: childText(item, "wp:post_name"),
    status: childText(item, "wp:status") || "publish",
    type: childText(item, "wp:post_type") || "post",
    parentId: childText(item, "wp:post_parent"),
    password: childText(item, "wp:post_password"),
    sticky: childText(item, "wp:is_sticky") === "1",
    terms: childrenOf(item, "category").map((term) => ({
      domain: attributeOf(term, "domain") ?? "category",
      name: textOf(term).trim(),
      slug: attributeOf(term, "nicename") ?? "",
    })),
    meta,
    attachmentUrl: childText(item, "wp:attachment_url"),
    commentCount: childrenOf(item, "wp:comment").length,
  };
}

function postIdInUrl(url: string): string {
  return /[?&]p(?:age_id)?=(\d+)/.exec(url)?.[1] ?? "";
}

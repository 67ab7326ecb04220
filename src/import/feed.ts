import { DateTime } from "luxon";
import { slugify } from "../core/slugs.ts";
import { htmlBody } from "./article-body.ts";
import { htmlToText } from "./dom.ts";
import { inferTimeZone, type ImportedDate } from "./import-dates.ts";
import type { ImportedArticle } from "./imported-article.ts";
import { ArticleMedia } from "./media.ts";
import { decodeSource, readSourceText, type SourceText } from "./source-file.ts";
import { distinctUrls, siteSettingsOf, type ImportPlan } from "./import-plan.ts";
import { decodeUrlText, pathOf, servableOldAddresses } from "./wp-paths.ts";
import { attributeOf, childrenOf, childText, firstChild, textOf, type XmlElement } from "./xml.ts";

/** One entry of an RSS 2.0 or Atom feed, its fields as the feed gives them. */
interface FeedEntry {
  readonly id: string;
  readonly title: string;
  readonly link: string;
  readonly date: string;
  readonly author: string;
  readonly categories: readonly string[];
  readonly summaryHtml: string;
  readonly contentHtml: string;
  /** Whether the entry carries its full text (RSS's content:encoded, Atom's content), not only a summary. */
  readonly fullText: boolean;
}

interface FeedSite {
  readonly format: "RSS" | "Atom";
  readonly title: string;
  readonly description: string;
  readonly link: string;
  readonly language: string;
}

const FETCH_TIMEOUT_MS = 30_000;
/** The most a feed download may hold: far above any feed, it stops an endless or enormous answer before it fills the memory. */
const LARGEST_FEED_BYTES = 50_000_000;

/** A feed's text, from a file or an http(s) address. */
export async function readFeedSource(source: string): Promise<SourceText> {
  if (!/^https?:\/\//i.test(source)) return readSourceText(source);
  try {
    const response = await fetch(source, {
      signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
      headers: { accept: "application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.5" },
    });
    if (!response.ok) return { ok: false, message: `answered ${response.status} ${response.statusText}`.trim() };
    const bytes = await boundedBody(response);
    return bytes === undefined
      ? {
          ok: false,
          message: `answered with more than ${LARGEST_FEED_BYTES / 1_000_000} MB, more than any feed holds; if it is a feed, download it and import the file`,
        }
      : decodeSource(bytes);
  } catch (cause) {
    return { ok: false, message: `cannot be fetched (${cause instanceof Error ? cause.message : String(cause)})` };
  }
}

/** A response's body, read until it ends or passes LARGEST_FEED_BYTES (undefined then, the download stopped). */
async function boundedBody(response: Response): Promise<Uint8Array | undefined> {
  if (Number(response.headers.get("content-length") ?? 0) > LARGEST_FEED_BYTES) {
    await response.body?.cancel();
    return undefined;
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  // Leaving the loop early cancels the stream.
  for await (const chunk of response.body ?? []) {
    size += chunk.byteLength;
    if (size > LARGEST_FEED_BYTES) return undefined;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/**
 * Every entry of an RSS 2.0 or Atom feed as an article. A feed whose
 * entries carry only summaries (no RSS content:encoded, no Atom content)
 * would make articles cut short: it is refused, unless `summaries` asks
 * for them, each then ending with a link to the original.
 */
export function planFeedImport(
  root: XmlElement,
  { summaries = false }: { readonly summaries?: boolean } = {},
): { readonly ok: true; readonly plan: ImportPlan } | { readonly ok: false; readonly message: string } {
  const channel = firstChild(firstChild(root, "rss") ?? {}, "channel");
  if (channel !== undefined && childText(channel, "wp:wxr_version") !== "") {
    return { ok: false, message: "is a WordPress export, not a feed; import it with `import wordpress`, which keeps drafts, pages and media" };
  }
  const feed = readFeed(root);
  if (feed === undefined) return { ok: false, message: "is neither an RSS 2.0 feed (<rss><channel>) nor an Atom feed (<feed>)" };
  const summaryOnly = feed.entries.length > 0 && feed.entries.every((entry) => !entry.fullText);
  if (summaryOnly && !summaries) {
    return {
      ok: false,
      message: `holds only summaries: none of its ${feed.entries.length} entries has its full text (RSS's <content:encoded>, Atom's <content>), so each article would be cut short. Import the site's export or a full-text feed instead, or pass --summaries to import the summaries, each with a link to the original`,
    };
  }
  const articles = distinctUrls(feed.entries.map((entry, index) => feedArticle(summaryOnly ? withOriginalLink(entry) : entry, index, feed.site.link)));
  return {
    ok: true,
    plan: {
      description: `${feed.site.format} feed "${feed.site.title}"${feed.site.link === "" ? "" : `, ${feed.site.link}`}`,
      articles,
      items: new Map([["entry", feed.entries.length]]),
      skipped: new Map(),
      comments: 0,
      zone: inferTimeZone(articles.flatMap((article) => (article.sample === undefined ? [] : [article.sample]))),
      siteSettings: siteSettingsOf(feed.site),
      ...(summaryOnly
        ? {
            notices: [
              `the feed holds only summaries: its ${feed.entries.length} articles hold their summary and a link to the original ("Read the original"), not their full text`,
            ],
          }
        : {}),
    },
  };
}

/** A summary-only entry's text, followed by a link to the whole article where it was published. */
function withOriginalLink(entry: FeedEntry): FeedEntry {
  if (!/^https?:\/\//i.test(entry.link)) return entry;
  const link = entry.link.replace(/&/g, "&amp;").replace(/"/g, "&quot;");
  return { ...entry, contentHtml: `${entry.contentHtml}\n<p><a href="${link}">Read the original</a></p>` };
}

function readFeed(root: XmlElement): { readonly site: FeedSite; readonly entries: readonly FeedEntry[] } | undefined {
  const channel = firstChild(firstChild(root, "rss") ?? {}, "channel");
  if (channel !== undefined) {
    const site: FeedSite = {
      format: "RSS",
      title: htmlToText(childText(channel, "title")),
      description: htmlToText(childText(channel, "description")),
      link: childText(channel, "link"),
      language: childText(channel, "language"),
    };
    return { site, entries: childrenOf(channel, "item").map(rssEntry) };
  }
  const atom = firstChild(root, "feed");
  if (atom === undefined) return undefined;
  const site: FeedSite = {
    format: "Atom",
    title: atomText(firstChild(atom, "title")),
    description: atomText(firstChild(atom, "subtitle")),
    link: atomLink(atom),
    language: attributeOf(atom, "xml:lang") ?? "",
  };
  return { site, entries: childrenOf(atom, "entry").map(atomEntry) };
}

function rssEntry(item: XmlElement): FeedEntry {
  const content = childText(item, "content:encoded");
  const description = childText(item, "description");
  const author = childText(item, "dc:creator") || childText(item, "author");
  return {
    id: childText(item, "guid"),
    title: htmlToText(childText(item, "title")),
    link: childText(item, "link"),
    date: childText(item, "pubDate") || childText(item, "dc:date"),
    // RSS's <author> is an address, "news@example.org (Jane Doe)": the name is what a reader sees.
    author: /\(([^)]+)\)\s*$/.exec(author)?.[1] ?? author,
    categories: childrenOf(item, "category").map((category) => htmlToText(textOf(category))),
    summaryHtml: content === "" ? "" : description,
    contentHtml: content || description,
    fullText: content !== "",
  };
}

function atomEntry(entry: XmlElement): FeedEntry {
  const content = atomHtml(firstChild(entry, "content"));
  const summary = atomHtml(firstChild(entry, "summary"));
  return {
    id: childText(entry, "id"),
    title: atomText(firstChild(entry, "title")),
    link: atomLink(entry),
    date: childText(entry, "published") || childText(entry, "updated"),
    author: childrenOf(entry, "author")
      .map((author) => childText(author, "name"))
      .filter((name) => name !== "")
      .join(", "),
    categories: childrenOf(entry, "category")
      .map((category) => attributeOf(category, "label") ?? attributeOf(category, "term") ?? "")
      .filter((name) => name !== ""),
    summaryHtml: content === "" ? "" : summary,
    contentHtml: content || summary,
    fullText: content !== "",
  };
}

/** Atom text constructs: `type="html"` holds escaped HTML, `text` plain text. */
function atomText(element: XmlElement | undefined): string {
  return htmlToText(atomHtml(element));
}

function atomHtml(element: XmlElement | undefined): string {
  if (element === undefined) return "";
  const text = textOf(element).trim();
  return attributeOf(element, "type") === "html" ? text : text.replace(/&/g, "&amp;").replace(/</g, "&lt;");
}

function atomLink(element: XmlElement): string {
  const links = childrenOf(element, "link");
  const alternate = links.find((link) => (attributeOf(link, "rel") ?? "alternate") === "alternate") ?? links[0];
  return alternate === undefined ? "" : (attributeOf(alternate, "href") ?? "");
}

/** One feed entry as an article; its images stay at their address (a feed comes with no copy of its files). */
function feedArticle(entry: FeedEntry, index: number, siteUrl: string): ImportedArticle {
  const warnings: string[] = [];
  const date = feedDate(entry.date);
  if (date === undefined) warnings.push(`has no date the importer can read (${JSON.stringify(entry.date)}); it was dated 1970-01-01: set its date`);
  const iso = date?.iso ?? "1970-01-01T00:00:00";
  const title = entry.title || `Untitled post of ${iso.slice(0, 10)}`;
  if (entry.title === "") warnings.push(`has no title; it was given "${title}"`);
  const lastSegment = decodeUrlText(
    pathOf(entry.link)
      ?.replace(/[?#].*$/, "")
      .split("/")
      .filter((part) => part !== "")
      .at(-1) ?? "",
  ).replace(/\.html?$/i, "");
  const slug = slugify(lastSegment) || slugify(entry.title) || `entry-${index + 1}`;
  const media = new ArticleMedia({ siteUrl: siteUrl || entry.link, exists: undefined });
  const body = htmlBody(entry.contentHtml, media);
  const summary = htmlToText(entry.summaryHtml);
  const linkPath = pathOf(entry.link);
  return {
    key: `feed:${entry.id || entry.link || `${iso}/${title}`}`,
    frontMatter: {
      title,
      date: iso,
      slug,
      ...(entry.categories[0] === undefined ? {} : { category: entry.categories[0] }),
      tags: entry.categories.slice(1),
      ...(entry.author === "" ? {} : { author: entry.author }),
      ...(summary === "" ? {} : { summary }),
      redirect_from: linkPath === undefined || linkPath === "/" ? [] : servableOldAddresses([linkPath], warnings),
    },
    day: iso.slice(0, 10),
    body: body.markdown,
    media: media.files,
    warnings,
    notes: body.notes,
    ...(date?.sample === undefined ? {} : { sample: date.sample }),
  };
}

/** RSS's RFC 822 dates ("Mon, 05 Feb 2024 15:53:10 +0000") and Atom's ISO 8601, their offsets kept. */
export function feedDate(text: string): ImportedDate | undefined {
  const trimmed = text.trim();
  const parsed = [
    DateTime.fromRFC2822(trimmed, { setZone: true }),
    DateTime.fromISO(trimmed, { setZone: true }),
    DateTime.fromHTTP(trimmed, { setZone: true }),
  ].find((date) => date.isValid);
  if (parsed === undefined) return undefined;
  const iso = parsed.toISO({ suppressMilliseconds: true, includeOffset: true }) ?? "";
  return { iso: iso.replace(/Z$/, "+00:00"), sample: { instantMs: parsed.toMillis(), offsetMinutes: parsed.offset } };
}

import { Feed } from "feed";
import { lastModifiedMs, type Article, type Author } from "../core/article.ts";
import type { ArchiveModel } from "../model/archive-model.ts";
import { escapeMarkup } from "../core/escape.browser.ts";
import { isPageRelative, isRootRelative, rewriteHtmlUrls } from "../core/html-urls.ts";
import type { Settings } from "../core/settings.ts";
import { absoluteHref, absoluteUrlFor, hrefFor, outputFileFor, permanentIdFor, type Route, type UrlContext } from "../core/urls.ts";

export interface PublishedFile {
  /** Relative to the output folder. */
  readonly path: string;
  readonly content: string;
}

/** A JSON Feed 1.1 author: a name, and a page of theirs when the settings give one. */
interface JsonFeedAuthor {
  readonly name: string;
  readonly url?: string;
}

/** One JSON Feed 1.1 item (https://www.jsonfeed.org/version/1.1/). */
interface JsonFeedItem {
  readonly id: string;
  readonly url: string;
  readonly title: string;
  readonly content_html: string;
  readonly summary?: string;
  readonly date_published: string;
  readonly date_modified: string;
  readonly tags: readonly string[];
  /** Only for articles that name their authors: the others have the feed's. */
  readonly authors?: readonly JsonFeedAuthor[];
  readonly language?: string;
}

interface FeedSubject {
  readonly title: string;
  readonly description: string;
  /** The page the feed is about (the home page, a category's or an author's page). */
  readonly home: Route;
  /**
   * Whose feed it is: the site's, a category's or an author's. An author's is
   * Atom only, and its entries carry their summaries, not their whole text:
   * every article is already in full in the site's and its category's feeds,
   * and an archive has many authors (the Kubernetes blog's 617 feeds would
   * add 12 MB to a 31 MB site).
   */
  readonly of?: { readonly category: string } | { readonly author: string };
  /** Newest first, already cut to the feed's length. */
  readonly articles: readonly Article[];
}

/**
 * The site's Atom and JSON feeds of the latest articles (`newestFirst`:
 * see model/latest.ts for what is left out), and a pair for each category: full content with every link made absolute, so that feed readers
 * show images and follow links. URLs are absolute when a site URL is set.
 * The feeds' author is the `author` setting (the site title by default), as
 * RFC 4287 requires of an Atom feed whose entries do not all name theirs;
 * entries of articles that name authors carry them. Each author with a page
 * has an Atom feed of their articles.
 */
export function buildFeeds(model: Pick<ArchiveModel, "newestFirst" | "categories" | "authors">, settings: Settings, urls: UrlContext): PublishedFile[] {
  const subjects: FeedSubject[] = [
    { title: settings.title, description: settings.description, home: { kind: "home" }, articles: model.newestFirst.slice(0, settings.feedItems) },
    ...model.categories.map((group) => ({
      title: `${settings.title}: ${group.topic.name}`,
      description: `Articles filed under ${group.topic.name}.`,
      home: { kind: "category", slug: group.topic.slug } as const,
      of: { category: group.topic.slug },
      articles: group.articles.slice(0, settings.feedItems),
    })),
    ...model.authors.map((group) => ({
      title: `${settings.title}: ${group.topic.name}`,
      description: `Articles by ${group.topic.name}.`,
      home: { kind: "author", slug: group.topic.slug } as const,
      of: { author: group.topic.slug },
      articles: group.articles.slice(0, settings.feedItems),
    })),
  ];
  return subjects.flatMap((subject) => feedPair(subject, settings, urls));
}

/**
 * The feed library accepts only absolute URLs. Without a site URL the feeds
 * keep root-relative ones (no host is invented): the library is given this
 * reserved, never-resolvable origin, which is then removed from its output.
 */
const RELATIVE_ORIGIN = "http://relative.invalid";

function feedPair(subject: FeedSubject, settings: Settings, urls: UrlContext): PublishedFile[] {
  const atomRoute: Route = { kind: "feed", format: "atom", ...subject.of };
  const jsonRoute: Route = { kind: "feed", format: "json", ...subject.of };
  const ofAuthor = subject.of !== undefined && "author" in subject.of;
  const homeUrl = absoluteUrlFor(subject.home, urls);
  const newest = subject.articles[0];
  const updated = new Date(newest === undefined ? 0 : Math.max(...subject.articles.map(lastModifiedMs)));
  const items = subject.articles.map((article) => itemOf(article, settings, urls));

  const forLibrary = (url: string): string => (urls.siteUrl === undefined ? `${RELATIVE_ORIGIN}${url}` : url);
  const atom = new Feed({
    // An id is an absolute IRI, never relative (RFC 4287, 4.2.6): it does not go through forLibrary.
    id: permanentIdFor(subject.home, urls, settings.title),
    title: subject.title,
    description: subject.description,
    link: forLibrary(homeUrl),
    language: settings.language,
    updated,
    generator: "news-archive",
    feedLinks: { atom: forLibrary(absoluteUrlFor(atomRoute, urls)), ...(ofAuthor ? {} : { json: forLibrary(absoluteUrlFor(jsonRoute, urls)) }) },
    author: { name: settings.author },
  });
  for (const [index, item] of items.entries()) {
    const article = subject.articles[index];
    atom.addItem({
      id: item.id,
      // The library declares titles and summaries type="html": plain text must reach readers escaped.
      title: escapeMarkup(item.title),
      link: forLibrary(item.url),
      date: new Date(item.date_modified),
      published: new Date(item.date_published),
      ...(ofAuthor ? {} : { content: item.content_html }),
      ...(item.summary === undefined ? {} : { description: escapeMarkup(item.summary) }),
      category: article === undefined ? [] : atomCategories(article),
      ...(item.authors === undefined
        ? {}
        : { author: item.authors.map((author) => (author.url === undefined ? { name: author.name } : { name: author.name, link: author.url })) }),
    });
  }
  const json = {
    version: "https://jsonfeed.org/version/1.1",
    title: subject.title,
    home_page_url: homeUrl,
    feed_url: absoluteUrlFor(jsonRoute, urls),
    ...(subject.description === "" ? {} : { description: subject.description }),
    language: settings.language,
    authors: [{ name: settings.author }],
    items,
  };
  const atomFile = { path: outputFileFor(atomRoute), content: atom.atom1().replaceAll(RELATIVE_ORIGIN, "") };
  return ofAuthor ? [atomFile] : [atomFile, { path: outputFileFor(jsonRoute), content: `${JSON.stringify(json, null, 2)}\n` }];
}

function itemOf(article: Article, settings: Settings, urls: UrlContext): JsonFeedItem {
  const url = absoluteUrlFor(article.route, urls);
  const pageHref = hrefFor(article.route, urls);
  // Relative links and images point from the article's page; feed readers need them absolute.
  const content = rewriteHtmlUrls(article.bodyHtml, (link) => {
    if (isPageRelative(link)) return absoluteHref(new URL(link, `http://site${pageHref}`).pathname + suffixOf(link), urls);
    // Links into the archive carry the base path since the archive was loaded; the others lead to the rest of the host.
    if (isRootRelative(link)) return absoluteHref(link, urls);
    return link;
  });
  return {
    id: permanentIdFor(article.route, urls, settings.title),
    url,
    title: article.title,
    content_html: content,
    ...((article.summary ?? article.excerpt) ? { summary: article.summary ?? article.excerpt } : {}),
    date_published: new Date(article.date.epochMs).toISOString(),
    date_modified: new Date(lastModifiedMs(article)).toISOString(),
    tags: [article.category.name, ...article.tags.map((tag) => tag.name)],
    ...(article.authors.length === 0 ? {} : { authors: article.authors.map(jsonFeedAuthor) }),
    ...(article.lang === undefined ? {} : { language: article.lang }),
  };
}

function jsonFeedAuthor(author: Author): JsonFeedAuthor {
  return author.url === undefined ? { name: author.name } : { name: author.name, url: author.url };
}

/**
 * The category and tags as Atom categories: the slug is the term; the name is
 * the label unless it holds "<" or ">", which the library would write
 * unescaped into an attribute, making the feed invalid XML.
 */
function atomCategories(article: Article): { term: string; name?: string }[] {
  return [article.category, ...article.tags].map((topic) => (/[<>]/.test(topic.name) ? { term: topic.slug } : { term: topic.slug, name: topic.name }));
}

/** The query and fragment of a URL, kept when its path is resolved. */
function suffixOf(url: string): string {
  const index = url.search(/[?#]/);
  return index < 0 ? "" : url.slice(index);
}

import { isPageRelative } from "./html-urls.ts";
import type { Settings } from "./settings.ts";
import { slugify } from "./slugs.ts";

/**
 * The routes of the site's pages: one kind for each entry of the page
 * registry (model/pages.ts), which is keyed by these kinds, so that a page
 * kind has one name from its route to its template.
 */
export type PageRoute =
  /** Page 1 is the route itself; page n > 1 lives under `page/n/`. */
  | { readonly kind: "home"; readonly page?: number }
  /** Where its permalink pattern or its own `url`/`path` puts it (core/permalinks.ts): "/2021/04/09/annual-report/". */
  | { readonly kind: "article"; readonly path: string }
  /** A page of the site made from an undated file (about.md → "/about/"), or where its own `url`/`path` puts it. */
  | { readonly kind: "page"; readonly path: string }
  /** A page sending readers of an article's old address to it (`aliases`, `redirect_from`): "/old/page.html". */
  | { readonly kind: "redirect"; readonly path: string }
  | { readonly kind: "archive" }
  | { readonly kind: "year"; readonly year: number }
  | { readonly kind: "month"; readonly year: number; readonly month: number }
  | { readonly kind: "day"; readonly year: number; readonly month: number; readonly day: number }
  | { readonly kind: "categories" }
  | { readonly kind: "category"; readonly slug: string; readonly page?: number }
  | { readonly kind: "tags" }
  | { readonly kind: "tag"; readonly slug: string; readonly page?: number }
  | { readonly kind: "authors" }
  | { readonly kind: "author"; readonly slug: string; readonly page?: number }
  | { readonly kind: "search" }
  | { readonly kind: "not-found" }
  /** What the service worker shows offline for a page the reader has not opened before. */
  | { readonly kind: "offline" };

/** The files published beside the pages, and the folders of the site's own. */
type FileRoute =
  /** The site's feeds, a category's, or an author's (Atom only). */
  | { readonly kind: "feed"; readonly format: "atom" | "json"; readonly category?: string; readonly author?: string }
  /** Every redirect, for hosts that read a `_redirects` file (Netlify, Cloudflare Pages). */
  | { readonly kind: "redirects-file" }
  /** Old addresses with a query ("/?p=12") and their articles, read by the home and 404 pages' script. */
  | { readonly kind: "redirect-map" }
  | { readonly kind: "sitemap" }
  | { readonly kind: "robots" }
  /** A part of the list of titles the 404 page guesses from ("all", a year "2016" or a month "2016-04"). */
  | { readonly kind: "not-found-titles"; readonly part: string }
  /** The service worker: at the site's root, so it may serve every page. */
  | { readonly kind: "service-worker" }
  /** Every file of the archive with its size, which a reader's browser fetches only to save the whole archive. */
  | { readonly kind: "offline-archive-list" }
  /** The folder of the search index's files (search/index-format.browser.ts). */
  | { readonly kind: "search-index" }
  /** A file of the theme or of a page bundle, by its path from the site's root. */
  | { readonly kind: "file"; readonly path: string };

/**
 * The one place that makes URLs. A route names a page or a file; `routePath`
 * gives its path from the site's root, `hrefFor` the link that carries the
 * base path, and `outputFileFor` the file written for it. Nothing else builds
 * a URL.
 */
export type Route = PageRoute | FileRoute;

export function routePath(route: Route): string {
  switch (route.kind) {
    case "home":
      return paged("/", route.page);
    case "article":
    case "page":
    case "redirect":
      return route.path;
    case "archive":
      return "/archive/";
    case "year":
      return `/${pad(route.year, 4)}/`;
    case "month":
      return `/${pad(route.year, 4)}/${pad(route.month, 2)}/`;
    case "day":
      return `/${pad(route.year, 4)}/${pad(route.month, 2)}/${pad(route.day, 2)}/`;
    case "categories":
      return "/category/";
    case "category":
      return paged(`/category/${route.slug}/`, route.page);
    case "tags":
      return "/tag/";
    case "tag":
      return paged(`/tag/${route.slug}/`, route.page);
    case "authors":
      return "/author/";
    case "author":
      return paged(`/author/${route.slug}/`, route.page);
    case "search":
      return "/search/";
    case "feed":
      return `${feedFolder(route)}feed.${route.format === "atom" ? "xml" : "json"}`;
    case "redirects-file":
      return "/_redirects";
    case "redirect-map":
      return "/redirects.json";
    case "sitemap":
      return "/sitemap.xml";
    case "robots":
      return "/robots.txt";
    case "not-found":
      return "/404.html";
    case "not-found-titles":
      return `/not-found/${route.part}.json`;
    case "offline":
      return "/offline/";
    case "service-worker":
      return "/sw.js";
    case "offline-archive-list":
      return "/offline-archive.json";
    case "search-index":
      return "/search-index/";
    case "file":
      return `/${route.path.replace(/^\/+/, "")}`;
  }
}

function feedFolder(route: Route & { readonly kind: "feed" }): string {
  if (route.category !== undefined) return `/category/${route.category}/`;
  return route.author === undefined ? "/" : `/author/${route.author}/`;
}

/**
 * The first segments of the site's own pages and files: no article or
 * redirect may be written there. Besides the routes' own, the theme's files
 * (assets/).
 */
const SITE_ROUTES: readonly Route[] = [
  { kind: "archive" },
  { kind: "search" },
  { kind: "offline" },
  { kind: "categories" },
  { kind: "tags" },
  { kind: "authors" },
  { kind: "home", page: 2 },
  { kind: "not-found" },
  { kind: "not-found-titles", part: "all" },
  { kind: "feed", format: "atom" },
  { kind: "feed", format: "json" },
  { kind: "sitemap" },
  { kind: "robots" },
  { kind: "service-worker" },
  { kind: "offline-archive-list" },
  { kind: "redirects-file" },
  { kind: "redirect-map" },
  { kind: "search-index" },
];
const SITE_SEGMENTS = new Set([...SITE_ROUTES.map((route) => routePath(route).split("/")[1] ?? ""), "assets"]);

/**
 * Which of the site's own pages or files a path belongs to, or undefined:
 * the home page, a year, month or day page (/2021/, /2021/04/, /2021/04/09/),
 * the folders of the site's pages and files (/archive/, /category/...), and
 * its files at the root (/feed.xml, /_redirects...). Letter case is ignored,
 * as case-insensitive file systems do.
 */
export function siteOwnPath(path: string): string | undefined {
  // "/x/index.html" is the file of the folder "/x/": one page.
  const lower = path.toLowerCase().replace(/\/index\.html$/, "/");
  if (lower === "/") return "the home page";
  if (/^\/\d{4}\/(\d{2}\/(\d{2}\/)?)?$/.test(lower)) return `the date page ${path}`;
  const first = lower.split("/")[1] ?? "";
  // A folder cannot have the name of a file beside it: /feed.xml/ is the file's place too.
  if (SITE_SEGMENTS.has(first)) return `the site's own "/${first}"`;
  return undefined;
}

/** What links depend on: where the site is served and how. */
export interface UrlContext {
  /** "/" or "/news/". */
  readonly basePath: string;
  /** Absolute address of the site ("https://example.org/news/"), when known. */
  readonly siteUrl: string | undefined;
  /** false: links end in index.html, for hosts that do not serve a folder's index. */
  readonly cleanUrls: boolean;
}

/** The URL context the settings describe. */
export function urlContextOf(settings: Settings): UrlContext {
  return { basePath: settings.basePath, siteUrl: settings.siteUrl, cleanUrls: settings.cleanUrls };
}

/** A route's path as a link from the site's root: percent-encoded where a URL needs it ("/blog/c%23-news/"). */
export function linkPath(route: Route): string {
  return encodePath(routePath(route));
}

/** The link to a route from any page: the base path followed by the route's path. */
export function hrefFor(route: Route, context: UrlContext): string {
  const path = `${context.basePath}${linkPath(route).slice(1)}`;
  return !context.cleanUrls && path.endsWith("/") ? `${path}index.html` : path;
}

/** A route's link from the site's root without a leading slash ("archive/", "./" for the home page), for lists kept at the root. */
export function hrefFromRoot(route: Route, context: UrlContext): string {
  const href = hrefFor(route, { ...context, basePath: "/" }).slice(1);
  return href === "" ? "./" : href;
}

/** The link from the site's root to a written page ("archive/index.html" → "archive/" with clean URLs; the home page "./"), as `hrefFromRoot` gives for its route. */
export function hrefFromRootOfFile(file: string, cleanUrls: boolean): string {
  const href = cleanUrls && (file === "index.html" || file.endsWith("/index.html")) ? file.slice(0, -"index.html".length) : file;
  return href === "" ? "./" : href;
}

/** The absolute URL of a route (feeds, sitemap, canonical links); relative when no site URL is set. */
export function absoluteUrlFor(route: Route, context: UrlContext): string {
  return absoluteHref(hrefFor(route, context), context);
}

/**
 * The date in the tag URIs below (RFC 4151: a day on which the naming
 * authority held its name; here, the day these ids were first written). It
 * is fixed, so that no change to the archive changes an id.
 */
const TAG_URI_DATE = "2026-11-30";

/**
 * A permanent identifier for a route, which Atom requires to be an absolute
 * IRI (feed and entry ids; JSON Feed ids too): its absolute URL when a site
 * URL is set, as ids have always been then; otherwise a tag URI (RFC 4151)
 * made of the site's name and the route's path, so that ids do not change
 * with the base path, `cleanUrls` or `--portable`:
 * "tag:news-archive,2026-11-30:green-purchasing-news/2021/04/09/slug/".
 */
export function permanentIdFor(route: Route, context: UrlContext, siteName: string): string {
  if (context.siteUrl !== undefined) return absoluteUrlFor(route, context);
  return `tag:news-archive,${TAG_URI_DATE}:${slugify(siteName) || "archive"}${routePath(route)}`;
}

/** Makes a root-relative link ("/news/x/") absolute with the site URL's origin, when one is set. */
export function absoluteHref(href: string, context: UrlContext): string {
  return context.siteUrl === undefined ? href : new URL(href, context.siteUrl).href;
}

/** The folder a route's page is in, from the site's root: its own path for a folder, else the one holding the file ("/a/b.html" → "/a/"). */
export function routeFolder(route: Route): string {
  const path = routePath(route);
  return path.slice(0, path.lastIndexOf("/") + 1);
}

/**
 * Where an article's page-bundle files are published, from the site's root:
 * under the article's own folder, never beside another page. An article at a
 * folder ("/a/b/") has that folder; one at a file ("/a/b.html") the folder
 * named like the file ("/a/b/"), where its body's links to them point
 * (`content/bundle-files.ts`).
 */
export function bundleFolder(route: Route & { readonly kind: "article" }): string {
  return route.path.endsWith("/") ? route.path : `${route.path.replace(/\.html?$/i, "")}/`;
}

/** A route's path from the site's root, without the leading slash ("search-index/", "sw.js"): a file's or folder's place in the output folder. */
export function pathFromRoot(route: Route): string {
  return routePath(route).slice(1);
}

/** The file written for a route, relative to the output folder: folders get an `index.html`. */
export function outputFileFor(route: Route): string {
  const path = pathFromRoot(route);
  return path === "" || path.endsWith("/") ? `${path}index.html` : path;
}

/**
 * A portable build's link: a root-relative link under the base path, made
 * relative to the page that holds it, so the site works from any folder and
 * from file://. "/news/archive/" seen from "2021/04/09/x/index.html" is
 * "../../../../archive/index.html". A link to a folder names its index.html,
 * which a page opened from disk needs ("../y/" becomes "../y/index.html").
 * Links outside the site (other hosts, fragments, other paths) are returned unchanged.
 */
export function relativeHref(href: string, fromFile: string, basePath: string): string {
  const underBase = href.startsWith(basePath) && !href.startsWith("//");
  if (!underBase && !isPageRelative(href)) return href;
  const up = underBase ? "../".repeat(fromFile.split("/").length - 1) : "";
  const [path = "", rest = ""] = splitAtQueryOrFragment(underBase ? href.slice(basePath.length) : href);
  // The site's root itself ("" or "?q=x") needs a file name too, or file:// would list the folder.
  const isFolder = path === "" ? underBase : path.endsWith("/") || path === "." || path === "..";
  const file = isFolder ? `${path}${path === "" || path.endsWith("/") ? "" : "/"}index.html` : path;
  return `${up}${file}${rest}`;
}

function splitAtQueryOrFragment(url: string): [string, string] {
  const cut = url.search(/[?#]/);
  return cut === -1 ? [url, ""] : [url.slice(0, cut), url.slice(cut)];
}

/**
 * A path as it goes into a link: characters a URL path cannot hold as they are
 * ("%", "#", "?", spaces, non-ASCII letters from a title or a Zola `path`)
 * percent-encoded, the file's own name kept on disk.
 */
function encodePath(path: string): string {
  return /^[A-Za-z0-9/._~-]*$/.test(path) ? path : encodeURI(path).replaceAll("#", "%23").replaceAll("?", "%3F");
}

function paged(path: string, page: number | undefined): string {
  return page === undefined || page <= 1 ? path : `${path}page/${page}/`;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, "0");
}

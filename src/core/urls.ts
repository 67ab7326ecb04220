import { isPageRelative } from "./html-urls.ts";
import type { Settings } from "./settings.ts";

/**
 * The one place that makes URLs. A route names a page; `routePath` gives its
 * path from the site's root, `hrefFor` the link that carries the base path,
 * and `outputFileFor` the file written for it. Nothing else builds a URL.
 */
export type Route =
  /** Page 1 is the route itself; page n > 1 lives under `page/n/`. */
  | { readonly kind: "home"; readonly page?: number }
  | { readonly kind: "article"; readonly year: number; readonly month: number; readonly day: number; readonly slug: string }
  | { readonly kind: "archive" }
  | { readonly kind: "year"; readonly year: number }
  | { readonly kind: "month"; readonly year: number; readonly month: number }
  | { readonly kind: "day"; readonly year: number; readonly month: number; readonly day: number }
  | { readonly kind: "categories" }
  | { readonly kind: "category"; readonly slug: string; readonly page?: number }
  | { readonly kind: "tags" }
  | { readonly kind: "tag"; readonly slug: string; readonly page?: number }
  | { readonly kind: "search" }
  /** The site's feeds, or a category's. */
  | { readonly kind: "feed"; readonly format: "atom" | "json"; readonly category?: string }
  | { readonly kind: "sitemap" }
  | { readonly kind: "robots" }
  | { readonly kind: "not-found" }
  /** What the service worker shows offline for a page the reader has not opened before. */
  | { readonly kind: "offline" }
  /** The service worker: at the site's root, so it may serve every page. */
  | { readonly kind: "service-worker" }
  /** Every file of the archive with its size, which a reader's browser fetches only to save the whole archive. */
  | { readonly kind: "offline-archive-list" }
  /** A file of the theme or of a page bundle, by its path from the site's root. */
  | { readonly kind: "file"; readonly path: string };

export function routePath(route: Route): string {
  switch (route.kind) {
    case "home":
      return paged("/", route.page);
    case "article":
      return `/${pad(route.year, 4)}/${pad(route.month, 2)}/${pad(route.day, 2)}/${route.slug}/`;
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
    case "search":
      return "/search/";
    case "feed":
      return `${route.category === undefined ? "/" : `/category/${route.category}/`}feed.${route.format === "atom" ? "xml" : "json"}`;
    case "sitemap":
      return "/sitemap.xml";
    case "robots":
      return "/robots.txt";
    case "not-found":
      return "/404.html";
    case "offline":
      return "/offline/";
    case "service-worker":
      return "/sw.js";
    case "offline-archive-list":
      return "/offline-archive.json";
    case "file":
      return `/${route.path.replace(/^\/+/, "")}`;
  }
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

/** The link to a route from any page: the base path followed by the route's path. */
export function hrefFor(route: Route, context: UrlContext): string {
  const path = `${context.basePath}${routePath(route).slice(1)}`;
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

/** Makes a root-relative link ("/news/x/") absolute with the site URL's origin, when one is set. */
export function absoluteHref(href: string, context: UrlContext): string {
  return context.siteUrl === undefined ? href : new URL(href, context.siteUrl).href;
}

/** The file written for a route, relative to the output folder: folders get an `index.html`. */
export function outputFileFor(route: Route): string {
  const path = routePath(route).slice(1);
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

function paged(path: string, page: number | undefined): string {
  return page === undefined || page <= 1 ? path : `${path}page/${page}/`;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, "0");
}

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

/** The link to a route from any page: the base path followed by the route's path. */
export function hrefFor(route: Route, context: UrlContext): string {
  const path = `${context.basePath}${routePath(route).slice(1)}`;
  return !context.cleanUrls && path.endsWith("/") ? `${path}index.html` : path;
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

function paged(path: string, page: number | undefined): string {
  return page === undefined || page <= 1 ? path : `${path}page/${page}/`;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, "0");
}

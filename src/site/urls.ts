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
    case "not-found":
      return "/404.html";
    case "file":
      return `/${route.path.replace(/^\/+/, "")}`;
  }
}

/** The link to a route from any page: the base path ("/" or "/news/") followed by the route's path. */
export function hrefFor(route: Route, basePath: string): string {
  return `${basePath}${routePath(route).slice(1)}`;
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

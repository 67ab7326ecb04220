/**
 * The one place that makes URLs. A route names a page; `routePath` gives its
 * path from the site's root, `hrefFor` the link that carries the base path,
 * and `outputFileFor` the file written for it. Nothing else builds a URL.
 */
export type Route =
  | { readonly kind: "home" }
  | { readonly kind: "article"; readonly year: number; readonly month: number; readonly day: number; readonly slug: string }
  | { readonly kind: "category"; readonly slug: string }
  | { readonly kind: "tag"; readonly slug: string }
  /** A file of the theme or of a page bundle, by its path from the site's root. */
  | { readonly kind: "file"; readonly path: string };

export function routePath(route: Route): string {
  switch (route.kind) {
    case "home":
      return "/";
    case "article":
      return `/${pad(route.year, 4)}/${pad(route.month, 2)}/${pad(route.day, 2)}/${route.slug}/`;
    case "category":
      return `/category/${route.slug}/`;
    case "tag":
      return `/tag/${route.slug}/`;
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

function pad(value: number, width: number): string {
  return String(value).padStart(width, "0");
}

/**
 * Old addresses with a query ("/?p=12", "/index.php?page_id=30"), as
 * WordPress's plain permalinks made them. A static host serves them as the
 * page at their path (the home page, or the 404 page), which sends the
 * visitor on by the map of old addresses to new ones (the redirect-map route).
 */

/** A map key: the address as a browser requests it, the site's base path included ("/news/?p=12"). */
export function queryRedirectKey(hrefOfPath: string, query: string): string {
  return `${hrefOfPath}${query}`;
}

/**
 * The keys a request may match, most exact first: its path and whole query;
 * then its path with each parameter alone (a link may carry more, such as
 * "?p=12&utm_source=x"); each also with a trailing "index.html" taken off.
 */
export function queryRedirectKeys(pathname: string, search: string): string[] {
  if (search === "" || search === "?") return [];
  const paths = pathname.endsWith("/index.html") ? [pathname, pathname.slice(0, -"index.html".length)] : [pathname];
  const parameters = search
    .replace(/^\?/, "")
    .split("&")
    .filter((parameter) => parameter !== "");
  const keys = paths.flatMap((path) => [`${path}${search}`, ...parameters.map((parameter) => `${path}?${parameter}`)]);
  return [...new Set(keys)];
}

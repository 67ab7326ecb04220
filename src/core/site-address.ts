// The site's address as its settings give it: the URL it is published at and
// the base path it is served under, checked before they reach a link, a feed,
// robots.txt or _redirects.

/** Whether a setting is an absolute http(s) URL with no query, no fragment, and nothing a line of robots.txt or _redirects would keep. */
export function isHttpUrl(value: string): boolean {
  // The URL parser drops line breaks and tabs, and encodes quotes, where a line of robots.txt or _redirects would keep them.
  if (/[\s"'<>\\]/.test(value)) return false;
  try {
    const url = new URL(value);
    return (url.protocol === "http:" || url.protocol === "https:") && url.search === "" && url.hash === "";
  } catch {
    return false;
  }
}

/**
 * The base path starts every link and every line of _redirects: it holds only
 * what a URL path holds as written, so no line break, quote, space, "*" or
 * ":" placeholder can reach those files.
 */
export function isSafeBasePath(value: string): boolean {
  return value.split("/").every((segment) => /^[\p{L}\p{N}._~%-]*$/u.test(segment) && segment !== ".." && segment !== ".");
}

/** A base path as links start with it: "news", "/news" and "/news/" are "/news/"; "" and "/" are "/". */
export function normaliseBasePath(value: string): string {
  const inner = value
    .split("/")
    .filter((segment) => segment !== "")
    .join("/");
  return inner === "" ? "/" : `/${inner}/`;
}

/** The site URL links are made from: "https://example.org/news" is "https://example.org/news/". */
export function withTrailingSlash(url: string): string {
  return url.endsWith("/") ? url : `${url}/`;
}

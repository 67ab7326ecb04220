/**
 * Paths written by authors (a permalink's expansion, `url`, `permalink`,
 * Zola's `path`, `aliases`, `redirect_from`) made into the site paths pages
 * are written at: from the root, folders ending in "/", pages named `.html`
 * or `.htm` kept as files, and never outside the site.
 */
type SitePathResult = { readonly ok: true; readonly path: string } | { readonly ok: false; readonly reason: string };

const FILE_PAGE = /\.html?$/i;
/** The longest file name most file systems allow, in bytes. */
const LONGEST_NAME_BYTES = 255;

/**
 * A path from the site's root: relative ones are resolved against `base`
 * (a folder path), "." and ".." segments are resolved, slashes squeezed,
 * and a last segment not named `.html` is a folder.
 */
export function normalizeSitePath(path: string, base: string): SitePathResult {
  if (path.includes("\0")) return { ok: false, reason: "contains a NUL byte" };
  if (path.includes("\\")) return { ok: false, reason: 'contains a backslash; write paths with "/"' };
  const segments: string[] = [];
  const absolute = path.startsWith("/");
  for (const segment of [...(absolute ? [] : base.split("/")), ...path.split("/")]) {
    if (segment === "" || segment === ".") continue;
    if (segment === "..") {
      if (segments.pop() === undefined) return { ok: false, reason: 'leaves the site (its ".." goes above the site\'s root)' };
      continue;
    }
    const pattern = patternReason(segment);
    if (pattern !== undefined) return { ok: false, reason: pattern };
    if (Buffer.byteLength(segment) > LONGEST_NAME_BYTES - "index.html".length) {
      return {
        ok: false,
        reason: `has a part of ${Buffer.byteLength(segment)} bytes ("${segment.slice(0, 40)}…"), longer than file systems allow for a file name; shorten it`,
      };
    }
    segments.push(segment);
  }
  const joined = `/${segments.join("/")}`;
  if (segments.length === 0) return { ok: true, path: "/" };
  const last = segments[segments.length - 1] ?? "";
  return { ok: true, path: FILE_PAGE.test(last) && !path.endsWith("/") ? joined : `${joined}/` };
}

/** Netlify and Cloudflare Pages, which read `_redirects`, and the hosts that copy its syntax. */
const REDIRECT_HOSTS = "hosts that read _redirects (Netlify, Cloudflare Pages)";

/**
 * Why a path segment is not literal in a `_redirects` rule, or undefined:
 * hosts read "*" as a wildcard and a segment starting with ":" as a
 * placeholder, so one old address could take over every address of the site.
 * Every path an article is at or was at goes through here.
 */
function patternReason(segment: string): string | undefined {
  if (segment.includes("*")) return `has a "*", which ${REDIRECT_HOSTS} take for a wildcard matching every address; remove it`;
  if (segment.startsWith(":"))
    return `has a part starting with ":" (${JSON.stringify(segment)}), which ${REDIRECT_HOSTS} take for a placeholder matching any text; remove the ":" or put a letter before it`;
  return undefined;
}

/** Why a query is not literal in a `_redirects` rule ("?p=:id" matches any p), or undefined. */
function queryPatternReason(query: string): string | undefined {
  for (const [, value] of new URLSearchParams(query)) {
    if (value.startsWith(":"))
      return `has a query value starting with ":" (${JSON.stringify(value)}), which ${REDIRECT_HOSTS} take for a placeholder matching any value; remove it`;
    if (value.includes("*")) return `has a "*" in its query, which ${REDIRECT_HOSTS} may take for a wildcard; remove it`;
  }
  return undefined;
}

/** An address an article is at or was at, as written in front matter: its path, and its query for an old address such as "/?p=12". */
interface WrittenAddress {
  readonly path: string;
  /** "?p=12", or "" when there is none. */
  readonly query: string;
}

type AddressResult = { readonly ok: true; readonly address: WrittenAddress } | { readonly ok: false; readonly reason: string };

/**
 * Reads a path written in front matter. A full URL ("https://old.example/x/")
 * stands for its path. Percent-escapes are decoded: pages are written under
 * the names they stand for. `base` is the folder relative paths start from.
 * For a site served under a sub-path (`basePath` "/blog/"), a path that
 * starts with it was written from the host's root, as a section of a larger
 * site writes them ("/blog/x" is the site's "/x").
 */
export function readWrittenAddress(
  written: string,
  base: string,
  { allowQuery, basePath = "/" }: { readonly allowQuery: boolean; readonly basePath?: string },
): AddressResult {
  const text = written.trim();
  if (text === "") return { ok: false, reason: "is empty" };
  let pathAndQuery = text;
  if (/^[a-z][a-z0-9+.-]*:/i.test(text) || text.startsWith("//")) {
    const url = URL.canParse(text, "https://site.invalid") ? new URL(text, "https://site.invalid") : undefined;
    if (url === undefined || (url.protocol !== "http:" && url.protocol !== "https:")) return { ok: false, reason: "is neither a path nor an http(s) URL" };
    pathAndQuery = `${url.pathname}${url.search}${url.hash}`;
  }
  if (pathAndQuery.includes("#")) return { ok: false, reason: 'has a fragment ("#..."), which a browser never sends to the site; remove it' };
  const queryAt = pathAndQuery.indexOf("?");
  const query = queryAt < 0 ? "" : pathAndQuery.slice(queryAt);
  if (query !== "" && !allowQuery) return { ok: false, reason: 'has a query ("?..."), which no page path can hold; remove it' };
  const queryPattern = queryPatternReason(query);
  if (queryPattern !== undefined) return { ok: false, reason: queryPattern };
  const rawPath = withoutBasePath(queryAt < 0 ? pathAndQuery : pathAndQuery.slice(0, queryAt), basePath);
  const normalized = normalizeSitePath(decodePath(rawPath === "" ? "/" : rawPath), base);
  if (!normalized.ok) return normalized;
  if (query === "") return { ok: true, address: { path: normalized.path, query } };
  // A host matches an old address with a query as written: "/index.php?p=12" is not a folder.
  const path = rawPath.endsWith("/") || normalized.path === "/" ? normalized.path : normalized.path.replace(/\/$/, "");
  return { ok: true, address: { path, query } };
}

/** A path from the host's root that starts with the site's base path ("/blog/x" under "/blog/"), from the site's root ("/x"); any other path as it is. */
export function withoutBasePath(path: string, basePath: string): string {
  if (basePath === "/" || !(path === basePath.slice(0, -1) || path.startsWith(basePath))) return path;
  return path.slice(basePath.length - 1) || "/";
}

/** The calendar date in a path such as "2019/10/15/Rustup-1.20.0", as "2019-10-15". */
export function dateInPath(path: string): string | undefined {
  const match = /(?:^|\/)(\d{4})\/(\d{2})\/(\d{2})(?:\/|$)/.exec(path);
  return match === null ? undefined : `${match[1]}-${match[2]}-${match[3]}`;
}

function decodePath(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

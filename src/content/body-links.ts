import { posix } from "node:path";
import { isPageRelative, rewriteHtmlUrls } from "../core/html-urls.ts";
import { withoutBasePath } from "../core/site-paths.ts";
import { hrefFor, routePath, type UrlContext } from "../core/urls.ts";
import type { Lead, SiteAddresses } from "./site-addresses.ts";

/**
 * The links and images of a body, resolved at build time as the old site
 * resolved them, and written for this one. A link that names an article's
 * old address (`oldPermalinks`, `aliases`, `redirect_from`) or a stub's
 * leads to the article's address; one that names an article's file
 * (`[x](other.md)`) to the article; one that names a file of the archive or
 * a page of the site gets the base path. Root-relative links, links to the
 * old site's host and relative links count: relative ones are resolved
 * from the article's old address, where the old site published it. Links to
 * the rest of the host (outside the base path) and to other sites stay as
 * they are, and so does a relative link to the article's own bundle files,
 * which are published beside it.
 */
export interface LinkResolver {
  readonly index: SiteAddresses;
  readonly urls: UrlContext;
  /** Whether an absolute URL's host is the old site's (the site URL's, or one an old address names). */
  readonly isOldHost: (host: string) => boolean;
  /** Where an article or page file leads, by its path in the content folder, in lower case. */
  readonly bySource: ReadonlyMap<string, Lead>;
}

/** The body whose links are resolved: its file, its bundle's files, and the folder its relative links start from. */
interface LinkingBody {
  readonly sourcePath: string;
  readonly assets: readonly string[];
  /** A path from the site's root ending in "/": the folder of its old address, else of its own. */
  readonly folder: string;
  /** Whether `folder` is an old address's, not where the page is now: its relative links that lead nowhere in the archive are then written as they resolved on the old site. */
  readonly moved?: boolean;
  readonly html: string;
  /** The URLs `html` names, in order (core/html-urls.ts `attributeUrls`), when found beforehand: when none of them changes, `html` is not parsed. */
  readonly urls?: readonly string[] | undefined;
}

export interface ResolvedBody {
  readonly html: string;
  /** Links that named an old address and now name the article's own. */
  readonly rewritten: number;
  /** Links that look internal (under the base path, to the old host, or relative) and lead nowhere in the archive, as written. */
  readonly unmatched: readonly string[];
}

export function resolveBodyLinks(body: LinkingBody, resolver: LinkResolver): ResolvedBody {
  const assets = new Set(body.assets.map((asset) => asset.toLowerCase()));
  let rewritten = 0;
  const unmatched: string[] = [];
  const resolve = (url: string): string => {
    const link = linkOf(url, body, resolver, assets);
    if (link.rewritten === true) rewritten += 1;
    if (link.unmatched === true) unmatched.push(url);
    return link.href;
  };
  // Most bodies link only to other sites: when none of their URLs changes, neither does their HTML.
  if (body.urls?.every((url) => resolve(url) === url) === true) return { html: body.html, rewritten, unmatched };
  rewritten = 0;
  unmatched.length = 0;
  return { html: rewriteHtmlUrls(body.html, resolve), rewritten, unmatched };
}

/** What one URL of a body is written as now, whether it named an old address, and whether it looked internal but leads nowhere. */
interface ResolvedLink {
  readonly href: string;
  readonly rewritten?: boolean;
  readonly unmatched?: boolean;
}

function linkOf(url: string, body: LinkingBody, resolver: LinkResolver, assets: ReadonlySet<string>): ResolvedLink {
  const target = targetOf(url, body, resolver, assets);
  if (target === undefined) return { href: url };
  const { sitePath, suffix, lead } = target;
  if (lead === undefined) return { href: target.unmatchedHref === undefined ? url : `${target.unmatchedHref}${suffix}`, unmatched: target.internal };
  if ("url" in lead) return { href: `${lead.url}${suffix}` };
  if ("route" in lead) return { href: `${hrefFor(lead.route, resolver.urls)}${suffix}`, rewritten: addressOf(routePath(lead.route)) !== addressOf(sitePath) };
  return { href: `${hrefFor({ kind: "file", path: lead.path }, resolver.urls)}${suffix}` };
}

interface Target {
  /** The path from the site's root the link names, decoded. */
  readonly sitePath: string;
  /** Its query and fragment, kept. */
  readonly suffix: string;
  readonly lead: Lead | undefined;
  /** Whether a link that leads nowhere is reported: it was meant for the archive. */
  readonly internal: boolean;
  /** What a link that leads nowhere becomes: a relative link of a moved article, the address it had on the old site. */
  readonly unmatchedHref?: string;
}

/** What a link names; undefined for links this step leaves alone (fragments, other schemes, other sites, the body's own bundle files). */
function targetOf(url: string, body: LinkingBody, resolver: LinkResolver, assets: ReadonlySet<string>): Target | undefined {
  if (url === "" || url.startsWith("#")) return undefined;
  const [written = "", suffix = ""] = splitSuffix(url);
  if (isPageRelative(url)) {
    const relative = decode(written).replace(/^\.\//, "");
    if (relative === "" || assets.has(relative.toLowerCase())) return undefined;
    const source = resolver.bySource.get(posix.normalize(posix.join(posix.dirname(body.sourcePath), relative)).toLowerCase());
    if (source !== undefined) return { sitePath: relative, suffix, lead: source, internal: true };
    // Resolved from where the old site had the page, on its host: it may lead outside the base path.
    const hostPath = posix.normalize(posix.join(resolver.urls.basePath, body.folder.slice(1), relative));
    const target = hostTarget(hostPath, suffix, resolver);
    if (body.moved !== true) return target === undefined || target.lead === undefined ? { sitePath: hostPath, suffix, lead: undefined, internal: target?.internal ?? false } : target;
    return target === undefined ? { sitePath: hostPath, suffix, lead: undefined, internal: false, unmatchedHref: encodeURI(hostPath) } : { ...target, unmatchedHref: encodeURI(hostPath) };
  }
  const isAbsolute = /^(?:https?:)?\/\//i.test(url);
  const plainHost = isAbsolute ? plainHostOf(url) : undefined;
  if (plainHost !== undefined && !resolver.isOldHost(plainHost)) return undefined;
  const absolute = isAbsolute ? parseUrl(url) : undefined;
  if (absolute !== undefined && !resolver.isOldHost(absolute.host)) return undefined;
  if (absolute === undefined && !url.startsWith("/")) return undefined;
  return absolute === undefined ? hostTarget(decode(written), suffix, resolver) : hostTarget(decode(absolute.pathname), `${absolute.search}${absolute.hash}`, resolver);
}

/**
 * What a path from the host's root names. Under the base path (or on a site
 * at the host's root) it is the archive's: it leads somewhere in it, or is
 * reported. Outside it, it is the rest of the host, left alone, unless it
 * names the archive's content as written from the site's root.
 */
function hostTarget(hostPath: string, suffix: string, { urls, index }: LinkResolver): Target | undefined {
  const path = hostPath.replace(/\/{2,}/g, "/");
  if (urls.basePath === "/") return { sitePath: path, suffix, lead: index.leadOf(path), internal: true };
  if (path === urls.basePath.slice(0, -1) || path.startsWith(urls.basePath)) {
    const sitePath = withoutBasePath(path, urls.basePath);
    return { sitePath, suffix, lead: index.leadOf(sitePath), internal: true };
  }
  const content = path === "/" ? undefined : index.leadOf(path, { contentOnly: true });
  return content === undefined ? undefined : { sitePath: path, suffix, lead: content, internal: false };
}

/** A path as addresses are compared: case, a last "index.html" and a trailing slash do not matter. */
function addressOf(path: string): string {
  return path.toLowerCase().replace(/\/index\.html?$/, "/").replace(/\/$/, "");
}

function splitSuffix(url: string): [string, string] {
  const cut = url.search(/[?#]/);
  return cut < 0 ? [url, ""] : [url.slice(0, cut), url.slice(cut)];
}

/** An absolute link's scheme, a host of ASCII letters, digits, dots and hyphens, and a port. */
const PLAIN_HOST = /^(https?:)?\/\/([a-z0-9.-]+)(?::(\d{1,5}))?(?=[/?#]|$)/i;
/** A last label URL would read as an IPv4 address's number, and a label it would read as punycode: such hosts are left to URL. */
const READ_AS_NUMBER = /^(?:\d+|0x[0-9a-f]*)$/i;
const PUNYCODE = /(?:^|\.)xn--/i;

/**
 * The host of an absolute link (with "https:", "http:" or none before its
 * "//") as URL would read it, without parsing the whole link: for a host
 * written plainly, in lower case and without its scheme's default port.
 * Undefined for any other host (an IP address, international or unusual
 * characters, a port out of range), which is left to URL. Most of a body's
 * links lead to other sites, told apart by their host alone: parsing each
 * whole took half of linking the Node.js blog's bodies.
 */
export function plainHostOf(url: string): string | undefined {
  const match = PLAIN_HOST.exec(url);
  if (match === null) return undefined;
  const [, scheme = "https:", name = "", port] = match;
  const host = name.toLowerCase();
  const labels = host.split(".");
  const last = labels.at(-1) === "" ? labels.at(-2) : labels.at(-1);
  if (!/[a-z0-9]/.test(host) || READ_AS_NUMBER.test(last ?? "") || PUNYCODE.test(host)) return undefined;
  if (port === undefined) return host;
  const number = Number(port);
  if (number > 65_535) return undefined;
  return number === (scheme.toLowerCase() === "http:" ? 80 : 443) ? host : `${host}:${number}`;
}

function parseUrl(url: string): URL | undefined {
  return URL.canParse(url, "https://site.invalid") ? new URL(url, "https://site.invalid") : undefined;
}

function decode(path: string): string {
  try {
    return decodeURI(path);
  } catch {
    return path;
  }
}

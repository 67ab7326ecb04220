import type { OldAddress, SiteRedirect, StubFields } from "../core/article.ts";
import { warning, type Diagnostic } from "../core/diagnostics.ts";
import type { Settings } from "../core/settings.ts";
import { routeFolder, routePath, urlContextOf, type Route } from "../core/urls.ts";
import { resolveBodyLinks, type ResolvedBody } from "./body-links.ts";
import type { PlacedAddresses } from "./placement.ts";
import { SiteAddresses, type Lead } from "./site-addresses.ts";
import { placeForwardings, type Forwarding } from "./stubs.ts";

/**
 * The last step of loading: once every article and page has its address,
 * the archive's addresses are known, and with them where each stub and each
 * link in a body leads. Stubs leading to an article or page become its old
 * addresses; the others are the site's own redirects. Links in bodies are
 * resolved (see body-links.ts), and what could not be is reported once.
 */
export interface PlacedBody {
  readonly sourcePath: string;
  readonly title: string;
  readonly route: Route & { readonly kind: "article" | "page" };
  readonly redirects: readonly OldAddress[];
  readonly assets: readonly string[];
  /** The folder of its old address, when `oldPermalinks` gave it one. */
  readonly oldFolder?: string;
  readonly html: string;
  /** The URLs `html` names, when found beforehand (see body-links.ts `LinkingBody`). */
  readonly urls?: readonly string[] | undefined;
}

interface ConnectOptions {
  readonly settings: Settings;
  readonly settingsFile: string;
  readonly addresses: PlacedAddresses;
  /** Paths from the site's root of the files published as they are: static files and page-bundle files. */
  readonly files: readonly string[];
  readonly diagnostics: Diagnostic[];
}

interface Connected {
  /** Each body's HTML, its links resolved, in the order given. */
  readonly html: readonly string[];
  /** Each body's old addresses, with the stubs that lead to it. */
  readonly redirects: readonly (readonly OldAddress[])[];
  /** Redirects to the site's own pages, its files or other sites. */
  readonly siteRedirects: readonly SiteRedirect[];
  readonly stubs: number;
  /** Redirects of the `redirects` setting written (those leading to their own address are not). */
  readonly settingsRedirects: number;
  readonly links: { readonly rewritten: number; readonly unmatched: number };
  /** Resolves the links of one more body against the same addresses, as `html` was: under `npm start`, for an article edited in what its own page shows. */
  readonly resolveLinks: (body: PlacedBody) => string;
}

export function connectArchive(bodies: readonly PlacedBody[], stubs: readonly StubFields[], options: ConnectOptions): Connected {
  const { settings } = options;
  const index = new SiteAddresses();
  const bySource = new Map<string, Lead>();
  for (const body of bodies) {
    const lead = { route: body.route, title: body.title };
    index.add(routePath(body.route), lead);
    for (const address of body.redirects) if (address.query === "") index.add(address.path, lead);
    bySource.set(body.sourcePath.toLowerCase(), lead);
  }
  for (const file of options.files) index.add(file, { path: file });
  const isOldHost = oldHosts(settings);
  const forwardings = placeForwardings(stubs, { settings, settingsFile: options.settingsFile, addresses: options.addresses, index, isOldHost, diagnostics: options.diagnostics });

  const extra = new Map<string, OldAddress[]>();
  const siteRedirects: SiteRedirect[] = [];
  const byPath = new Map(bodies.map((body) => [routePath(body.route), body]));
  for (const forwarding of forwardings) {
    const route = "route" in forwarding.to ? forwarding.to.route : undefined;
    const body = route?.kind === "article" || route?.kind === "page" ? byPath.get(routePath(route)) : undefined;
    if (body !== undefined) extra.set(body.sourcePath, [...(extra.get(body.sourcePath) ?? []), forwarding.from]);
    else siteRedirects.push(siteRedirectOf(forwarding));
  }

  const resolver = { index, urls: urlContextOf(settings), isOldHost, bySource };
  let rewritten = 0;
  const unmatched: { readonly file: string; readonly url: string }[] = [];
  const resolve = (body: PlacedBody): ResolvedBody => {
    const folder = body.oldFolder ?? routeFolder(body.route);
    return resolveBodyLinks({ sourcePath: body.sourcePath, assets: body.assets, folder, moved: folder !== routeFolder(body.route), html: body.html, urls: body.urls }, resolver);
  };
  const html = bodies.map((body) => {
    const resolved = resolve(body);
    rewritten += resolved.rewritten;
    unmatched.push(...resolved.unmatched.map((url) => ({ file: body.sourcePath, url })));
    return resolved.html;
  });
  const report = unmatchedLinksWarning(unmatched, settings);
  if (report !== undefined) options.diagnostics.push(report);
  return {
    html,
    redirects: bodies.map((body) => [...body.redirects, ...(extra.get(body.sourcePath) ?? [])]),
    siteRedirects,
    stubs: stubs.length,
    settingsRedirects: forwardings.filter((forwarding) => forwarding.owner === options.settingsFile).length,
    links: { rewritten, unmatched: unmatched.length },
    resolveLinks: (body) => resolve(body).html,
  };
}

function siteRedirectOf({ owner, from, to }: Forwarding): SiteRedirect {
  const source = owner;
  if ("url" in to) return { from, to: { url: to.url }, source };
  if ("route" in to) return { from, to, source };
  return { from, to: { route: { kind: "file", path: to.path }, title: to.path }, source };
}

/** The hosts whose absolute links are links to the archive: the site URL's, and those the old address patterns name. */
function oldHosts(settings: Settings): (host: string) => boolean {
  const hosts = new Set<string>();
  if (settings.siteUrl !== undefined) hosts.add(new URL(settings.siteUrl).host.toLowerCase());
  for (const { host } of settings.oldPermalinks) if (host !== undefined) hosts.add(host.toLowerCase());
  return (host) => hosts.has(host.toLowerCase());
}

const SHOWN_LINKS = 5;

/** One warning for every link that looked internal but leads nowhere in the archive: how many, in how many files, and the first few. */
function unmatchedLinksWarning(unmatched: readonly { readonly file: string; readonly url: string }[], settings: Settings): Diagnostic | undefined {
  const first = unmatched[0];
  if (first === undefined) return undefined;
  const files = new Set(unmatched.map((link) => link.file)).size;
  const shown = unmatched.slice(0, SHOWN_LINKS).map((link) => `${link.url} (${link.file})`).join(", ");
  const where = settings.basePath === "/" ? "root-relative, relative, or to the site's host" : `under ${settings.basePath}, relative, or to the site's host`;
  return warning(
    "unmatched-links",
    "",
    `${unmatched.length} link(s) in ${files} file(s) look internal (${where}) but lead to no article, page or file of the archive, and were left as written: ${shown}${unmatched.length > SHOWN_LINKS ? ", …" : ""}. Give the articles' old addresses ("oldPermalinks", "aliases"), put the files in the static folder (the "static" setting), or correct the links`,
  );
}

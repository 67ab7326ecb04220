import { posix } from "node:path";
import type { OldAddress, StubFields, WrittenPath } from "../core/article.ts";
import { error, warning, type Diagnostic } from "../core/diagnostics.ts";
import type { Settings } from "../core/settings.ts";
import { readWrittenAddress } from "../core/site-paths.ts";
import { linkPath, routePath } from "../core/urls.ts";
import { claimOldAddresses, oldPermalinkAddresses, sectionOf, type PlacedAddresses } from "./placement.ts";
import type { Lead, SiteAddresses } from "./site-addresses.ts";

/**
 * Redirects that are not an article's old addresses: stubs (the Go blog's
 * `redirect: /blog/gofmt`, jekyll-redirect-from's `redirect_to:`) and the
 * `redirects` setting. Each leads its old address to its target, followed
 * through the addresses the archive knows (an old address of an article
 * leads to the article, another stub's to where that one leads).
 */
export interface Forwarding {
  /** Who asked for it: the stub's file, or the settings file. */
  readonly owner: string;
  readonly from: OldAddress;
  readonly to: Lead;
}

/** One redirect to resolve: where it is from (to be claimed) and its target as written. */
interface Pending {
  readonly owner: string;
  readonly written: readonly WrittenPath[];
  readonly target: WrittenPath;
  /** Redirects of the settings may sit in the site's own folders (/category/parent/child/): the written files are checked against each other later. */
  readonly inSiteFolders: boolean;
}

interface ForwardingContext {
  readonly settings: Settings;
  /** The settings file, for messages about the `redirects` setting. */
  readonly settingsFile: string;
  readonly addresses: PlacedAddresses;
  readonly index: SiteAddresses;
  /** Whether an absolute URL names the old site (its links and targets are paths of this one). */
  readonly isOldHost: (host: string) => boolean;
  readonly diagnostics: Diagnostic[];
}

/** Places every stub and every entry of the `redirects` setting, then follows each target; returns the redirects, each already in `index`. */
export function placeForwardings(stubs: readonly StubFields[], context: ForwardingContext): Forwarding[] {
  const { settings, settingsFile } = context;
  const pending: Pending[] = [
    ...stubs.map((stub) => ({ owner: stub.sourcePath, written: stubAddresses(stub, settings, context.diagnostics), target: stub.target, inSiteFolders: false })),
    ...Object.entries(settings.redirects).map(([from, to]) => ({
      owner: settingsFile,
      written: [{ text: from, key: "redirects", line: 0 }],
      target: { text: to, key: `redirects["${from}"]`, line: 0 },
      inSiteFolders: true,
    })),
  ];
  const claimed = pending.map((each) => ({
    ...each,
    from: claimOldAddresses({ owner: each.owner, written: each.written, ownPath: undefined, base: "/", inSiteFolders: each.inSiteFolders }, context.addresses, settings, context.diagnostics),
  }));
  // A stub may lead to another stub's address: follow until no more is found.
  const leads = new Map<Pending, Lead>();
  for (let progress = true; progress; ) {
    progress = false;
    for (const each of claimed) {
      if (leads.has(each)) continue;
      const lead = targetLead(each.target, context);
      if (lead === undefined) continue;
      leads.set(each, lead);
      for (const address of each.from) if (address.query === "") context.index.add(address.path, lead);
      progress = true;
    }
  }
  return claimed.flatMap((each) => {
    const lead = leads.get(each) ?? unknownTarget(each, context);
    if (lead === undefined) return [];
    // A redirect to its own address (an old category page the new site has at the same place) has nothing to do.
    const own = "route" in lead ? routePath(lead.route) : "path" in lead ? lead.path : undefined;
    return each.from.filter((from) => from.query !== "" || from.path !== own).map((from) => ({ owner: each.owner, from, to: lead }));
  });
}

/** The date of an undated stub, which no pattern it is given reads. */
const UNUSED_DATE = { year: 1970, month: 1, day: 1, hasTime: false, epochMs: 0, iso: "1970-01-01" } as const;

/**
 * A stub's own addresses: what the `oldPermalinks` patterns give it (those
 * it has the fields for: an undated stub has no address by a dated
 * pattern), its `url`/`permalink`/`path` and `aliases`/`redirect_from`;
 * with none of these, its path as a page (`gofmt.md` → "/gofmt/").
 */
function stubAddresses(stub: StubFields, settings: Settings, diagnostics: Diagnostic[]): WrittenPath[] {
  // A stub has no category, and an undated one no date: the patterns that need them give it no address.
  const missing = new Set<string>(["category", ...(stub.date === undefined ? ["year", "month", "day"] : [])]);
  const usable = settings.oldPermalinks.filter(({ pattern }) => !pattern.parts.some((part) => "token" in part && missing.has(part.token)));
  const subject = {
    sourcePath: stub.sourcePath,
    title: stub.title ?? stub.fileName,
    slug: stub.slug,
    fileName: stub.fileName,
    date: stub.date ?? UNUSED_DATE,
    category: { slug: "", name: "" },
    section: sectionOf(stub),
  };
  const patterned = oldPermalinkAddresses(subject, usable, settings.basePath, diagnostics);
  const written = [...(stub.ownPath === undefined ? [] : [stub.ownPath]), ...stub.oldAddresses, ...patterned.addresses];
  if (written.length > 0) return written;
  const withoutExtension = stub.sourcePath.slice(0, stub.sourcePath.length - posix.extname(stub.sourcePath).length);
  return [{ text: `/${withoutExtension.replace(/(?:^|\/)index$/i, "")}/`, key: "its path", line: 0 }];
}

/** Where a target leads: an absolute URL of another site as it is; a path (or a URL of the old site) through the archive's addresses. */
function targetLead(target: WrittenPath, { settings, index, isOldHost }: ForwardingContext): Lead | undefined {
  const external = /^(?:[a-z][a-z0-9+.-]*:)?\/\//i.test(target.text) && URL.canParse(target.text, "https://site.invalid") ? new URL(target.text, "https://site.invalid") : undefined;
  if (external !== undefined && !isOldHost(external.host)) return external.protocol === "http:" || external.protocol === "https:" ? { url: external.href } : undefined;
  const read = readWrittenAddress(target.text, "/", { allowQuery: true, basePath: settings.basePath });
  if (!read.ok || read.address.query !== "") return undefined;
  return index.leadOf(writtenPath(target.text, read.address.path));
}

/** A target names a file as written ("/feed.xml"), or a page with or without its slash: its path as read, less the slash reading gave a name without one. */
function writtenPath(text: string, path: string): string {
  return /\/(?:[?#].*)?$/.test(text) || path === "/" ? path : path.replace(/\/$/, "");
}

/**
 * A target the archive does not know: the redirect leads there as written
 * (another part of the host, perhaps), with a warning. One that is no
 * address, or a pattern (`*`, a segment starting with ":", which hosts
 * reading `_redirects` would fill in), is an error, and no redirect is made.
 */
function unknownTarget(each: Pending, { settingsFile, diagnostics }: ForwardingContext): Lead | undefined {
  const where = each.owner === settingsFile ? "" : each.owner;
  const who = each.owner === settingsFile ? `${settingsFile}: setting ${each.target.key}` : `its "${each.target.key}"`;
  const line = each.target.line > 0 ? each.target.line : undefined;
  const read = readWrittenAddress(each.target.text, "/", { allowQuery: true });
  // A pattern ("*", a part starting with ":") is no address: readWrittenAddress refuses it.
  if (!read.ok) {
    diagnostics.push(error("invalid-redirect", where, `${who} ${JSON.stringify(each.target.text)} ${read.reason}; no redirect was written for it`, line));
    return undefined;
  }
  diagnostics.push(
    warning("redirect-target", where, `${who} leads to ${JSON.stringify(each.target.text)}, which is no article, page or file of the archive; the redirect leads there as written. Correct it if it named an article`, line),
  );
  const { path, query } = read.address;
  return { url: `${linkPath({ kind: "file", path: writtenPath(each.target.text, path) })}${query}` };
}

import { posix } from "node:path";
import type { OldAddress, PageFields } from "../core/article.ts";
import { error, type Diagnostic } from "../core/diagnostics.ts";
import type { Settings } from "../core/settings.ts";
import { normalizeSitePath, readWrittenAddress } from "../core/site-paths.ts";
import { siteOwnPath, type Route } from "../core/urls.ts";
import { claimOldAddresses, writtenFileKey, type PlacedAddresses } from "./placement.ts";

/** What placing a page reads: its file, where it says it lives and lived. */
type PlaceablePage = Pick<PageFields, "sourcePath" | "bundleDir" | "ownPath" | "oldAddresses">;

/**
 * Places each page of the site, as Hugo, Jekyll and Eleventy publish
 * undated files: at its own `url`, `permalink` or `path`, else at its path
 * in the content folder (`about.md` → "/about/", `team/index.md` →
 * "/team/"). A page may not take an article's address, another page's, an
 * old address or one of the site's own pages: each clash is an error naming
 * both, and the page is left out. Its old addresses (`aliases`,
 * `redirect_from`) lead to it. Pages' addresses join `addresses`.
 */
export function placePages<T extends { readonly fields: PlaceablePage }>(
  candidates: readonly T[],
  addresses: PlacedAddresses,
  settings: Settings,
  diagnostics: Diagnostic[],
): (T & { readonly route: Route & { readonly kind: "page" }; readonly redirects: readonly OldAddress[] })[] {
  const placed: (T & { readonly route: Route & { readonly kind: "page" }; readonly redirects: readonly OldAddress[] })[] = [];
  for (const candidate of [...candidates].sort((a, b) => (a.fields.sourcePath < b.fields.sourcePath ? -1 : 1))) {
    const { fields } = candidate;
    const path = pageAddress(fields, settings, diagnostics);
    if (path === undefined) continue;
    const key = writtenFileKey(path);
    const taken = addresses.articlePaths.get(key) ?? addresses.oldAddresses.get(key);
    const site = siteOwnPath(path);
    if (taken !== undefined || site !== undefined) {
      const what = taken === undefined ? `${site}, a page of the site` : `an address of ${taken}`;
      const fix = fields.ownPath === undefined ? `rename the file, or give it a "url"` : `change its "${fields.ownPath.key}"`;
      diagnostics.push(error("duplicate-url", fields.sourcePath, `would be published at ${path}, ${what}; ${fix} (nothing was overwritten: this page was left out)`, fields.ownPath?.line));
      continue;
    }
    addresses.articlePaths.set(key, fields.sourcePath);
    const redirects = claimOldAddresses({ owner: fields.sourcePath, written: fields.oldAddresses, ownPath: path, base: "/" }, addresses, settings, diagnostics);
    placed.push({ ...candidate, route: { kind: "page", path }, redirects });
  }
  return placed;
}

/** A page's address: its own, else its path in the content folder, its extension and a last "index" left out. */
function pageAddress(fields: PlaceablePage, settings: Settings, diagnostics: Diagnostic[]): string | undefined {
  const { ownPath } = fields;
  if (ownPath !== undefined) {
    const read = readWrittenAddress(ownPath.text, "/", { allowQuery: false, basePath: settings.basePath });
    if (read.ok) return read.address.path;
    diagnostics.push(error("invalid-path", fields.sourcePath, `its "${ownPath.key}" ${JSON.stringify(ownPath.text)} ${read.reason}; write the page's address from the site's root, such as "/about/"`, ownPath.line));
    return undefined;
  }
  const withoutExtension = fields.bundleDir ?? fields.sourcePath.slice(0, fields.sourcePath.length - posix.extname(fields.sourcePath).length);
  const folder = withoutExtension.replace(/(?:^|\/)index$/i, "");
  const normalized = normalizeSitePath(`/${folder}`, "/");
  if (normalized.ok) return normalized.path;
  diagnostics.push(error("invalid-path", fields.sourcePath, `cannot be published at its path: it ${normalized.reason}; give it a "url"`));
  return undefined;
}

import { siteOwnPath, type Route } from "../core/urls.ts";

/**
 * Where a path of the site leads once the archive is placed: to an article
 * or page (its own address, or one of its old addresses, or a stub's), to a
 * file published at that path (a static file, a page bundle's file), to one
 * of the site's own pages (a category, a year, the feed), or to another
 * site. Links in bodies and redirect stubs are resolved through it.
 */
export type Lead =
  | { readonly route: Route; readonly title: string }
  /** A path of the site that is not an article or page: a file, or one of the site's own pages. */
  | { readonly path: string }
  | { readonly url: string };

export class SiteAddresses {
  readonly #leads = new Map<string, Lead>();

  /** Records where a path leads; the first record of a path is kept (later ones were refused as collisions where they were made). */
  add(path: string, lead: Lead): void {
    const key = addressKey(path);
    if (!this.#leads.has(key)) this.#leads.set(key, lead);
  }

  /**
   * Where a path from the site's root leads, if anywhere: trailing slash,
   * a last `index.html` or `.html`, doubled slashes and letter case do not
   * matter ("/blog/go1.6", "/blog/go1.6/", "/blog//go1.6.html" and
   * "/Blog/go1.6/index.html" are one address). The
   * site's own pages (a category, a year, the feeds) lead to themselves,
   * unless `contentOnly` asks for the archive's content alone.
   */
  leadOf(path: string, { contentOnly = false }: { readonly contentOnly?: boolean } = {}): Lead | undefined {
    const folder = path.replace(/\/{2,}/g, "/").replace(/\/index\.html?$/i, "/");
    // A page's address as a file ("/x.html") names the same page as its folder ("/x/"), as old sites served both.
    const asFolder = /\.html?$/i.test(folder) ? folder.replace(/\.html?$/i, "/") : `${folder}/`;
    const found = this.#leads.get(addressKey(folder)) ?? (folder.endsWith("/") ? undefined : this.#leads.get(addressKey(asFolder)));
    if (found !== undefined || contentOnly) return found;
    return siteOwnPath(folder) === undefined ? undefined : { path: folder };
  }
}

/** A path as a key: lower case, as the site's addresses are compared. */
function addressKey(path: string): string {
  return path.toLowerCase();
}

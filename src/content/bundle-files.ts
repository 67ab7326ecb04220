import { posix } from "node:path";
import { isPageRelative, rewriteHtmlUrls } from "../core/html-urls.ts";
import { bundleFolder, routeFolder, type Route } from "../core/urls.ts";

/**
 * A page bundle's files are published under its article's own folder
 * (`bundleFolder`). For an article at a folder that is where its page is, and
 * its body's relative links ("chart.png") find them as written. An article at
 * a file ("/2021/report.html") has its files in the folder named like it
 * ("/2021/report/"), so the links that name one of its files are pointed
 * there ("report/chart.png"); other links are left as written. Undefined
 * when no link needs it.
 */
export function linkToBundleFolder(route: Route & { readonly kind: "article" }, assets: readonly string[]): ((url: string) => string) | undefined {
  const prefix = bundleFolder(route).slice(routeFolder(route).length);
  if (prefix === "" || assets.length === 0) return undefined;
  const known = new Set(assets);
  return (url) => {
    if (!isPageRelative(url)) return url;
    const cut = url.search(/[?#]/);
    const path = cut < 0 ? url : url.slice(0, cut);
    return known.has(posix.normalize(decodeSafely(path))) ? `${prefix}${url.replace(/^\.\//, "")}` : url;
  };
}

/** An article's body with its links to its bundle's files pointed where they are published. */
export function bodyLinkedToBundle(html: string, route: Route & { readonly kind: "article" }, assets: readonly string[]): string {
  const link = linkToBundleFolder(route, assets);
  return link === undefined ? html : rewriteHtmlUrls(html, link);
}

function decodeSafely(path: string): string {
  try {
    return decodeURI(path);
  } catch {
    return path;
  }
}

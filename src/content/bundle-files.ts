import { readFileSync } from "node:fs";
import { join, posix } from "node:path";
import { error, errorCodeOf, warning, type Diagnostic } from "../core/diagnostics.ts";
import { isPageRelative, rewriteHtmlUrls } from "../core/html-urls.ts";
import { bundleFolder, routeFolder, type Route } from "../core/urls.ts";
import { sanitizeSvg, type SvgOutcome } from "./sanitize-svg.ts";

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

/**
 * Files a browser runs as a page or a script of the site when they are opened
 * or loaded: HTML and its kin, scripts, XML documents (which may hold XHTML)
 * and compressed SVG (which cannot be read to sanitize it).
 */
const ACTIVE_FILE = /\.(?:html?|xhtml?|xht|shtml?|mht(?:ml)?|m?js|cjs|xml|xslt?|svgz)$/i;
const SVG_FILE = /\.svg$/i;

/** A page bundle's files as published with the "sanitize" setting on. */
interface CheckedBundle {
  /** Its files that are published, relative to its folder. */
  readonly assets: readonly string[];
  /** Its SVG files written anew, by their path in the content folder. */
  readonly sanitized: ReadonlyMap<string, string>;
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * With "sanitize" on, no page-bundle file may run script on the site: a page
 * or a script is refused with an error naming it (and left out), an SVG image
 * is published sanitized (`sanitizeSvg`), with a warning saying what it lost.
 */
export function checkBundleFiles(contentDir: string, bundleDir: string, assets: readonly string[]): CheckedBundle {
  const kept: string[] = [];
  const sanitized = new Map<string, string>();
  const diagnostics: Diagnostic[] = [];
  const sanitizeOn = `"sanitize" is on, so a page bundle publishes no file that runs script on the site`;
  for (const asset of assets) {
    const file = `${bundleDir}/${asset}`;
    if (ACTIVE_FILE.test(asset)) {
      diagnostics.push(error("active-bundle-file", file, `is a page or a script (${posix.extname(asset)}), which would run on the site's pages; ${sanitizeOn}. Remove it, or link it from another site (it was left out)`));
      continue;
    }
    if (!SVG_FILE.test(asset)) {
      kept.push(asset);
      continue;
    }
    const outcome = readSvg(join(contentDir, file));
    if (!outcome.ok) {
      diagnostics.push(error("unsafe-svg", file, `${outcome.reason}; ${sanitizeOn} (it was left out)`));
      continue;
    }
    kept.push(asset);
    sanitized.set(file, outcome.svg);
    if (outcome.removed.size > 0) {
      const what = [...outcome.removed].map(([name, count]) => `${name} ${count}`).join(", ");
      diagnostics.push(warning("sanitized-svg", file, `held what could run or fetch something (${what}), which was removed as "sanitize" is on; the rest of the picture is published`));
    }
  }
  return { assets: kept, sanitized, diagnostics };
}

function readSvg(path: string): SvgOutcome {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (cause) {
    return { ok: false, reason: `cannot be read (${errorCodeOf(cause)}) to be sanitized` };
  }
  return sanitizeSvg(text);
}

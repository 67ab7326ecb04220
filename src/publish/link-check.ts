import { existsSync, statSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import { join, posix } from "node:path";

export interface BrokenLink {
  /** The page the link is on, relative to the output folder. */
  readonly page: string;
  readonly url: string;
  /** What was not found, relative to the output folder, or why the URL is wrong. */
  readonly problem: string;
  /** Whether the link is in an article's body (the author's content) rather than in the site's own pages. */
  readonly inArticleBody: boolean;
}

export interface LinkReport {
  readonly pages: number;
  readonly linksChecked: number;
  readonly broken: readonly BrokenLink[];
  /**
   * Links in article bodies, on a site under a base path, that lead to the
   * rest of its host (the Go blog's `/ref/spec` on a site at `/blog/`): the
   * build leaves them as written, and they cannot be checked here.
   */
  readonly restOfHost: number;
}

const LINK_ATTRIBUTES: readonly (readonly [string, string])[] = [
  ["a[href]", "href"],
  ["link[href]", "href"],
  ["img[src]", "src"],
  ["script[src]", "src"],
  ["source[src]", "src"],
  ["iframe[src]", "src"],
  ["video[src]", "src"],
  ["audio[src]", "src"],
  // A redirect page's destination: <meta http-equiv="refresh" content="0; url=/x/">.
  ["meta[http-equiv]", "content"],
];

/** The element that holds an article's rendered Markdown. */
export const ARTICLE_BODY = ".article-body";

/**
 * Walks every HTML page of a built site and checks that each internal link,
 * image or script points to a file that was written, and that each redirect
 * (a page's `<meta http-equiv="refresh">`, a line of `_redirects`) leads to one. A site under a base
 * path ("/news/") is checked as it will be served: links must carry the prefix,
 * except an article's links to the rest of the host, which are counted apart.
 * A portable site (`fromDisk`) is checked as a browser opens it from disk,
 * where a link to a folder shows the folder: every link must name a file.
 */
export async function checkLinks(outputDir: string, basePath: string, { fromDisk = false }: { readonly fromDisk?: boolean } = {}): Promise<LinkReport> {
  // Loaded here: only --check-links and `news-archive check` need it, and it takes a fifth of a second to load.
  const { parseHTML } = await import("linkedom");
  const pages = (await readdir(outputDir, { recursive: true })).filter((file) => file.endsWith(".html")).sort();
  const broken: BrokenLink[] = [];
  let linksChecked = 0;
  let restOfHost = 0;
  for (const page of pages) {
    const { document } = parseHTML(await readFile(join(outputDir, page), "utf8"));
    const pageUrl = `${basePath}${page.split("\\").join("/")}`;
    for (const [selector, attribute] of LINK_ATTRIBUTES) {
      for (const element of document.querySelectorAll(selector)) {
        const url = linkOf(element, attribute);
        if (!isInternal(url)) continue;
        const inArticleBody = element.closest(ARTICLE_BODY) !== null;
        if (inArticleBody && basePath !== "/" && !fromDisk && leadsOutside(url, pageUrl, basePath)) {
          restOfHost += 1;
          continue;
        }
        linksChecked += 1;
        const problem = problemWith(url, pageUrl, basePath, outputDir, fromDisk);
        if (problem !== undefined) broken.push({ page, url, problem, inArticleBody });
      }
    }
  }
  for (const url of await redirectsFileTargets(outputDir)) {
    linksChecked += 1;
    const problem = problemWith(url, basePath, basePath, outputDir, fromDisk);
    if (problem !== undefined) broken.push({ page: "_redirects", url, problem, inArticleBody: false });
  }
  return { pages: pages.length, linksChecked, broken, restOfHost };
}

/** What is wrong with a broken link, as the build and `news-archive check` report it. */
export function describeBrokenLink(link: BrokenLink): string {
  return `the link ${link.url} points to nothing (${link.problem})`;
}

/** The one-line summary of a link check, of which `siteErrors` broken links are the site's own (the others are in article bodies). */
export function linkSummary(report: LinkReport, siteErrors: number): string {
  const restOfHost =
    report.restOfHost > 0 ? `; ${report.restOfHost} in article bodies lead to the rest of the host, outside the base path, and were not checked` : "";
  return `links: ${report.linksChecked} internal links checked on ${report.pages} pages, ${report.broken.length} broken (${report.broken.length - siteErrors} in article bodies, ${siteErrors} in the site's pages)${restOfHost}`;
}

/** An element's link; a refresh's is the `url=` of its content, and other `<meta>` have none. */
function linkOf(element: { readonly tagName: string; getAttribute(name: string): string | null }, attribute: string): string {
  const value = element.getAttribute(attribute) ?? "";
  if (element.tagName.toLowerCase() !== "meta") return value;
  if (element.getAttribute("http-equiv")?.toLowerCase() !== "refresh") return "";
  return /url\s*=\s*['"]?([^'"]*)/i.exec(value)?.[1]?.trim() ?? "";
}

/** The destinations of a `_redirects` file's lines ("from [key=value ...] to status"), if the site has one. */
async function redirectsFileTargets(outputDir: string): Promise<string[]> {
  const text = await readFile(join(outputDir, "_redirects"), "utf8").catch(() => "");
  return text
    .split("\n")
    .map((line) => line.trim().split(/\s+/))
    .filter((parts) => parts.length >= 3 && !(parts[0] ?? "").startsWith("#"))
    .map((parts) => parts[parts.length - 2] ?? "");
}

function isInternal(url: string): boolean {
  const trimmed = url.trim();
  return trimmed !== "" && !trimmed.startsWith("#") && !trimmed.startsWith("//") && !/^[a-z][a-z0-9+.-]*:/i.test(trimmed);
}

/** The path a link leads to from its page, decoded; "" for a link to the page itself, undefined when it cannot be decoded. */
function resolvedPath(url: string, pageUrl: string): string | undefined {
  const path = url.split(/[?#]/)[0] ?? "";
  if (path === "") return "";
  try {
    const absolute = decodeURIComponent(posix.resolve(posix.dirname(pageUrl.endsWith("/") ? `${pageUrl}x` : pageUrl), path));
    return path.endsWith("/") && !absolute.endsWith("/") ? `${absolute}/` : absolute;
  } catch {
    return undefined;
  }
}

function leadsOutside(url: string, pageUrl: string, basePath: string): boolean {
  const absolute = resolvedPath(url, pageUrl);
  return absolute !== undefined && absolute !== "" && !absolute.startsWith(basePath);
}

function problemWith(url: string, pageUrl: string, basePath: string, outputDir: string, fromDisk: boolean): string | undefined {
  const absolute = resolvedPath(url, pageUrl);
  if (absolute === "") return undefined;
  if (absolute === undefined) return "is not a valid URL";
  if (!absolute.startsWith(basePath)) return `is outside the site's base path ${basePath}`;
  const relative = absolute.slice(basePath.length);
  if (fromDisk && (isAbsolutePath(url) || absolute.endsWith("/") || isFolder(join(outputDir, relative)))) {
    return isAbsolutePath(url)
      ? "starts at the root of the disk when opened from a folder; make it relative"
      : "names a folder, which a browser opening the site from disk shows as a listing; link to its index.html";
  }
  const candidates = absolute.endsWith("/") ? [join(relative, "index.html")] : [relative, join(relative, "index.html")];
  const found = candidates.some((candidate) => {
    const file = join(outputDir, candidate);
    return existsSync(file) && statSync(file).isFile();
  });
  return found ? undefined : `${candidates[0] ?? relative} does not exist`;
}

function isAbsolutePath(url: string): boolean {
  return url.trim().startsWith("/");
}

function isFolder(path: string): boolean {
  return existsSync(path) && statSync(path).isDirectory();
}

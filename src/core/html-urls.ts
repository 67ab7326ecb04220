/**
 * Rewrites the URLs of links, forms and embedded files in rendered HTML (href,
 * src, poster, action and each candidate of srcset). The rewrite function decides; URLs it
 * returns unchanged stay as written.
 */
const URL_ATTRIBUTE = /(\s(?:href|src|poster|action)\s*=\s*)(["'])(.*?)\2/gi;
const SRCSET_ATTRIBUTE = /(\ssrcset\s*=\s*)(["'])(.*?)\2/gi;

export function rewriteHtmlUrls(html: string, rewrite: (url: string) => string): string {
  return html
    .replace(URL_ATTRIBUTE, (_whole, before: string, quote: string, url: string) => `${before}${quote}${rewrite(url)}${quote}`)
    .replace(SRCSET_ATTRIBUTE, (_whole, before: string, quote: string, list: string) => {
      const candidates = list.split(",").map((candidate) => {
        const [url = "", ...descriptor] = candidate.trim().split(/\s+/);
        return [rewrite(url), ...descriptor].join(" ");
      });
      return `${before}${quote}${candidates.join(", ")}${quote}`;
    });
}

/** Whether a URL is root-relative ("/images/x.png"), not protocol-relative ("//host/x"). */
export function isRootRelative(url: string): boolean {
  return url.startsWith("/") && !url.startsWith("//");
}

/** Whether a URL is relative to its page ("chart.svg", "../x"): no scheme, no leading slash, no fragment only. */
export function isPageRelative(url: string): boolean {
  return url !== "" && !url.startsWith("/") && !url.startsWith("#") && !/^[a-z][a-z0-9+.-]*:/i.test(url);
}

/** A root-relative link written for the site's root ("/images/x.png") gets the base path ("/news/images/x.png"). */
export function underBasePath(url: string, basePath: string): string {
  return isRootRelative(url) && !url.startsWith(basePath) ? `${basePath}${url.slice(1)}` : url;
}

import { slugify } from "../core/slugs.ts";
import { siteOwnPath } from "../core/urls.ts";

interface ImportedSlug {
  readonly slug: string;
  /** Why the slug is not WordPress's, when it is not. */
  readonly note?: string;
}

/**
 * WordPress stores a slug with non-ASCII letters percent-encoded in
 * `wp:post_name` ("%d0%bf%d1%80%d0%b8" for "при"). Decoded, it goes through
 * the archive's one slug function, which transliterates ("при" → "pri"), so
 * the slug written is the one the build will use. Drafts have no post name
 * yet: their title gives one. A slug with no letter the slug function can
 * write (Chinese, Japanese) falls back to `post-ID`.
 */
export function articleSlug(postName: string, title: string, id: string): ImportedSlug {
  const decoded = decodeUrlText(postName);
  const fromName = slugify(decoded);
  if (fromName !== "" && fromName === decoded) return { slug: fromName };
  if (fromName !== "") return { slug: fromName, note: `has the slug "${decoded}", written "${fromName}" in the archive's URLs` };
  const fromTitle = slugify(title);
  if (decoded === "" && fromTitle !== "") return { slug: fromTitle };
  const fallback = fromTitle !== "" ? fromTitle : `post-${id === "" ? "untitled" : id}`;
  const why =
    decoded === "" ? "has no slug in the export and no title to make one from" : `has the slug "${decoded}", which has no letter or digit an address can hold`;
  return { slug: fallback, note: `${why}; its URL uses "${fallback}"` };
}

/** Percent-encoded text decoded; as written when it is not valid percent-encoding. */
export function decodeUrlText(text: string): string {
  try {
    return decodeURIComponent(text.trim());
  } catch {
    return text.trim();
  }
}

/**
 * The paths on the old site that lead to a post, for redirects: its
 * permalink's path (query included: `/?p=12` when the site had plain
 * permalinks), and `?p=ID` (`?page_id=ID` for a page) under the blog's path,
 * which WordPress answers whatever the permalinks. Never the site's root.
 */
export function redirectPaths(link: string, blogUrl: string, type: string, id: string): string[] {
  const paths: string[] = [];
  const linkPath = pathOf(link);
  if (linkPath !== undefined) paths.push(linkPath);
  const blogPath = pathOf(blogUrl)?.replace(/[?#].*$/, "") ?? "/";
  if (/^\d+$/.test(id)) paths.push(`${blogPath.endsWith("/") ? blogPath : `${blogPath}/`}?${type === "page" ? "page_id" : "p"}=${id}`);
  return [...new Set(paths)].filter((path) => path !== "/" && path !== "");
}

/** The path and query of an absolute URL, as a browser would request it. */
export function pathOf(url: string): string | undefined {
  try {
    const parsed = new URL(url.trim());
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? `${parsed.pathname}${parsed.search}` : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The old addresses a redirect can serve: one that is a page of the new
 * site's own ("/search/", "/author/", a month such as "/2024/03/") cannot
 * lead to the article, and would stop the build; it is left out, with a
 * warning saying so.
 */
export function servableOldAddresses(paths: readonly string[], warnings: string[]): string[] {
  return paths.filter((path) => {
    const site = path.includes("?") ? undefined : siteOwnPath(decodeUrlText(path));
    if (site !== undefined)
      warnings.push(`its old address ${path} is ${site}, a page of the new site, so it cannot lead to the article; it was left out of redirect_from`);
    return site === undefined;
  });
}

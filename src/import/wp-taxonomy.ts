import { slugify } from "../core/slugs.ts";
import { decodeUrlText, pathOf } from "./wp-paths.ts";
import type { WxrCategory, WxrTerm } from "./wxr.ts";

/**
 * A WordPress site's categories, tags and authors as the new archive keeps
 * them: the category hierarchy in the `categories` setting (a `parent` for
 * each child, so that a parent's pages list its children's articles), and
 * the old addresses of WordPress's listing pages in the `redirects` setting:
 * /feed/, /category/parent/child/, /tag/<slug>/ and /author/<login>/, each
 * leading to the new site's page where its address differs.
 */
interface CategoryEntry {
  readonly name: string;
  readonly slug: string;
  readonly description?: string;
  /** The parent's slug. */
  readonly parent?: string;
}

/** The site's categories by slug, each with its parent's slug: what an article's terms are read against. */
export class CategoryTree {
  readonly #bySlug: ReadonlyMap<string, WxrCategory>;

  constructor(categories: readonly WxrCategory[]) {
    this.#bySlug = new Map(categories.map((category) => [category.slug, category]));
  }

  /** The slugs above a category, nearest first (a circle stops where it closes). */
  ancestors(slug: string): string[] {
    const found: string[] = [];
    for (
      let parent = this.#bySlug.get(slug)?.parent;
      parent !== undefined && parent !== "" && !found.includes(parent) && parent !== slug;
      parent = this.#bySlug.get(parent)?.parent
    )
      found.push(parent);
    return found;
  }

  /**
   * A post's category and the rest, as this archive files an article under
   * one category: the most specific of its categories (one no other of
   * them is under); its other categories that are above it are implied by
   * the hierarchy and dropped; the others become tags.
   */
  fileUnder(terms: readonly WxrTerm[]): { readonly category?: WxrTerm; readonly others: readonly WxrTerm[] } {
    const deepest = [...terms].sort((a, b) => this.ancestors(b.slug).length - this.ancestors(a.slug).length)[0];
    if (deepest === undefined) return { others: [] };
    const above = new Set(this.ancestors(deepest.slug));
    return { category: deepest, others: terms.filter((term) => term !== deepest && !above.has(term.slug)) };
  }

  /**
   * The `categories` setting for the categories the articles use and those
   * above them, parents first: each with WordPress's slug (so that
   * /category/<slug>/ is the address it had), its description and parent.
   */
  settings(used: ReadonlySet<string>): CategoryEntry[] {
    const wanted = new Set([...used].flatMap((slug) => [slug, ...this.ancestors(slug)]));
    const entries: CategoryEntry[] = [];
    const add = (slug: string): void => {
      const category = this.#bySlug.get(slug);
      if (category === undefined || entries.some((entry) => entry.slug === ourSlug(slug))) return;
      const parent = this.ancestors(slug)[0];
      if (parent !== undefined) add(parent);
      entries.push({
        name: category.name,
        slug: ourSlug(slug),
        ...(category.description === "" ? {} : { description: category.description }),
        ...(parent === undefined ? {} : { parent: ourSlug(parent) }),
      });
    };
    for (const slug of [...wanted].sort()) add(slug);
    return entries;
  }

  /** WordPress's address of a category: its parents' slugs, then its own. */
  path(slug: string): string {
    return [...this.ancestors(slug).reverse(), slug].join("/");
  }
}

/** A WordPress slug as this archive writes it: decoded (non-ASCII slugs are stored percent-encoded) and through the one slug function. */
function ourSlug(wordpressSlug: string): string {
  return slugify(decodeUrlText(wordpressSlug));
}

export interface TaxonomyUse {
  /** The blog's address, whose path every old address starts with. */
  readonly blogUrl: string;
  readonly tree: CategoryTree;
  /** The categories the articles are filed under, by WordPress slug. */
  readonly categories: ReadonlySet<string>;
  /** The tags the articles carry: WordPress's slug and the name they are written with. */
  readonly tags: ReadonlyMap<string, string>;
  /** The authors of the articles: login and display name. */
  readonly authors: ReadonlyMap<string, string>;
}

/** The `redirects` setting: each WordPress listing address whose page here has another address, and the feed. */
export function taxonomyRedirects({ blogUrl, tree, categories, tags, authors }: TaxonomyUse): Record<string, string> {
  const blogPath = (pathOf(blogUrl) ?? "/").replace(/[?#].*$/, "").replace(/\/$/, "");
  const redirects: Record<string, string> = { [`${blogPath}/feed/`]: "/feed.xml" };
  // Where the blog was at a sub-path, every address is kept: built under that path, those that are the new page's own are dropped.
  const add = (from: string, to: string): void => {
    if (`${blogPath}${from}` !== to) redirects[`${blogPath}${from}`] = to;
  };
  for (const slug of new Set([...categories].flatMap((used) => [used, ...tree.ancestors(used)])))
    add(`/category/${tree.path(slug)}/`, `/category/${ourSlug(slug)}/`);
  for (const [slug, name] of tags) add(`/tag/${slug}/`, `/tag/${slugify(name)}/`);
  for (const [login, name] of authors) add(`/author/${slugify(login)}/`, `/author/${slugify(name)}/`);
  return redirects;
}

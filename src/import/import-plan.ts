import type { ZoneGuess } from "./import-dates.ts";
import type { ImportedArticle } from "./imported-article.ts";

/** What an import will write, before anything is written. */
export interface ImportPlan {
  /** The source, in the report's first line. */
  readonly description: string;
  readonly articles: readonly ImportedArticle[];
  /** Items of the source by kind and status ("post publish", "attachment inherit"). */
  readonly items: ReadonlyMap<string, number>;
  /** Items not imported, by why ("attachment", "page (give --pages)"). */
  readonly skipped: ReadonlyMap<string, number>;
  readonly comments: number;
  readonly zone: ZoneGuess;
  /** What the report says of the whole import, as warnings (a feed of summaries only). */
  readonly notices?: readonly string[];
  /** Settings for a new settings file (title, language...), besides the time zone; categories and redirects join an existing one. */
  readonly siteSettings: SiteSettings;
}

/** What an import knows of the site: its name and language, and (WordPress) its categories and the old addresses of its listing pages. */
export interface SiteSettings {
  readonly title?: string;
  readonly description?: string;
  readonly language?: string;
  readonly categories?: readonly { readonly name: string; readonly slug: string; readonly description?: string; readonly parent?: string }[];
  readonly redirects?: Readonly<Record<string, string>>;
}

const LANGUAGE_TAG = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

/** The settings a new settings file gets from what the source says about its site. */
export function siteSettingsOf(site: { readonly title: string; readonly description: string; readonly language: string }): SiteSettings {
  return {
    ...(site.title === "" ? {} : { title: site.title }),
    ...(site.description === "" ? {} : { description: site.description }),
    ...(LANGUAGE_TAG.test(site.language) ? { language: site.language } : {}),
  };
}

/**
 * Two articles of one day with one slug would have one URL, which the build
 * refuses. WordPress keeps slugs apart with "-2"; the later article gets
 * that here too, with a warning (its old URL still redirects to it).
 */
export function distinctUrls(articles: readonly ImportedArticle[]): ImportedArticle[] {
  const taken = new Set<string>();
  return articles.map((article) => {
    const base = article.frontMatter.slug;
    let slug = base;
    for (let counter = 2; taken.has(`${article.day}/${slug}`); counter += 1) slug = `${base}-${counter}`;
    taken.add(`${article.day}/${slug}`);
    if (slug === base) return article;
    const warning = `has the slug "${base}" of another article of ${article.day}; it was given "${slug}"`;
    return { ...article, frontMatter: { ...article.frontMatter, slug }, warnings: [...article.warnings, warning] };
  });
}

import type { Category } from "../core/article.ts";
import { error, warning, type Diagnostic } from "../core/diagnostics.ts";
import type { Settings } from "../core/settings.ts";
import { slugify } from "../core/slugs.ts";

/** What the category of an article depends on: its file, and the category it names. */
interface CategorisedFields {
  readonly sourcePath: string;
  readonly categoryName?: string;
}

/**
 * Files each article under its category: the one it names, or the default
 * one. Articles whose category has nothing a URL can hold are left out with
 * an error. Returns the articles kept, each with its category, and a
 * function that orders the categories the published articles use.
 */
export function categorise<T extends { readonly fields: CategorisedFields }>(
  candidates: readonly T[],
  settings: Settings,
  diagnostics: Diagnostic[],
): { readonly categorised: (T & { readonly category: Category })[]; readonly ordered: (used: ReadonlySet<string>) => Category[] } {
  // Many articles share a category: each name is made into a slug once.
  const categorySlugs = new Map<string, string>();
  const slugOfCategory = (name: string): string => {
    let slug = categorySlugs.get(name);
    if (slug === undefined) categorySlugs.set(name, (slug = slugify(name)));
    return slug;
  };
  const categorySlugOf = (fields: CategorisedFields): string => slugOfCategory(fields.categoryName ?? settings.defaultCategory);
  const named = candidates.filter(({ fields }) => {
    if (categorySlugOf(fields) !== "") return true;
    diagnostics.push(error("empty-category-slug", fields.sourcePath, `the category ${JSON.stringify(fields.categoryName)} has no letters or digits to make a URL from; rename it`));
    return false;
  });
  const categoryOf = resolveCategories(named, settings, slugOfCategory, diagnostics);
  const categorised = named.map((candidate) => {
    const category = categoryOf.get(categorySlugOf(candidate.fields));
    if (category === undefined) throw new Error(`no category resolved for ${candidate.fields.sourcePath}`);
    return { ...candidate, category };
  });
  return { categorised, ordered: (used) => orderCategories([...categoryOf.values()].filter((category) => used.has(category.slug)), settings) };
}

/**
 * One category per slug: "Events", "events" and "Évents" are one category.
 * Its name comes from the settings, else from the spelling most articles use.
 */
function resolveCategories(
  candidates: readonly { readonly fields: CategorisedFields }[],
  settings: Settings,
  slugOfCategory: (name: string) => string,
  diagnostics: Diagnostic[],
): Map<string, Category> {
  const spellings = new Map<string, Map<string, string[]>>();
  const configuredBySlug = new Map(settings.categories.map((category) => [category.slug, category]));
  const configuredByNameSlug = new Map(settings.categories.map((category) => [slugify(category.name), category]));
  const defaultSlug = slugify(settings.defaultCategory);
  let uncategorised = 0;
  for (const { fields } of candidates) {
    const written = fields.categoryName ?? settings.defaultCategory;
    const slug = slugOfCategory(written);
    const files = spellings.get(slug)?.get(written) ?? [];
    files.push(fields.sourcePath);
    spellings.set(slug, (spellings.get(slug) ?? new Map<string, string[]>()).set(written, files));
    if (fields.categoryName === undefined) {
      uncategorised += 1;
      if (!settings.defaultCategoryChosen) {
        diagnostics.push(
          warning(
            "missing-category",
            fields.sourcePath,
            `has no category; it was filed under "${settings.defaultCategory}". Add "category: ..." to the front matter, or name the category of all such articles with the "defaultCategory" setting (then one warning counts them)`,
          ),
        );
      }
    }
  }
  // A default category the settings name is meant: one warning for the archive, not hundreds.
  if (uncategorised > 0 && settings.defaultCategoryChosen) {
    const some = uncategorised === 1 ? "1 article has no category and is" : `${uncategorised} articles have no category and are`;
    diagnostics.push(
      warning("missing-category", "", `${some} filed under "${settings.defaultCategory}", the "defaultCategory" setting; add "category: ..." to an article's front matter to file it elsewhere`),
    );
  }
  const categories = new Map<string, Category>();
  for (const [slug, byName] of spellings) {
    const configured = configuredBySlug.get(slug) ?? configuredByNameSlug.get(slug);
    const ranked = [...byName.entries()].sort((a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1));
    const name = configured?.name ?? (slug === defaultSlug ? settings.defaultCategory : (ranked[0]?.[0] ?? slug));
    categories.set(slug, { slug: configured?.slug ?? slug, name });
    if (byName.size > 1) {
      for (const [spelling, files] of ranked) {
        if (spelling === name) continue;
        const example = files[0] ?? "";
        diagnostics.push(
          warning("category-spelling", example, `the category "${spelling}" (in ${files.length} article(s)) differs from "${name}" only in case, accents or punctuation; both are filed under "${name}". Write one spelling`),
        );
      }
    }
  }
  return categories;
}

function orderCategories(categories: Category[], settings: Settings): Category[] {
  const position = new Map(settings.categories.map((category, index) => [category.slug, index]));
  return categories.sort((a, b) => {
    const pa = position.get(a.slug) ?? Number.MAX_SAFE_INTEGER;
    const pb = position.get(b.slug) ?? Number.MAX_SAFE_INTEGER;
    return pa - pb || a.name.localeCompare(b.name, "en");
  });
}


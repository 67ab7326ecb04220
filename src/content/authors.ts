import { createHash } from "node:crypto";
import type { Author } from "../core/article.ts";
import { warning, type Diagnostic } from "../core/diagnostics.ts";
import type { AuthorSetting, Settings } from "../core/settings.ts";
import { slugify } from "../core/slugs.ts";

/**
 * Who wrote each article, from the names its front matter gives: one author
 * per slug, so that "Ann Lee" and "ann lee" share a page. The `authors`
 * setting, keyed by the name as written (or its slug), gives the display
 * name, bio, URL and slug, and the other names the same person is written
 * by (`aliases`: "Isaac Schlueter" for "Isaac Z. Schlueter"); otherwise the
 * spelling most articles use is the name. A name with nothing a URL can
 * hold has no page, with a warning.
 */
export function resolveAuthors(articles: readonly { readonly sourcePath: string; readonly authors: readonly string[] }[], settings: Settings, diagnostics: Diagnostic[]): (names: readonly string[]) => Author[] {
  const configured = new Map<string, { readonly key: string; readonly setting: AuthorSetting }>();
  for (const [key, setting] of Object.entries(settings.authors)) {
    for (const name of [key, ...(setting.aliases ?? [])]) {
      if (!configured.has(name)) configured.set(name, { key, setting });
      const slug = slugify(name);
      if (slug !== "" && !configured.has(slug)) configured.set(slug, { key, setting });
    }
  }
  const settingOf = (name: string): { readonly key: string; readonly setting: AuthorSetting } | undefined => configured.get(name) ?? configured.get(slugify(name));
  const slugOfName = (name: string): string => {
    const entry = settingOf(name);
    return shortened(entry === undefined ? slugify(name) : slugify(entry.setting.slug ?? entry.key));
  };

  // Every spelling of each author, with the files that use it, in the order first met.
  const spellings = new Map<string, Map<string, string[]>>();
  for (const { sourcePath, authors } of articles) {
    for (const name of authors) {
      const key = slugOfName(name) || name;
      const bySpelling = spellings.get(key) ?? new Map<string, string[]>();
      bySpelling.set(name, [...(bySpelling.get(name) ?? []), sourcePath]);
      spellings.set(key, bySpelling);
    }
  }
  const authorOf = new Map<string, Author>();
  for (const bySpelling of spellings.values()) {
    const ranked = [...bySpelling.entries()].sort((a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1));
    const [written = "", files = []] = ranked[0] ?? [];
    const entry = settingOf(written);
    const slug = slugOfName(written);
    const aliased = entry !== undefined && [...bySpelling.keys()].some((spelling) => entry.setting.aliases?.includes(spelling) === true);
    const author: Author = {
      slug,
      // Named by an alias, the person is named as the settings' key spells them.
      name: entry?.setting.name ?? (aliased ? entry.key : written),
      ...(entry?.setting.bio === undefined || entry.setting.bio === "" ? {} : { bio: entry.setting.bio }),
      ...(entry?.setting.url === undefined ? {} : { url: entry.setting.url }),
    };
    for (const spelling of bySpelling.keys()) authorOf.set(spelling, author);
    if (slug === "") {
      diagnostics.push(
        warning("author-without-slug", files[0] ?? "", `the author "${written}" has no letter or digit a URL can hold, so they have no author page; give them a "slug" in the "authors" setting ("authors": {${JSON.stringify(written)}: {"slug": "..."}})`),
      );
    }
    for (const [spelling, spellingFiles] of ranked.slice(1)) {
      if (entry !== undefined && (entry.setting.name !== undefined || aliased)) continue;
      diagnostics.push(
        warning("author-spelling", spellingFiles[0] ?? "", `the author "${spelling}" (in ${spellingFiles.length} article(s)) differs from "${written}" only in case, accents or punctuation; both are shown as "${written}". Write one spelling, or name them in the "authors" setting`),
      );
    }
  }
  return (names) => names.map((name) => authorOf.get(name) ?? { slug: slugOfName(name), name });
}

const LONGEST_SLUG = 80;

/**
 * A slug short enough for a readable address and a file name: a long one
 * (several names with their affiliations in one text) is cut at a hyphen
 * and given a few characters of its hash, so that two long ones stay apart.
 */
function shortened(slug: string): string {
  if (slug.length <= LONGEST_SLUG) return slug;
  const cut = slug.slice(0, LONGEST_SLUG - 7);
  const hash = createHash("sha256").update(slug).digest("hex").slice(0, 6);
  return `${cut.slice(0, cut.lastIndexOf("-") > 0 ? cut.lastIndexOf("-") : cut.length)}-${hash}`;
}

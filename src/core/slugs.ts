import slugifyText from "@sindresorhus/slugify";

/**
 * Slugs already made, by text: every load of an archive slugifies each
 * article's title, category and tags again (under `npm start`, after every
 * edit), and transliterating is slow. Bounded, so that a long session over
 * many archives does not keep every text it ever saw.
 */
const made = new Map<string, string>();
const MOST_KEPT = 200_000;

/**
 * The one slug function: lower case, ASCII letters, digits and single dashes.
 * Accents are transliterated ("Événements" → "evenements") so that spellings
 * differing only in case or accents share a slug.
 */
export function slugify(text: string): string {
  let slug = made.get(text);
  if (slug === undefined) {
    slug = slugifyText(text, { decamelize: false });
    if (made.size >= MOST_KEPT) made.clear();
    made.set(text, slug);
  }
  return slug;
}

/** Why a slug written by an author cannot be used, or undefined when it can. */
export function unsafeSlugReason(raw: string): string | undefined {
  if (raw.includes("\0")) return "contains a NUL byte";
  if (/%2e|%2f|%5c/i.test(raw)) return "contains an encoded dot or slash (%2e, %2f, %5c)";
  if (raw.includes("/") || raw.includes("\\")) return "contains a slash; a slug is one URL segment";
  if (raw.includes("..")) return "contains '..'";
  return undefined;
}

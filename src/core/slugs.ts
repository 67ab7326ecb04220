import slugifyText from "@sindresorhus/slugify";

/**
 * The one slug function: lower case, ASCII letters, digits and single dashes.
 * Accents are transliterated ("Événements" → "evenements") so that spellings
 * differing only in case or accents share a slug.
 */
export function slugify(text: string): string {
  return slugifyText(text, { decamelize: false });
}

/** Why a slug written by an author cannot be used, or undefined when it can. */
export function unsafeSlugReason(raw: string): string | undefined {
  if (raw.includes("\0")) return "contains a NUL byte";
  if (/%2e|%2f|%5c/i.test(raw)) return "contains an encoded dot or slash (%2e, %2f, %5c)";
  if (raw.includes("/") || raw.includes("\\")) return "contains a slash; a slug is one URL segment";
  if (raw.includes("..")) return "contains '..'";
  return undefined;
}

/**
 * The slug functions of Jekyll and Hugo, so that an archive moved from one of
 * them keeps its URLs byte for byte. Each is the tool's own rule, checked
 * against the tool itself (tests/integration/permalink-tools.test.ts).
 */

/** Jekyll's slugify modes that permalinks use ("default" for :slug, "pretty" for :title). */
type JekyllSlugMode = "default" | "pretty";

const JEKYLL_REPLACED: Readonly<Record<JekyllSlugMode, RegExp>> = {
  default: /[^\p{M}\p{L}\p{Nd}]+/gu,
  // "._~!$&'()+,;=@" are readable in a URL and allowed in file names.
  pretty: /[^\p{M}\p{L}\p{Nd}._~!$&'()+,;=@]+/gu,
};

/**
 * Jekyll's `Utils.slugify`: runs of other characters become one hyphen, one
 * hyphen is trimmed from each end, and the result is lower case unless `cased`.
 */
export function jekyllSlugify(text: string, mode: JekyllSlugMode, cased: boolean): string {
  // Ruby's ^ and $ match at every line; a slug has no line breaks left by then.
  const slug = text.replace(JEKYLL_REPLACED[mode], "-").replace(/^-|-$/g, "");
  return cased ? slug : slug.toLowerCase();
}

/**
 * Hugo's `urlize` (0.111: `PathSpec.UnicodeSanitize`, then lower case): letters,
 * digits, marks and `. / \ _ # + ~ - @` are kept, as is `%` before two hex
 * digits; white space becomes one hyphen unless a hyphen is next to it; all
 * else is dropped.
 */
export function hugoUrlize(text: string): string {
  return goLowerCase(hugoSanitize(text));
}

/**
 * The path Hugo writes a page to once its permalink is expanded: the whole
 * path is unescaped as a query string ("+" is a space, "%41" is "A") and
 * sanitized and lower-cased again, then cleaned as a path.
 */
export function hugoTargetPath(expanded: string): string {
  return goLowerCase(hugoSanitize(unescapeQuery(expanded)));
}

function hugoSanitize(text: string): string {
  const source = [...text];
  let target = "";
  let prependHyphen = false;
  let wasHyphen = false;
  source.forEach((char, index) => {
    const allowed = /[./\\_#+~\-@\p{L}\p{Nd}\p{M}]/u.test(char) || (char === "%" && isHex(source[index + 1]) && isHex(source[index + 2]));
    if (allowed) {
      wasHyphen = char === "-";
      if (prependHyphen && !wasHyphen) target += "-";
      prependHyphen = false;
      target += char;
    } else if (target !== "" && !wasHyphen && isGoSpace(char)) {
      prependHyphen = true;
    }
  });
  return target;
}

function isHex(char: string | undefined): boolean {
  return char !== undefined && /^[0-9a-f]$/i.test(char);
}

/** Go's `unicode.IsSpace`: JavaScript's white space less the byte-order mark. */
function isGoSpace(char: string): boolean {
  return char !== "\uFEFF" && /^\s$/u.test(char);
}

/** Go's `strings.ToLower`: letter by letter, so a final sigma stays σ, and İ becomes i. */
function goLowerCase(text: string): string {
  return [...text].map((char) => (char === "\u0130" ? "i" : char.toLowerCase())).join("");
}

/** Go's `url.QueryUnescape`, as Hugo applies it to a page's path; text that is not valid escaping is kept as written. */
export function unescapeQuery(text: string): string {
  const spaced = text.replaceAll("+", " ");
  try {
    return decodeURIComponent(spaced);
  } catch {
    return spaced;
  }
}

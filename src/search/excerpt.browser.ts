// A result's excerpt: the stretch of an article's text with the most matched
// words, the words marked.
import { escapeMarkup } from "../core/escape.browser.ts";
import { isNumberTerm, numberTermsOf } from "../text/numbers.browser.ts";
import { tokenize } from "../text/words.browser.ts";

const EXCERPT_WORDS = 30;

/**
 * The stretch of EXCERPT_WORDS words holding the most matches, escaped, with
 * each word that starts with a matched stem in <mark>, and each number whose
 * number terms hold a matched one ("18" for "nv18z").
 */
export function excerptOf(text: string, stems: readonly string[]): string {
  const tokens = tokenize(text);
  const numberStems = new Set(stems.filter(isNumberTerm));
  const matches = (word: string): boolean =>
    stems.some((stem) => word.startsWith(stem)) ||
    (numberStems.size > 0 && numberTermsOf(word).some((term) => [term.own, ...term.lines].some((own) => numberStems.has(own))));
  const marked = tokens.map((token) => matches(token.word));
  let bestStart = 0;
  let best = -1;
  let count = 0;
  for (let index = 0; index < tokens.length; index += 1) {
    if (marked[index] === true) count += 1;
    if (index >= EXCERPT_WORDS && marked[index - EXCERPT_WORDS] === true) count -= 1;
    if (count > best) {
      best = count;
      bestStart = Math.max(0, index - EXCERPT_WORDS + 1);
    }
  }
  const shown = tokens.slice(bestStart, bestStart + EXCERPT_WORDS);
  const first = shown[0];
  const last = shown[shown.length - 1];
  if (first === undefined || last === undefined) return "";
  let html = "";
  let cursor = first.start;
  for (const [offset, token] of shown.entries()) {
    html += escapeMarkup(text.slice(cursor, token.start));
    const original = escapeMarkup(text.slice(token.start, token.end));
    html += marked[bestStart + offset] === true ? `<mark>${original}</mark>` : original;
    cursor = token.end;
  }
  return html;
}

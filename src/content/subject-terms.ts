import { createRequire } from "node:module";
import type { Token } from "markdown-it";
import type { WeightedTerms } from "../core/article.ts";

/**
 * What an article is about, as words with weights, for finding the articles
 * on the same subject (model/related.ts): the words of its title, summary
 * and body, folded (lower case, no accents), without words that say nothing
 * of a subject, stemmed in English ("releases" and "released" are
 * "releas"), each weighted by how often it occurs and where (a title's word
 * counts three times, a summary's twice). Code is left out: identifiers and
 * commit lists say little of what an article is about.
 */

/** How many of a body's words are kept, the most frequent: enough to say what it is about, few enough to keep 100,000 articles in memory. */
const BODY_WORDS_KEPT = 64;
/** How many words of an article's subject are kept, the heaviest. */
const SUBJECT_TERMS_KEPT = 48;
const TITLE_WEIGHT = 3;
const SUMMARY_WEIGHT = 2;

/** English words that occur in any article whatever its subject. */
const STOP_WORDS = new Set(
  (
    "about above after again against all also and any are because been before being below between both but can could did does doing down during each " +
    "few for from further had has have having her here hers herself him himself his how however into its itself just let like more most much must " +
    "need new now off once only other our ours ourselves out over own same she should some such than that the their theirs them themselves then there " +
    "these they this those through too under until very was way were what when where which while who whom why will with would you your yours " +
    "yourself yourselves one two use used using make made many well get got may might not via per etc"
  ).split(" "),
);

const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}]*/gu;
/** A web address written out in a text (a release note's downloads): its parts are no words of the text. */
const WEB_ADDRESS = /\b(?:https?|ftp):\/\/\S+/gi;

/** A version number ("22.9.0", "v1.17"): the words of its line ("v22", "v22.9") say what a release note is about. */
const VERSION = /(?<![\p{L}\p{N}.])v?(\d+)\.(\d+)(?:\.\d+)*(?![\p{L}\p{N}])/gu;

/**
 * Adds the words of a text to counts, each counting `weight`: folded,
 * without web addresses, stop words, words under three characters or
 * numbers alone; a version number counts as its major and minor lines.
 */
export function countWords(text: string, weight: number, counts: Map<string, number>): void {
  const add = (word: string): void => {
    counts.set(word, (counts.get(word) ?? 0) + weight);
  };
  const prose = text.replace(WEB_ADDRESS, " ");
  for (const [, major = "", minor = ""] of prose.matchAll(VERSION)) {
    add(`v${major}`);
    add(`v${major}.${minor}`);
  }
  for (const [written] of prose.matchAll(WORD)) {
    const folded = written.toLowerCase();
    const word = /[^\x00-\x7f]/.test(folded) ? folded.normalize("NFD").replace(/\p{M}+/gu, "") : folded;
    if (word.length < 3 || /^\d+$/.test(word) || STOP_WORDS.has(word)) continue;
    add(word);
  }
}

/** The heaviest `count` terms, heaviest first (by term on a tie, so that the result does not depend on the order of the text). */
export function heaviest(counts: ReadonlyMap<string, number>, count: number): WeightedTerms {
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).slice(0, count);
}

/** A commit hash: 7 to 40 hexadecimal characters, a digit and a letter among them. */
const COMMIT_HASH = /^(?=[0-9a-f]*\d)(?=[0-9a-f]*[a-f])[0-9a-f]{7,40}$/;

/**
 * The words of a rendered body's text, from its Markdown tokens, the most
 * frequent first: paragraphs, headings, lists, tables and the text of raw
 * HTML (its tags left out); not code, nor the list items naming a commit (a
 * release note's list of commits names every part of the code it touched
 * and who touched it, which says little of what the article is about).
 */
export function bodyWords(tokens: readonly Token[]): WeightedTerms {
  const counts = new Map<string, number>();
  const visit = (list: readonly Token[]): void => {
    for (const token of list) {
      if (token.type === "text") countWords(token.content, 1, counts);
      else if (token.type === "html_block" || token.type === "html_inline") countWords(textOfHtml(token.content), 1, counts);
      else if (token.children !== null) visit(token.children);
    }
  };
  for (let index = 0; index < tokens.length; index += 1) {
    const token = tokens[index] as Token;
    if (token.type !== "list_item_open") {
      visit([token]);
      continue;
    }
    const close = tokens.findIndex((other, at) => at > index && other.type === "list_item_close" && other.level === token.level);
    const end = close === -1 ? tokens.length : close;
    const item = tokens.slice(index + 1, end);
    if (!item.some(namesCommit)) visit(item);
    index = end;
  }
  return heaviest(counts, BODY_WORDS_KEPT);
}

/** Whether a block token's inline content names a commit: its hash as code, or a link to it. */
function namesCommit(token: Token): boolean {
  return (token.children ?? []).some(
    (child) => (child.type === "code_inline" && COMMIT_HASH.test(child.content.trim())) || (child.type === "link_open" && /\/commit\/[0-9a-f]{7,40}/.test(String(child.attrGet("href") ?? ""))),
  );
}

/** The text of a piece of raw HTML: tags, comments and the contents of scripts, styles and code blocks left out. */
function textOfHtml(html: string): string {
  return html
    .replace(/<(script|style|pre|code)\b[\s\S]*?<\/\1\s*>/gi, " ")
    .replace(/<!--[\s\S]*?-->|<[^>]*>/g, " ")
    .replace(/&[#\w]+;/g, " ");
}

/** A stemmer for a language tag: Porter2 for English, none (words as written) for other languages. */
export function stemmerFor(language: string): (word: string) => string {
  if (language.split("-")[0]?.toLowerCase() !== "en") return (word) => word;
  // The package ships no types: its export is checked once here.
  const porter2: unknown = createRequire(import.meta.url)("wink-porter2-stemmer");
  if (typeof porter2 !== "function") throw new Error("wink-porter2-stemmer exports no stemmer function");
  const stems = new Map<string, string>();
  return (word) => {
    let stem = stems.get(word);
    if (stem === undefined) {
      stem = String(porter2(word));
      stems.set(word, stem);
    }
    return stem;
  };
}

/** An article's subject: its title's, summary's and body's words (see `bodyWords`), stemmed, weighted, the heaviest kept. */
export function subjectTerms(title: string, summary: string | undefined, body: WeightedTerms, stem: (word: string) => string): WeightedTerms {
  const words = new Map<string, number>(body);
  countWords(title, TITLE_WEIGHT, words);
  if (summary !== undefined) countWords(summary, SUMMARY_WEIGHT, words);
  const stemmed = new Map<string, number>();
  for (const [word, weight] of words) {
    const term = stem(word);
    stemmed.set(term, (stemmed.get(term) ?? 0) + weight);
  }
  return heaviest(stemmed, SUBJECT_TERMS_KEPT);
}

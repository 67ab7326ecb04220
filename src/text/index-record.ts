// An article's index record: everything the search index needs of it, read
// once from the article as it is rendered when the archive is loaded, and
// kept in the build cache beside its rendered body, so that an unchanged
// article is never read for the index again. The index is assembled from
// these records alone (search/index-build.ts); model/related.ts reads an
// article's weighted terms from its record too.
//
// A record is plain data (strings and typed arrays), stored with the V8
// serializer and held for every article of an archive, so its terms are one
// string rather than a string each.
import { type AttributeListener, htmlSegments, lineTermWeight } from "./html-text.ts";
import type { Stemmer } from "./stemmers.ts";
import { partWeight, readWritten, WEIGHT_UNIT, writtenWordsOf } from "./words.browser.ts";

export interface IndexRecord {
  /** The stemmer its words were cut with (text/stemmers.ts: "en", or "" for none). */
  readonly language: string;
  /** Its stems and number terms, each once, joined by spaces. */
  readonly terms: string;
  /** The weight of each term in `terms`, in WEIGHT_UNITs: 24 for each word of the text, 240 for a word of the title. */
  readonly weights: Uint32Array;
  /** For each term of `terms`: 1 when the title holds it. */
  readonly inTitle: Uint8Array;
  /** For each term of `terms`: the first written form of it, folded ("procurement" for "procur"); "" for a number term. Joined by spaces. */
  readonly forms: string;
  /** How many words the article has, as the ranking counts its length. */
  readonly length: number;
  /** The title, then the body's text: what excerpts are cut from. */
  readonly text: string;
  /** Its words in reading order, as indexes into `terms` (PHRASE_BREAK between the title and the body), for phrases. */
  readonly sequence: Uint16Array | Uint32Array;
}

/** The title weighs ten words of the body. */
export const TITLE_WEIGHT = 10 * WEIGHT_UNIT;

/** The value between the title's words and the body's in a record's sequence: no phrase spans it. */
export function phraseBreak(sequence: Uint16Array | Uint32Array): number {
  return sequence instanceof Uint16Array ? 0xffff : 0xffffffff;
}

/** What a record is made from: the article's title and its body as rendered. */
interface RecordSource {
  readonly title: string;
  readonly bodyHtml: string;
  /** Told of each attribute of the body, read in the same parse (see `htmlSegments`). */
  readonly onAttribute?: AttributeListener;
}

/**
 * The record of an article, its words cut with `stem` (the stemmer of
 * `language`). Each written word counts whole and, for a compound
 * ("life-cycle", "secureContext"), in its parts sharing its weight; each of
 * its numbers counts as its number term and, in the body, as the terms of
 * its version's lines, weighing a quarter (numbers.browser.ts). The title's words
 * weigh TITLE_WEIGHT.
 */
export function indexRecord(source: RecordSource, language: string, stem: Stemmer): IndexRecord {
  const places = new Map<string, number>();
  const weights: number[] = [];
  const inTitle: number[] = [];
  const forms: string[] = [];
  const sequence: number[] = [];
  let length = 0;
  const add = (term: string, weight: number, form: string, title: boolean): number => {
    let place = places.get(term);
    if (place === undefined) {
      place = weights.length;
      places.set(term, place);
      weights.push(0);
      inTitle.push(0);
      forms.push(form);
    }
    weights[place] = (weights[place] ?? 0) + weight;
    if (title) inTitle[place] = 1;
    return place;
  };
  const read = (writtenWords: readonly string[], weight: number, title: boolean): void => {
    const lineWeight = lineTermWeight(weight);
    for (const written of writtenWords) {
      const word = readWritten(written);
      if (word.whole === "") continue;
      length += 1 + word.numbers.length;
      // A number is searched by its number term alone: its digits as a word would never be looked up.
      const wholePlace = word.isNumber ? -1 : add(stem(word.whole), weight, word.whole, title);
      if (word.parts.length === 0 && word.numbers.length === 0) {
        sequence.push(wholePlace);
        continue;
      }
      const share = partWeight(weight, word.parts.length);
      const partPlaces = word.parts.map((part) => add(stem(part), share, part, title));
      let numberPlace = -1;
      for (const number of word.numbers) {
        numberPlace = add(number.own, weight, "", title);
        if (title) continue;
        length += number.lines.length;
        for (const line of number.lines) add(line, lineWeight, "", false);
      }
      // The tokens a phrase is matched by (readWritten): the number it is, else its parts, else its whole.
      if (word.isNumber) sequence.push(numberPlace);
      else if (word.parts.length > 1) sequence.push(...partPlaces);
      else sequence.push(wholePlace);
    }
  };
  read(writtenWordsOf(source.title), TITLE_WEIGHT, true);
  const titleWords = sequence.length;
  const segments = htmlSegments(source.bodyHtml, source.onAttribute);
  // A segment's words are one space apart already (htmlSegments).
  for (const segment of segments) read(segment.text.split(" "), segment.weight, false);
  const terms = [...places.keys()];
  const wide = terms.length >= 0xffff;
  const ordered = wide ? new Uint32Array(sequence.length + 1) : new Uint16Array(sequence.length + 1);
  ordered.set(sequence.slice(0, titleWords), 0);
  ordered[titleWords] = phraseBreak(ordered);
  ordered.set(sequence.slice(titleWords), titleWords + 1);
  return {
    language,
    terms: terms.join(" "),
    weights: Uint32Array.from(weights),
    inTitle: Uint8Array.from(inTitle),
    forms: forms.join(" "),
    length,
    text: `${source.title}. ${segments.map((segment) => segment.text).join(" ")}`,
    sequence: ordered,
  };
}

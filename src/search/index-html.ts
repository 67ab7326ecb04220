// What the search indexes of a page, beyond what the reader sees: the page
// as written, with two changes made for the index alone (the published page
// keeps neither).
//
// - Numbers get their number terms (numbers.ts), so that numbers and versions
//   are matched whole.
// - Long machine-generated lists weigh little: a list whose items nearly all
//   name a commit hash (the "Commits" of release notes) or a block of
//   checksums counts a tenth of ordinary text. Its words still find the page,
//   but a page does not rank on hundreds of pull-request titles.
import { Parser } from "htmlparser2";
import { escapeMarkup } from "../core/escape.ts";
import { LINE_WEIGHT, numberTermsOf } from "./numbers.ts";
import { WEIGHT_UNIT } from "./words.ts";

/** How much the words of a machine-generated list count, as `data-pagefind-weight` (ordinary text is 1). */
export const MACHINE_LIST_WEIGHT = 0.1;
/** A list or block shorter than this is read as written by hand, whatever it holds. */
const MACHINE_LIST_MIN_ITEMS = 8;
/** The share of items naming a hash that makes a list machine-generated. */
const MACHINE_LIST_SHARE = 0.8;
/** A commit hash or checksum: 7 to 64 hexadecimal characters, with a digit and a letter among them. */
const HASH = /(?<![\p{L}\p{N}])(?=[0-9a-f]*\d)(?=[0-9a-f]*[a-f])[0-9a-f]{7,64}(?![\p{L}\p{N}])/u;
/** Pagefind leaves out the text of these, and so does the portable index. */
export const UNINDEXED: ReadonlySet<string> = new Set(["script", "style", "template", "noscript"]);
/** Pagefind weighs the words of a heading by its level, unless an element around it set a weight. */
const HEADING_WEIGHTS: Readonly<Record<string, number>> = { h1: 7, h2: 6, h3: 5, h4: 4, h5: 3, h6: 2 };
/** The most `data-pagefind-weight` can give, as Pagefind clamps it. */
const MOST_WEIGHT = 10;

/** The weight of an element's words, in Pagefind's units, and whether it or an element around it set one. */
export interface ElementWeight {
  readonly weight: number;
  readonly weighted: boolean;
}

/**
 * The weight of an element's words as Pagefind reads it: its own
 * `data-pagefind-weight` (clamped to 10, in units of 24, at least 1 unless 0
 * or less), else a heading's by its level outside any weighted element, else
 * its parent's.
 */
export function elementWeight(name: string, attributes: Readonly<Record<string, string>>, parent: ElementWeight | undefined): ElementWeight {
  const explicit = attributes["data-pagefind-weight"];
  if (explicit !== undefined) {
    const value = Number.parseFloat(explicit);
    const weight = Number.isNaN(value) ? WEIGHT_UNIT : value <= 0 ? 0 : Math.max(1, Math.floor(Math.min(value, MOST_WEIGHT) * WEIGHT_UNIT));
    return { weight, weighted: true };
  }
  const heading = HEADING_WEIGHTS[name];
  if (heading !== undefined) return parent?.weighted === true ? { weight: parent.weight, weighted: true } : { weight: heading * WEIGHT_UNIT, weighted: true };
  return { weight: parent?.weight ?? WEIGHT_UNIT, weighted: parent?.weighted ?? false };
}

/** The weight of the line terms of numbers in text of this weight (numbers.ts), in Pagefind's units. */
export function lineTermWeight(weight: number): number {
  return weight === 0 ? 0 : Math.max(1, Math.floor(weight * LINE_WEIGHT));
}

export interface IndexHtmlOptions {
  /** Add number terms after the numbers of the text (Pagefind's copy); the portable index adds them to its words itself. */
  readonly numberTerms: boolean;
}

/** An open element: whether it is in the indexed body, whether its text is left alone or is meta, and the weight of its words. */
interface OpenElement extends ElementWeight {
  readonly name: string;
  readonly body: boolean;
  /** Its text is not searched (scripts) or is a filter value, which must stay as written. */
  readonly skip: boolean;
  /** Its text is a meta value (title, date): no line terms there, as meta takes a number's own term alone. */
  readonly meta: boolean;
}

/** An open list or preformatted block, and what is known of its items (lines, for a block) so far. */
interface Block {
  readonly name: string;
  /** Where an attribute can be added to its start tag: the index of its ">". */
  readonly tagEnd: number;
  readonly items: string[];
}

/**
 * The page as the search should index it: numbers followed by their number
 * terms (inside `data-pagefind-body`, never in a filter's text, which is a
 * filter value), and machine-generated lists given a low weight. The HTML is
 * otherwise left as it is.
 */
export function htmlForIndex(html: string, { numberTerms }: IndexHtmlOptions): string {
  const edits: { at: number; end: number; text: string }[] = [];
  const open: OpenElement[] = [];
  const blocks: Block[] = [];
  let pending: { start: number; end: number; text: string } | undefined;
  const flush = (): void => {
    const element = open[open.length - 1];
    if (pending !== undefined && element !== undefined) {
      const rewritten = indexedText(pending.text, element.meta ? undefined : lineTermWeight(element.weight));
      if (rewritten !== escapeMarkup(pending.text)) edits.push({ at: pending.start, end: pending.end, text: rewritten });
    }
    pending = undefined;
  };
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        flush();
        const parent = open[open.length - 1];
        open.push({
          name,
          ...elementWeight(name, attributes, parent),
          body: (parent?.body ?? false) || "data-pagefind-body" in attributes,
          skip: (parent?.skip ?? false) || UNINDEXED.has(name) || takesTextAsFilter(attributes["data-pagefind-filter"]),
          meta: (parent?.meta ?? false) || "data-pagefind-meta" in attributes,
        });
        if ((name === "ul" || name === "ol" || name === "pre") && !("data-pagefind-weight" in attributes)) blocks.push({ name, tagEnd: parser.endIndex, items: [] });
        if (name === "li") blocks.findLast((block) => block.name !== "pre")?.items.push("");
      },
      onclosetag(name) {
        flush();
        if (open.pop()?.name !== name) return;
        const block = blocks[blocks.length - 1];
        if (block?.name !== name) return;
        blocks.pop();
        if (isMachineGenerated(name === "pre" ? (block.items[0] ?? "").split("\n") : block.items)) {
          edits.push({ at: block.tagEnd, end: block.tagEnd, text: ` data-pagefind-weight="${MACHINE_LIST_WEIGHT}"` });
        }
      },
      ontext(text) {
        const element = open[open.length - 1];
        if (element?.skip === true) return;
        for (const block of blocks) {
          if (block.name === "pre" && block.items.length === 0) block.items.push("");
          block.items[block.items.length - 1] += text;
        }
        if (!numberTerms || element?.body !== true) return;
        const start = parser.startIndex;
        const end = parser.endIndex + 1;
        if (pending !== undefined && pending.end === start) pending = { ...pending, end, text: pending.text + text };
        else {
          flush();
          pending = { start, end, text };
        }
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  flush();
  let result = "";
  let cursor = 0;
  for (const edit of edits.sort((a, b) => a.at - b.at)) {
    result += html.slice(cursor, edit.at) + edit.text;
    cursor = edit.end;
  }
  return result + html.slice(cursor);
}

/**
 * Text as HTML for the index: each number followed by its own terms and, in
 * an element of their weight (`lineWeight`, none in meta), its lines' terms.
 * The weight is written half a unit up, so that Pagefind, reading it as a
 * 32-bit float and rounding down, gets the units meant.
 */
function indexedText(text: string, lineWeight: number | undefined): string {
  return text
    .split(/(\s+)/)
    .map((written) => {
      const terms = numberTermsOf(written);
      if (terms.length === 0) return escapeMarkup(written);
      const own = escapeMarkup(`${written} ${terms.map((term) => term.own).join(" ")}`);
      const lines = terms.flatMap((term) => term.lines);
      return lineWeight === undefined || lines.length === 0 ? own : `${own} <span data-pagefind-weight="${(lineWeight + 0.5) / WEIGHT_UNIT}">${lines.join(" ")}</span>`;
    })
    .join("");
}

/**
 * Whether an element's `data-pagefind-filter` takes its text as a value
 * ("category", "tag, year:2021"), which must stay as written; one with its
 * value given ("year:2021") does not.
 */
function takesTextAsFilter(filter: string | undefined): boolean {
  if (filter === undefined) return false;
  const colon = filter.indexOf(":");
  return colon === -1 || filter.slice(0, colon).includes(",");
}

/** Whether the items of a list (or the lines of a block) are machine-generated: many, and nearly all naming a hash. */
export function isMachineGenerated(items: readonly string[]): boolean {
  const written = items.filter((item) => item.trim() !== "");
  if (written.length < MACHINE_LIST_MIN_ITEMS) return false;
  return written.filter((item) => HASH.test(item)).length >= written.length * MACHINE_LIST_SHARE;
}

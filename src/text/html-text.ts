// The text of an article's rendered body as the search reads it: stretches of
// text, each with the weight of its words. Headings weigh more by their level;
// an element's `data-pagefind-weight` (archives written for Pagefind have
// them) sets its own; `data-pagefind-ignore` and scripts are left out. A long
// machine-generated list (eight items or more, nearly all naming a commit
// hash: the "Commits" of release notes) or block (checksums) counts a tenth
// of ordinary text: its words still find the article, but an article does not
// rank on hundreds of pull-request titles. The body is parsed once.
import { Parser } from "htmlparser2";
import { LINE_WEIGHT } from "./numbers.browser.ts";
import { WEIGHT_UNIT } from "./words.browser.ts";

/** How much the words of a machine-generated list count (ordinary text is 1). */
const MACHINE_LIST_WEIGHT = 0.1;
/** A list or block shorter than this is read as written by hand, whatever it holds. */
const MACHINE_LIST_MIN_ITEMS = 8;
/** The share of items naming a hash that makes a list machine-generated. */
const MACHINE_LIST_SHARE = 0.8;
/** A commit hash or checksum: 7 to 64 hexadecimal characters, with a digit and a letter among them. */
const HASH = /(?<![\p{L}\p{N}])(?=[0-9a-f]*\d)(?=[0-9a-f]*[a-f])[0-9a-f]{7,64}(?![\p{L}\p{N}])/u;
/** Elements whose text is not read. */
const UNINDEXED: ReadonlySet<string> = new Set(["script", "style", "template", "noscript"]);
/** A heading's words weigh by its level, unless an element around it set a weight. */
const HEADING_WEIGHTS: Readonly<Record<string, number>> = { h1: 7, h2: 6, h3: 5, h4: 4, h5: 3, h6: 2 };
/** The most an element's own weight can give. */
const MOST_WEIGHT = 10;
/** Elements inside a line of text: their ends do not separate words. */
const INLINE: ReadonlySet<string> = new Set([
  "a",
  "abbr",
  "b",
  "bdi",
  "bdo",
  "cite",
  "code",
  "data",
  "del",
  "dfn",
  "em",
  "i",
  "ins",
  "kbd",
  "mark",
  "q",
  "s",
  "samp",
  "small",
  "span",
  "strong",
  "sub",
  "sup",
  "time",
  "u",
  "var",
]);

/** The weight of an element's words, in WEIGHT_UNITs, and whether it or an element around it set one. */
interface ElementWeight {
  readonly weight: number;
  readonly weighted: boolean;
}

/**
 * The weight of an element's words: its own `data-pagefind-weight` (clamped
 * to 10, in units of 24, at least 1 unless 0 or less), else a heading's by
 * its level outside any weighted element, else its parent's.
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

/** The weight of the line terms of numbers in text of this weight (numbers.browser.ts). */
export function lineTermWeight(weight: number): number {
  return weight === 0 ? 0 : Math.max(1, Math.floor(weight * LINE_WEIGHT));
}

/** A stretch of an article's text and the weight of its words. */
interface TextSegment {
  /** Its words one space apart, no space around them. */
  readonly text: string;
  readonly weight: number;
}

/** An open list or preformatted block, and its items (lines, for a block) so far. */
interface Block {
  readonly name: string;
  /** The first segment written inside it. */
  readonly firstSegment: number;
  readonly items: string[];
}

/** Told of each attribute of the HTML read: its name in lower case, its value decoded, undefined for one written without a value. */
export type AttributeListener = (name: string, value: string | undefined) => void;

/**
 * The text a reader sees in rendered HTML, in stretches of one weight, with a
 * space wherever a block ends so that words do not run together. Each
 * attribute met is told to `onAttribute`, so that one parse serves other
 * readers of the body too.
 */
export function htmlSegments(html: string, onAttribute?: AttributeListener): TextSegment[] {
  const segments: { text: string; weight: number }[] = [];
  const open: (ElementWeight & { readonly name: string; readonly skipped: boolean })[] = [];
  const blocks: Block[] = [];
  /** Segments before this one never take more text: a list that turns out machine-generated is weighed down from its first. */
  let sealed = 0;
  const append = (text: string): void => {
    const weight = open[open.length - 1]?.weight ?? WEIGHT_UNIT;
    const last = segments[segments.length - 1];
    if (last !== undefined && last.weight === weight && segments.length > sealed) last.text += text;
    else segments.push({ text, weight });
  };
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        const parent = open[open.length - 1];
        if (!INLINE.has(name)) append(" ");
        open.push({
          name,
          ...elementWeight(name, attributes, parent),
          skipped: (parent?.skipped ?? false) || UNINDEXED.has(name) || "data-pagefind-ignore" in attributes,
        });
        if ((name === "ul" || name === "ol" || name === "pre") && !("data-pagefind-weight" in attributes)) {
          sealed = segments.length;
          blocks.push({ name, firstSegment: segments.length, items: [] });
        }
        if (name === "li") blocks.findLast((block) => block.name !== "pre")?.items.push("");
      },
      onclosetag(name) {
        if (open[open.length - 1]?.name === name) open.pop();
        if (!INLINE.has(name)) append(" ");
        const block = blocks[blocks.length - 1];
        if (block?.name !== name) return;
        blocks.pop();
        if (!isMachineGenerated(name === "pre" ? (block.items[0] ?? "").split("\n") : block.items)) return;
        const weight = Math.floor(MACHINE_LIST_WEIGHT * WEIGHT_UNIT);
        for (let at = block.firstSegment; at < segments.length; at += 1) {
          const segment = segments[at];
          if (segment !== undefined && segment.weight > 0) segment.weight = weight;
        }
        sealed = segments.length;
      },
      onattribute(name, value, quote) {
        onAttribute?.(name, quote === undefined ? undefined : value);
      },
      ontext(text) {
        if (open[open.length - 1]?.skipped === true) return;
        for (const block of blocks) {
          if (block.name === "pre" && block.items.length === 0) block.items.push("");
          block.items[block.items.length - 1] += text;
        }
        append(text);
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  // A list weighed down may now stand beside text of its new weight: one stretch again.
  const merged: { text: string; weight: number }[] = [];
  for (const segment of segments) {
    const last = merged[merged.length - 1];
    if (last !== undefined && last.weight === segment.weight) last.text += segment.text;
    else merged.push({ ...segment });
  }
  return merged.map(({ text, weight }) => ({ text: text.replace(/\s+/g, " ").trim(), weight })).filter((segment) => segment.text !== "");
}

/** Whether the items of a list (or the lines of a block) are machine-generated: many, and nearly all naming a hash. */
export function isMachineGenerated(items: readonly string[]): boolean {
  const written = items.filter((item) => item.trim() !== "");
  if (written.length < MACHINE_LIST_MIN_ITEMS) return false;
  return written.filter((item) => HASH.test(item)).length >= written.length * MACHINE_LIST_SHARE;
}

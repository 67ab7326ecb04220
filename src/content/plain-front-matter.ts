// Most articles' front matter is a few `key: value` lines: a title in
// quotes, a date, a category, a list of tags. The YAML library reads such
// a block in a third of a millisecond (its document model, line counting and
// conversion), a quarter of what reading an article's file costs before its
// Markdown, on every first build. This reads that shape alone, to the same
// values the library gives with the core schema, and gives up (undefined) on
// anything else, which the library then reads: nested maps, anchors, block
// scalars, comments after a value, escapes, multi-line values, numbers other
// than plain integers, duplicate keys.

/** A front matter read: its values, and for each top-level key its line in the file and whether its value is quoted. */
interface PlainFrontMatter {
  readonly data: Record<string, unknown>;
  readonly keyLines: ReadonlyMap<string, number>;
  readonly quotedKeys: ReadonlySet<string>;
}

/** A key, of at most 1,024 characters as YAML allows an implicit key, then its value. */
const KEY_LINE = /^([A-Za-z_][A-Za-z0-9_-]{0,1023}):(?:[ ]+(.*))?$/;
const SEQUENCE_ITEM = /^([ ]*)-[ ]+(.*)$/;
/** Characters the library refuses or reads in ways this reader does not: controls, tabs, a byte-order mark, Unicode's line separators. */
const AWKWARD = /[\x00-\x09\x0b-\x1f\x7f-\x9f\ufeff\u2028\u2029]/;
/** YAML trims spaces around a value, not the other blanks JavaScript's trim() takes (a no-break space stays). */
const SPACES_AROUND = /^ +| +$/g;
/** What a plain value may not start with: YAML's indicators. Quoted values and flow lists are read before this applies. */
const INDICATOR_START = /^[-?:,[\]{}#&*!|>'"%@`]/;
const DOUBLE_QUOTED = /^"([^"\\]*)"$/;
const SINGLE_QUOTED = /^'((?:[^']|'')*)'$/;
// The core schema's plain values (the YAML library's schema/core): those read here, and those left to the library.
const NULL = /^(?:~|[Nn]ull|NULL)?$/;
const TRUE = /^(?:[Tt]rue|TRUE)$/;
const FALSE = /^(?:[Ff]alse|FALSE)$/;
const INTEGER = /^[-+]?[0-9]{1,15}$/;
/** The start of every other number of the core schema (octal, hexadecimal, floats, infinities and NaN, integers too long to be exact). */
const OTHER_NUMBER = /^(?:0o|0x|[-+]?\.|[-+]?[0-9]+(?:\.[0-9]*)?[eE]|[-+]?[0-9]+\.|[-+]?[0-9]{16})/;

/** A value as written, read; `quoted` when written in quotes. Undefined: not read here. */
type Read = { readonly value: unknown; readonly quoted: boolean } | undefined;

/** The front matter (the text between its fences, its first line `firstLine` of the file) when it is of the plain shape; undefined otherwise. */
export function readPlainFrontMatter(text: string, firstLine: number): PlainFrontMatter | undefined {
  if (AWKWARD.test(text)) return undefined;
  const lines = text.split("\n");
  const data: Record<string, unknown> = {};
  const keyLines = new Map<string, number>();
  const quotedKeys = new Set<string>();
  for (let at = 0; at < lines.length; at += 1) {
    const line = lines[at] ?? "";
    if (isBlank(line) || line.startsWith("#")) continue;
    const match = KEY_LINE.exec(line);
    const key = match?.[1];
    // A key the core schema reads as null or a boolean the library turns into text its own way.
    if (match === null || key === undefined || key === "__proto__" || NULL.test(key) || TRUE.test(key) || FALSE.test(key) || keyLines.has(key)) return undefined;
    keyLines.set(key, firstLine + at);
    const written = (match[2] ?? "").replace(SPACES_AROUND, "");
    if (written !== "") {
      const read = readValue(written, false);
      if (read === undefined) return undefined;
      data[key] = read.value;
      if (read.quoted) quotedKeys.add(key);
      continue;
    }
    // A key with nothing after it: a list of items on the lines below, or null.
    const items: unknown[] = [];
    let indent: string | undefined;
    while (at + 1 < lines.length) {
      const item = SEQUENCE_ITEM.exec(lines[at + 1] ?? "");
      if (item === null || (indent !== undefined && item[1] !== indent)) break;
      indent = item[1];
      const read = readValue((item[2] ?? "").replace(SPACES_AROUND, ""), false);
      if (read === undefined) return undefined;
      items.push(read.value);
      at += 1;
    }
    // An indented line that is not an item of the list (a nested map, a value continued) is another shape.
    const next = lines[at + 1];
    if (next !== undefined && next.startsWith(" ") && !isBlank(next)) return undefined;
    data[key] = indent === undefined ? null : items;
  }
  return { data, keyLines, quotedKeys };
}

/** A value: quoted, a flow list (`[a, b]`, not within a list), or plain. */
function readValue(written: string, inList: boolean): Read {
  const double = DOUBLE_QUOTED.exec(written);
  if (double !== null) return { value: double[1], quoted: true };
  const single = SINGLE_QUOTED.exec(written);
  if (single !== null) return { value: (single[1] ?? "").replaceAll("''", "'"), quoted: true };
  if (written.startsWith("[") && !inList) return readFlowList(written);
  if (INDICATOR_START.test(written) || written.includes(": ") || written.includes(" #") || written.endsWith(":")) return undefined;
  if (inList && /[[\]{},]/.test(written)) return undefined;
  return readPlain(written);
}

function readFlowList(written: string): Read {
  if (!written.endsWith("]")) return undefined;
  const inner = written.slice(1, -1);
  if (isBlank(inner)) return { value: [], quoted: false };
  const items: unknown[] = [];
  for (const part of inner.split(",")) {
    const item = part.replace(SPACES_AROUND, "");
    if (item === "") return undefined;
    const read = readValue(item, true);
    if (read === undefined) return undefined;
    items.push(read.value);
  }
  return { value: items, quoted: false };
}

/** A plain value as the core schema resolves it: null, a boolean, an integer or text; undefined for the other numbers. */
function readPlain(written: string): Read {
  if (NULL.test(written)) return { value: null, quoted: false };
  if (TRUE.test(written)) return { value: true, quoted: false };
  if (FALSE.test(written)) return { value: false, quoted: false };
  // At most 15 digits: exact as a number, as the library gives it ("007" is 7).
  if (INTEGER.test(written)) return { value: Number(written), quoted: false };
  if (OTHER_NUMBER.test(written)) return undefined;
  return { value: written, quoted: false };
}

function isBlank(text: string): boolean {
  return /^ *$/.test(text);
}

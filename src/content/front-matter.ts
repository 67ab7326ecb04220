import { isUtf8 } from "node:buffer";
import matter from "gray-matter";
import { isMap, isScalar, LineCounter, parseDocument, Scalar, type Document } from "yaml";
import { error, warning, type Diagnostic } from "../core/diagnostics.ts";
import { readPlainFrontMatter } from "./plain-front-matter.ts";
import { readTomlFrontMatter } from "./toml-front-matter.ts";

/** An article file split into its front matter and Markdown body. */
export interface ArticleSource {
  readonly data: Readonly<Record<string, unknown>>;
  /** Line in the file of each top-level front-matter key, for messages. */
  readonly keyLines: ReadonlyMap<string, number>;
  /** Top-level keys whose value is written in quotes, for messages about text where a flag was expected. */
  readonly quotedKeys: ReadonlySet<string>;
  /** Line of the front matter's opening delimiter. */
  readonly frontMatterLine: number;
  readonly body: string;
  /** Line of the body's first line in the file, for messages about the body. */
  readonly bodyLine: number;
}

type SourceOutcome =
  | { readonly ok: true; readonly source: ArticleSource; readonly diagnostics: readonly Diagnostic[] }
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };

const OPENING = /^-{3,}[ \t]*$/;
const CLOSING = /^(?:-{3,}|\.{3})[ \t]*$/;
/** TOML front matter, as Hugo and Zola write it. */
const TOML_FENCE = /^\+{3}[ \t]*$/;
const FRONT_MATTER_EXAMPLE = "start the file with a line '---', then 'title: ...' and 'date: YYYY-MM-DD', then a line '---'";

/**
 * Decodes an article file and reads its front matter with gray-matter: YAML
 * between `---` lines, or TOML between `+++` lines (Hugo, Zola). Dates are
 * kept as the text the author wrote, so the archive's time zone, not
 * YAML's UTC midnight, decides the calendar date.
 * Lenient about what real archives contain (a byte-order mark, CRLF, blank
 * lines before the front matter, a longer `------` opener) but says so.
 */
export function readArticleSource(bytes: Uint8Array, file: string): SourceOutcome {
  const notes: Diagnostic[] = [];
  const fail = (...diagnostics: Diagnostic[]): SourceOutcome => ({ ok: false, diagnostics: [...notes, ...diagnostics] });

  if (bytes.length === 0) return fail(error("empty-file", file, `the file is empty; ${FRONT_MATTER_EXAMPLE}, or delete the file`));
  if (bytes.includes(0)) {
    return fail(error("binary-file", file, "is a binary file, not Markdown text (it contains NUL bytes); move it out of the content folder or list it in the \"ignore\" setting"));
  }
  const invalidAt = firstInvalidUtf8Offset(bytes);
  if (invalidAt !== undefined) {
    const line = lineAtOffset(bytes, invalidAt);
    return fail(error("not-utf8", file, `is not UTF-8 text (invalid byte at offset ${invalidAt}); re-save the file as UTF-8`, line));
  }
  let text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("utf8");
  if (text.startsWith("\uFEFF")) {
    text = text.slice(1);
    notes.push(warning("bom", file, "starts with a UTF-8 byte-order mark, which was ignored; save the file without BOM to silence this"));
  }
  if (text.includes("\r")) {
    text = text.replace(/\r\n?/g, "\n");
    notes.push(warning("crlf", file, "has Windows (CRLF) line endings, which were read as LF; nothing to do unless you want to silence this"));
  }
  if (text.trim() === "") return fail(error("empty-file", file, `the file holds only blank space; ${FRONT_MATTER_EXAMPLE}, or delete the file`));

  const lines = text.split("\n");
  const openingIndex = lines.findIndex((line) => line.trim() !== "");
  const openingLine = lines[openingIndex] ?? "";
  const toml = TOML_FENCE.test(openingLine);
  if (!toml && !OPENING.test(openingLine)) {
    return fail(error("no-front-matter", file, `has no front matter, so it has no title; ${FRONT_MATTER_EXAMPLE}`, 1));
  }
  if (openingIndex > 0) {
    notes.push(warning("front-matter-position", file, `front matter starts after ${openingIndex} blank line(s), which were ignored; remove them`, openingIndex + 1));
  }
  if (!toml && openingLine.trim() !== "---") {
    notes.push(warning("front-matter-position", file, `the front matter opens with "${openingLine.trim()}"; write exactly "---"`, openingIndex + 1));
  }
  const closingOffset = lines.slice(openingIndex + 1).findIndex((line) => (toml ? TOML_FENCE : CLOSING).test(line));
  if (closingOffset < 0) {
    const fence = toml ? "+++" : "---";
    return fail(error("unclosed-front-matter", file, `the front matter opened here is never closed; add a line '${fence}' after the last front-matter key`, openingIndex + 1));
  }
  const closingIndex = openingIndex + 1 + closingOffset;
  const frontMatterText = lines.slice(openingIndex + 1, closingIndex).join("\n");
  const keys = toml ? readToml(frontMatterText, file, openingIndex + 2) : readYaml(frontMatterText, file, openingIndex + 2);
  if (!keys.ok) return fail(keys.diagnostic);

  // gray-matter splits front matter from the body; the front matter was already read above, with line numbers.
  const language = toml ? "toml" : "yaml";
  const fence = toml ? "+++" : "---";
  const normalised = `${fence}\n${frontMatterText}\n${fence}\n${lines.slice(closingIndex + 1).join("\n")}`;
  const parsed = matter(normalised, { language, delimiters: fence, engines: { [language]: () => keys.data } });
  return {
    ok: true,
    source: {
      data: parsed.data,
      keyLines: keys.keyLines,
      quotedKeys: keys.quotedKeys,
      frontMatterLine: openingIndex + 1,
      body: parsed.content,
      bodyLine: closingIndex + 2,
    },
    diagnostics: notes,
  };
}

/** Front matter read: its keys, the line of each and which are quoted; or the problem, at its line. */
type KeysOutcome =
  | { readonly ok: true; readonly data: Record<string, unknown>; readonly keyLines: ReadonlyMap<string, number>; readonly quotedKeys: ReadonlySet<string> }
  | { readonly ok: false; readonly diagnostic: Diagnostic };

/**
 * YAML front matter, read with the core schema: dates stay the text written, so the archive's time zone decides the
 * calendar date. Most front matter is a few `key: value` lines, read without the YAML library (plain-front-matter.ts).
 */
function readYaml(yamlText: string, file: string, firstYamlLine: number): KeysOutcome {
  const plain = readPlainFrontMatter(yamlText, firstYamlLine);
  if (plain !== undefined) return { ok: true, ...plain };
  const lineCounter = new LineCounter();
  const document = parseDocument(yamlText, { schema: "core", uniqueKeys: true, prettyErrors: false, lineCounter });
  const firstError = document.errors[0];
  if (firstError) {
    const line = firstYamlLine + lineCounter.linePos(firstError.pos[0]).line - 1;
    const message = `the front matter is not valid YAML: ${firstError.message.split("\n")[0]}; check quoting and indentation (quote values that contain ": " or start with a special character)`;
    return { ok: false, diagnostic: error("invalid-yaml", file, message, line) };
  }
  if (document.contents !== null && !isMap(document.contents)) {
    const what = isScalar(document.contents) ? "a single value" : "a list";
    return { ok: false, diagnostic: error("front-matter-not-mapping", file, `the front matter is ${what}, not a set of "key: value" lines; ${FRONT_MATTER_EXAMPLE}`, firstYamlLine) };
  }
  const data = toPlainObject(document);
  if (data === undefined) {
    const message = 'the front matter is not valid YAML: it repeats values by alias (*name) so often that reading it could exhaust the memory; write the values out instead of "*name"';
    return { ok: false, diagnostic: error("invalid-yaml", file, message, firstYamlLine) };
  }
  return { ok: true, data, keyLines: keyLinesOf(document, lineCounter, firstYamlLine), quotedKeys: quotedKeysOf(document) };
}

function readToml(tomlText: string, file: string, firstTomlLine: number): KeysOutcome {
  const outcome = readTomlFrontMatter(tomlText, firstTomlLine);
  if (outcome.ok) return outcome;
  const message = `the front matter is not valid TOML: ${outcome.message}; check quoting (text goes in "double quotes"), and that each key is written once`;
  return { ok: false, diagnostic: error("invalid-toml", file, message, outcome.line) };
}

/**
 * Whether text (the start of a file) opens front matter as an article does,
 * after any byte-order mark and blank lines: a file that does is likely an
 * article, whatever its name.
 */
export function opensFrontMatter(text: string): boolean {
  const firstLine = text.replace(/^\uFEFF/, "").split(/\r?\n|\r/).find((line) => line.trim() !== "");
  return firstLine !== undefined && (OPENING.test(firstLine) || TOML_FENCE.test(firstLine));
}

/**
 * The front matter as plain values; undefined when its aliases would make it
 * grow beyond reason (a "billion laughs"), which the YAML library refuses
 * with an exception once they pass `maxAliasCount`.
 */
function toPlainObject(document: Document): Record<string, unknown> | undefined {
  let value: unknown;
  try {
    value = document.toJS({ maxAliasCount: 100 });
  } catch (cause) {
    if (cause instanceof Error && /alias/i.test(cause.message)) return undefined;
    throw cause;
  }
  return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function keyLinesOf(document: Document, lineCounter: LineCounter, firstYamlLine: number): Map<string, number> {
  const keyLines = new Map<string, number>();
  if (!isMap(document.contents)) return keyLines;
  for (const pair of document.contents.items) {
    if (isScalar(pair.key) && pair.key.range) {
      keyLines.set(String(pair.key.value), firstYamlLine + lineCounter.linePos(pair.key.range[0]).line - 1);
    }
  }
  return keyLines;
}

function quotedKeysOf(document: Document): Set<string> {
  const quoted = new Set<string>();
  if (!isMap(document.contents)) return quoted;
  for (const pair of document.contents.items) {
    if (isScalar(pair.key) && isScalar(pair.value) && (pair.value.type === Scalar.QUOTE_DOUBLE || pair.value.type === Scalar.QUOTE_SINGLE)) {
      quoted.add(String(pair.key.value));
    }
  }
  return quoted;
}

function firstInvalidUtf8Offset(bytes: Uint8Array): number | undefined {
  if (isUtf8(bytes)) return undefined;
  // Narrow down to the longest prefix that still decodes (an unfinished
  // sequence at its end is allowed by streaming mode); the next byte is bad.
  let low = 0;
  let high = bytes.length;
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    try {
      new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(0, middle), { stream: true });
      low = middle;
    } catch {
      high = middle;
    }
  }
  // The prefix may end inside an unfinished sequence; the bad sequence starts at its lead byte.
  for (let back = 1; back <= 3 && low - back >= 0; back += 1) {
    const byte = bytes[low - back] ?? 0;
    if ((byte & 0xc0) === 0x80) continue;
    const length = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return length > back ? low - back : low;
  }
  return low;
}

function lineAtOffset(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let index = 0; index < offset && index < bytes.length; index += 1) if (bytes[index] === 0x0a) line += 1;
  return line;
}

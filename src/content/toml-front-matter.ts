import { parse, TomlDate, TomlError } from "smol-toml";

/** TOML front matter (`+++` ... `+++`, as Hugo and Zola write it), read with the line of each top-level key. */
type TomlOutcome =
  | {
      readonly ok: true;
      readonly data: Record<string, unknown>;
      readonly keyLines: ReadonlyMap<string, number>;
      readonly quotedKeys: ReadonlySet<string>;
    }
  | { readonly ok: false; readonly line: number; readonly message: string };

/**
 * Parses TOML front matter whose first line is line `firstLine` of its file.
 * TOML's dates become the text they were written as ("2021-04-09",
 * "2021-04-09T10:00:00+02:00"), as YAML's are, so that one date model reads
 * both in the archive's time zone.
 */
export function readTomlFrontMatter(text: string, firstLine: number): TomlOutcome {
  let parsed: Record<string, unknown>;
  try {
    parsed = parse(text);
  } catch (cause) {
    if (!(cause instanceof TomlError)) throw cause;
    const message = cause.message.split("\n")[0] ?? cause.message;
    return { ok: false, line: firstLine + Math.max(cause.line, 1) - 1, message: message.replace(/^Invalid TOML document: /, "") };
  }
  const { keyLines, quotedKeys } = topLevelKeys(text, firstLine);
  return { ok: true, data: datesAsText(parsed) as Record<string, unknown>, keyLines, quotedKeys };
}

function datesAsText(value: unknown): unknown {
  if (value instanceof TomlDate) return value.toISOString();
  if (Array.isArray(value)) return value.map(datesAsText);
  if (value !== null && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, datesAsText(item)]));
  return value;
}

const KEY_LINE = /^\s*(?:"([^"]+)"|'([^']+)'|([A-Za-z0-9_-]+))\s*(?:\.[^=]*)?=\s*(.?)/;
const TABLE_LINE = /^\s*\[\[?\s*(?:"([^"]+)"|'([^']+)'|([A-Za-z0-9_-]+))/;

/**
 * The line of each top-level key (a table such as `[extra]` at its header),
 * and the keys whose value is quoted text: what messages point at.
 */
function topLevelKeys(text: string, firstLine: number): { keyLines: Map<string, number>; quotedKeys: Set<string> } {
  const keyLines = new Map<string, number>();
  const quotedKeys = new Set<string>();
  let inTable = false;
  text.split("\n").forEach((line, index) => {
    const table = TABLE_LINE.exec(line);
    if (table !== null) {
      inTable = true;
      const name = table[1] ?? table[2] ?? table[3] ?? "";
      if (!keyLines.has(name)) keyLines.set(name, firstLine + index);
      return;
    }
    const key = inTable ? null : KEY_LINE.exec(line);
    if (key === null) return;
    const name = key[1] ?? key[2] ?? key[3] ?? "";
    if (!keyLines.has(name)) keyLines.set(name, firstLine + index);
    if (key[4] === '"' || key[4] === "'") quotedKeys.add(name);
  });
  return { keyLines, quotedKeys };
}

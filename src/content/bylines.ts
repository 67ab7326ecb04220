import { describeType } from "../core/dates.ts";
import { error, type Diagnostic } from "../core/diagnostics.ts";

/**
 * Who wrote an article, from `author` (one text), `authors` (a text or a
 * list) and the Go blog's `by` (a list), in that order. A byline written as
 * one text names everyone in it: "Matteo Collina and Joyee Cheung",
 * "Chengzhong Wu, Joyee Cheung", "Ann Lee (Acme) & Bob Roe (Beta)" are two
 * authors each. Commas inside parentheses belong to an affiliation, and
 * "Jr.", "Inc." and the like to the name before them. What a byline says
 * of its people is not a person: a role ("Russ Cox, for the Go team", "on
 * behalf of the Go team") or a date ("Russ Cox, July 2011; updated by
 * Shenghou Ma, May 2013" names two people), or the people it does not name
 * ("and other contributors"). A name's Markdown link becomes
 * its text and its white space is made single.
 */
export const BYLINE_KEYS = ["author", "authors", "by"] as const;

export function readBylines(data: Readonly<Record<string, unknown>>, path: string, lineOf: (key: string) => number, diagnostics: Diagnostic[]): string[] {
  const names: string[] = [];
  const add = (written: string): void => {
    for (const name of splitByline(written.replace(MARKDOWN_LINK, "$1").replace(/\s+/g, " ").trim())) {
      if (!names.includes(name)) names.push(name);
    }
  };
  const single = data["author"];
  if (typeof single === "string") add(single);
  else if (single !== undefined && single !== null) {
    const hint = Array.isArray(single) ? "; for several authors write authors: [Ann Lee, Bob Roe]" : '; write author: "Ann Lee"';
    diagnostics.push(error("invalid-author", path, `"author" must be a name written as text, not ${describeType(single)}${hint}`, lineOf("author")));
  }
  for (const key of ["authors", "by"] as const) {
    const several = data[key];
    const list: unknown[] = Array.isArray(several) ? several : several === undefined || several === null ? [] : [several];
    for (const name of list) {
      if (typeof name === "string") add(name);
      else {
        const where = Array.isArray(several) ? " in the list" : "";
        diagnostics.push(error("invalid-author", path, `"${key}" must be a name or a list of names written as text, not ${describeType(name)}${where}; write ${key}: [Ann Lee, Bob Roe]`, lineOf(key)));
      }
    }
  }
  return names;
}

const MARKDOWN_LINK = /\[([^\]]+)\]\([^)\s]*\)/g;
/** What follows a name after a comma without being another person. */
const NAME_SUFFIX = /^(?:jr|sr|ii|iii|iv|phd|ph\.d|md|esq|inc|ltd|llc|gmbh)\.?$/i;
/** The last part of a byline that stands for people it does not name. */
const GROUP = /^(?:and\s+)?(?:others?\b|contributors\b|et al\b)/i;
/** A part of a byline that says for whom its people wrote, not who. */
const ROLE = /^(?:for|on behalf of)\s/i;
/** A part of a byline that says when: "July 2011", "2013". */
const WHEN = /^(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+)?\d{4}$/i;
/** What comes before a name in a byline's later part: "updated by Shenghou Ma". */
const BY = /^(?:(?:updated|edited|written|translated)\s+)?by\s+/i;

/** "A, B and C", "A & B": each name; separators inside parentheses are the affiliation's. */
export function splitByline(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = "";
  for (let index = 0; index < text.length; index += 1) {
    const character = text[index] ?? "";
    if (character === "(" || character === "[") depth += 1;
    if ((character === ")" || character === "]") && depth > 0) depth -= 1;
    if (depth === 0 && current.trim() === "" && parts.length > 0 && GROUP.test(text.slice(index).trim())) {
      // "..., and other review and release note contributors", "and contributors": the people before it, no one more.
      break;
    }
    if (depth === 0 && (character === "," || character === "&" || character === ";")) {
      parts.push(current);
      current = "";
    } else if (depth === 0 && text.startsWith(" and ", index)) {
      parts.push(current);
      current = "";
      if (GROUP.test(text.slice(index + 5).trim())) break;
      index += 4;
    } else {
      current += character;
    }
  }
  parts.push(current);
  const names: string[] = [];
  for (const part of parts.map((each) => each.trim().replace(/^and\s+/, "").replace(BY, "").replace(/\s+et al\.?$/i, ""))) {
    const previous = names.length - 1;
    if (part === "" || ROLE.test(part) || WHEN.test(part)) continue;
    if (NAME_SUFFIX.test(part) && previous >= 0) names[previous] = `${names[previous] ?? ""}, ${part}`;
    else names.push(part);
  }
  return names;
}

import { XMLParser, XMLValidator } from "fast-xml-parser";

/**
 * An XML element as fast-xml-parser gives it with the options below: every
 * child element is a list under its qualified name ("wp:post_id"), text is
 * under "#text" (CDATA merged in), attributes under "@_name".
 */
export interface XmlElement {
  readonly [key: string]: unknown;
}

type XmlOutcome =
  | { readonly ok: true; readonly root: XmlElement; readonly lineOf: (element: XmlElement) => number | undefined }
  /** `malformed`: not well-formed XML (a file cut short); otherwise refused for what it declares, `message` saying why. */
  | { readonly ok: false; readonly malformed: boolean; readonly message: string };

const METADATA = XMLParser.getMetaDataSymbol();

/**
 * Parses an XML document. fast-xml-parser's parser accepts a truncated or
 * mismatched document without complaint (a cut-off export would lose its
 * last items in silence), so the document is checked first by the same
 * package's validator, which names the line and column of the first fault.
 */
export function parseXml(text: string): XmlOutcome {
  // WordPress exports and feeds declare no entities; an external one would be read from a file or an address of this machine.
  const entity = /<!ENTITY/i.exec(text);
  if (entity !== null) {
    return {
      ok: false,
      malformed: false,
      message: `line ${lineAt(lineStartsOf(text), entity.index)}: declares an entity (<!ENTITY ...>), which could read a file of this machine or grow without end; exports and feeds need none: remove the DOCTYPE's declarations`,
    };
  }
  const checked = XMLValidator.validate(text);
  if (checked !== true) return { ok: false, malformed: true, message: `line ${checked.err.line}, column ${checked.err.col}: ${checked.err.msg}` };
  const parser = new XMLParser({
    ignoreAttributes: false,
    // Post ids, slugs such as "2021" and dates stay text as written.
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: false,
    alwaysCreateTextNode: true,
    isArray: (_name, _path, _leaf, isAttribute) => !isAttribute,
    captureMetaData: true,
  });
  let root: unknown;
  try {
    root = parser.parse(text);
  } catch (cause) {
    return { ok: false, malformed: true, message: cause instanceof Error ? cause.message : String(cause) };
  }
  if (!isElement(root)) return { ok: false, malformed: true, message: "holds no XML element" };
  const lineStarts = lineStartsOf(text);
  return { ok: true, root, lineOf: (element) => lineAt(lineStarts, startIndexOf(element)) };
}

function isElement(value: unknown): value is XmlElement {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The child elements of that name, in document order. */
export function childrenOf(element: XmlElement, name: string): XmlElement[] {
  const value = element[name];
  return Array.isArray(value) ? value.filter(isElement) : [];
}

export function firstChild(element: XmlElement, name: string): XmlElement | undefined {
  return childrenOf(element, name)[0];
}

/** The text of an element, as written (CDATA included, not trimmed). */
export function textOf(element: XmlElement | undefined): string {
  const text = element?.["#text"];
  return typeof text === "string" ? text : typeof text === "number" || typeof text === "boolean" ? String(text) : "";
}

/** The trimmed text of the first child of that name; "" when there is none. */
export function childText(element: XmlElement, name: string): string {
  return textOf(firstChild(element, name)).trim();
}

export function attributeOf(element: XmlElement, name: string): string | undefined {
  const value = element[`@_${name}`];
  return typeof value === "string" ? value : undefined;
}

function startIndexOf(element: XmlElement): number | undefined {
  const metadata: unknown = (element as Record<symbol, unknown>)[METADATA as symbol];
  if (!isElement(metadata)) return undefined;
  const start = metadata["startIndex"];
  return typeof start === "number" ? start : undefined;
}

function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let index = text.indexOf("\n"); index !== -1; index = text.indexOf("\n", index + 1)) starts.push(index + 1);
  return starts;
}

function lineAt(lineStarts: readonly number[], offset: number | undefined): number | undefined {
  if (offset === undefined) return undefined;
  let low = 0;
  let high = lineStarts.length - 1;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if ((lineStarts[middle] ?? 0) <= offset) low = middle;
    else high = middle - 1;
  }
  return low + 1;
}

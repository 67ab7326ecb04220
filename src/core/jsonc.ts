import jsonc from "jsonc-parser";

/**
 * JSON with comments, as editors allow it in settings files (`//` and `/* *\/`
 * comments, trailing commas), read with the positions of its parts, so that a
 * message can name the line and column of a syntax error or of a value.
 * jsonc-parser is the parser VS Code reads such files with.
 */

/** A place in a text: line and column, both from 1. */
interface TextPosition {
  readonly line: number;
  readonly column: number;
}

type JsoncRead =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly problems: readonly (TextPosition & { readonly message: string })[] };

const OPTIONS: jsonc.ParseOptions = { allowTrailingComma: true, disallowComments: false, allowEmptyContent: false };

/** What each syntax error of jsonc-parser means, in a sentence. */
const SYNTAX_ERRORS: Readonly<Record<string, string>> = {
  InvalidSymbol: "unexpected character",
  InvalidNumberFormat: "malformed number",
  PropertyNameExpected: "expected a setting's name in double quotes",
  ValueExpected: "expected a value",
  ColonExpected: 'expected ":" after the name',
  CommaExpected: 'expected "," between two entries',
  CloseBraceExpected: 'expected "}"',
  CloseBracketExpected: 'expected "]"',
  EndOfFileExpected: "expected the end of the file after the closing brace",
  InvalidCommentToken: "malformed comment",
  UnexpectedEndOfComment: "a comment is not closed (*/ missing)",
  UnexpectedEndOfString: 'a string is not closed (" missing)',
  UnexpectedEndOfNumber: "a number is cut short",
  InvalidUnicode: "malformed \\u escape",
  InvalidEscapeCharacter: "unknown escape after \\",
  InvalidCharacter: "a control character (such as a tab or line break) inside a string; write it as an escape",
};

/** Reads JSON with comments: its value, or every syntax error with its position. A byte order mark is skipped. */
export function readJsonc(text: string): JsoncRead {
  const errors: jsonc.ParseError[] = [];
  const body = withoutByteOrderMark(text);
  const value: unknown = jsonc.parse(body, errors, OPTIONS);
  if (errors.length === 0) return { ok: true, value };
  return {
    ok: false,
    problems: errors.map((error) => {
      const code = jsonc.printParseErrorCode(error.error);
      return { ...positionAt(body, error.offset), message: SYNTAX_ERRORS[code] ?? code };
    }),
  };
}

/**
 * Where the value at `path` is written (["offline", "serviceWorker"],
 * ["categories", 2]): the position of its name for a member of an object, of
 * the value itself for an element of a list. For a path that goes further than
 * the text, the deepest part of it that is there; undefined when not even its
 * first part is (a setting given on the command line), or the text is not JSON.
 */
export function positionOfPath(text: string, path: readonly PropertyKey[]): TextPosition | undefined {
  const body = withoutByteOrderMark(text);
  const tree = jsonc.parseTree(body, [], OPTIONS);
  if (tree === undefined) return undefined;
  const segments = path.map((part) => (typeof part === "number" ? part : String(part)));
  for (let length = segments.length; length >= 1; length--) {
    const node = jsonc.findNodeAtLocation(tree, segments.slice(0, length));
    if (node === undefined) continue;
    const named = node.parent?.type === "property" ? node.parent : node;
    return positionAt(body, named.offset);
  }
  return undefined;
}

function positionAt(text: string, offset: number): TextPosition {
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf("\n") + 1;
  return { line: before.split("\n").length, column: offset - lineStart + 1 };
}

function withoutByteOrderMark(text: string): string {
  return text.replace(/^\uFEFF/, "");
}

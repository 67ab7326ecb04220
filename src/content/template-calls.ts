/**
 * Finds the template calls that Hugo, Jekyll and the Go blog leave in
 * article bodies: Hugo shortcodes (`{{< figure src="x" >}}`, `{{% note %}}`),
 * Liquid tags and outputs (`{% post_url 2010-07-21-name %}`, `{{ page.title }}`)
 * and Go present actions (`{{code "x.go" `/re/`}}`). A static archive runs
 * none of them; `templates.ts` decides what each one becomes.
 *
 * Code is documentation of the syntax, not a call: nothing inside the given
 * code spans (fenced and indented code blocks), inline code spans or
 * `<code>` and `<pre>` elements is reported.
 */

/** A stretch of the source, by offsets; `end` is exclusive. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

type TemplateSyntax = "hugo" | "liquid" | "go";

export interface TemplateCall extends Span {
  readonly syntax: TemplateSyntax;
  /**
   * The shortcode, tag or action: "figure", "/note" for a closing shortcode,
   * "post_url", "code"; "" for a Liquid output such as `{{ page.title }}`.
   */
  readonly name: string;
  /** Positional arguments, unquoted; for a Liquid output, its expression. */
  readonly args: readonly string[];
  /** `key="value"` arguments, unquoted. */
  readonly named: Readonly<Record<string, string>>;
  /** For `{% raw %}` and `{% highlight %}` (or Hugo's `{{< highlight >}}`): what lies between the tag and its closing tag, which the call spans too. */
  readonly inner?: Span;
  /** Hugo's commented form `{{</* figure *\/>}}`, which prints the shortcode instead of running it. */
  readonly commented?: boolean;
}

/** Go present's actions, which follow `{{` with no space; any other `{{ ... }}` is read as a Liquid output. */
const GO_ACTIONS = new Set(["code", "play", "image", "video", "iframe", "html", "raw", "caption", "link", "background"]);
/** Liquid and Hugo blocks whose content is code or verbatim text, not more calls. */
const VERBATIM_BLOCKS: Readonly<Record<string, string>> = { raw: "endraw", highlight: "endhighlight" };
const NEXT_INTERESTING = /[`\\<{]/g;
const BLANK_LINE = /\n[ \t]*\n/g;
const CODE_ELEMENT = /^<(code|pre)[\s>]/i;
const HUGO_NAME = /\/?[A-Za-z0-9_][\w./-]*/y;
const LIQUID_NAME = /[A-Za-z_]\w*/y;
/** A Liquid output starts with a variable, a string or (Go templates) a dot or a `$`: this leaves `{{1}}` in TeX alone. */
const OUTPUT_START = /[A-Za-z_."'$]/;

/** Every template call outside code, in order. `code` lists the code blocks, in order. */
export function findTemplateCalls(source: string, code: readonly Span[]): TemplateCall[] {
  const calls: TemplateCall[] = [];
  let codeIndex = 0;
  let position = 0;
  while (position < source.length) {
    while (codeIndex < code.length && (code[codeIndex]?.end ?? 0) <= position) codeIndex += 1;
    const block = code[codeIndex];
    const limit = block?.start ?? source.length;
    if (block !== undefined && position >= block.start) {
      position = block.end;
      continue;
    }
    NEXT_INTERESTING.lastIndex = position;
    const found = NEXT_INTERESTING.exec(source);
    if (found === null || found.index >= limit) {
      position = limit;
      continue;
    }
    const at = found.index;
    const character = source[at];
    if (character === "\\") {
      // An escaped character (`\{`, `` \` ``) is text.
      position = at + 2;
    } else if (character === "`") {
      position = endOfCodeSpan(source, at, limit);
    } else if (character === "<") {
      position = endOfCodeElement(source, at, limit);
    } else {
      const call = readCall(source, at, limit);
      if (call === undefined) {
        position = at + 1;
      } else {
        calls.push(call);
        position = call.end;
      }
    }
  }
  return calls;
}

/** After an inline code span opened at `at`, or just past its backticks when it is never closed (they are then text). */
function endOfCodeSpan(source: string, at: number, limit: number): number {
  let length = 0;
  while (source[at + length] === "`") length += 1;
  // A code span ends within its paragraph, at a run of exactly as many backticks.
  BLANK_LINE.lastIndex = at;
  const paragraphEnd = Math.min(limit, BLANK_LINE.exec(source)?.index ?? source.length);
  for (let index = at + length; index < paragraphEnd; ) {
    const next = source.indexOf("`", index);
    if (next === -1 || next >= paragraphEnd) break;
    let run = 0;
    while (source[next + run] === "`") run += 1;
    if (run === length) return next + run;
    index = next + run;
  }
  return at + length;
}

/** After a `<code>` or `<pre>` element opened at `at`, or one character on when there is none. */
function endOfCodeElement(source: string, at: number, limit: number): number {
  const element = CODE_ELEMENT.exec(source.slice(at, at + 6))?.[1];
  if (element === undefined) return at + 1;
  const closing = new RegExp(`</${element}>`, "gi");
  closing.lastIndex = at;
  const close = closing.exec(source);
  return close === null || close.index >= limit ? at + 1 : close.index + close[0].length;
}

function readCall(source: string, at: number, limit: number): TemplateCall | undefined {
  const second = source[at + 1];
  const third = source[at + 2];
  if (second === "{" && (third === "<" || third === "%")) return readShortcode(source, at, limit, third);
  if (second === "%") return readLiquidTag(source, at, limit);
  if (second === "{") return readOutput(source, at, limit);
  return undefined;
}

/** `{{< name args >}}` or `{{% name args %}}`, and the commented `{{</* name args *\/>}}`. */
function readShortcode(source: string, at: number, limit: number, delimiter: string): TemplateCall | undefined {
  const closing = delimiter === "<" ? ">}}" : "%}}";
  let position = skipSpaces(source, at + 3);
  if (source.startsWith("/*", position)) {
    const commentEnd = source.indexOf("*/", position + 2);
    if (commentEnd === -1) return undefined;
    const end = skipSpaces(source, commentEnd + 2);
    if (!source.startsWith(closing, end) || end + 3 > limit) return undefined;
    const inside = readArguments(source, position + 2, commentEnd);
    if (inside === undefined) return undefined;
    return { syntax: "hugo", name: inside.args[0] ?? "", args: inside.args.slice(1), named: inside.named, start: at, end: end + 3, commented: true };
  }
  HUGO_NAME.lastIndex = position;
  const name = HUGO_NAME.exec(source)?.[0];
  if (name === undefined) return undefined;
  position += name.length;
  const close = findClosing(source, position, limit, closing);
  if (close === undefined) return undefined;
  // `{{< name />}}` closes a shortcode that could take content.
  const argumentsEnd = source[close - 1] === "/" ? close - 1 : close;
  const parsed = readArguments(source, position, argumentsEnd);
  if (parsed === undefined) return undefined;
  const call: TemplateCall = { syntax: "hugo", name, args: parsed.args, named: parsed.named, start: at, end: close + 3 };
  return name === "highlight" ? withVerbatimContent(source, call, new RegExp(`\\{\\{${delimiter}\\s*/highlight\\s*${closing}`, "g")) : call;
}

/** `{% name args %}`, with Liquid's `{%-` and `-%}` trimming marks. */
function readLiquidTag(source: string, at: number, limit: number): TemplateCall | undefined {
  let position = skipSpaces(source, source[at + 2] === "-" ? at + 3 : at + 2);
  LIQUID_NAME.lastIndex = position;
  const name = LIQUID_NAME.exec(source)?.[0];
  if (name === undefined) return undefined;
  position += name.length;
  const close = findClosing(source, position, limit, "%}");
  if (close === undefined) return undefined;
  const parsed = readArguments(source, position, source[close - 1] === "-" ? close - 1 : close);
  if (parsed === undefined) return undefined;
  const call: TemplateCall = { syntax: "liquid", name, args: parsed.args, named: parsed.named, start: at, end: close + 2 };
  const closingName = VERBATIM_BLOCKS[name];
  return closingName === undefined ? call : withVerbatimContent(source, call, new RegExp(`\\{%-?\\s*${closingName}\\s*-?%\\}`, "g"));
}

/** `{{ expression }}` (Liquid) or `{{action args}}` (Go present), on one line. */
function readOutput(source: string, at: number, limit: number): TemplateCall | undefined {
  const start = source[at + 2] === "-" ? at + 3 : at + 2;
  const expressionStart = skipSpaces(source, start);
  if (!OUTPUT_START.test(source[expressionStart] ?? "")) return undefined;
  const lineEnd = source.indexOf("\n", at);
  const close = findClosing(source, expressionStart, Math.min(limit, lineEnd === -1 ? source.length : lineEnd), "}}");
  if (close === undefined) return undefined;
  const expressionEnd = source[close - 1] === "-" ? close - 1 : close;
  const expression = source.slice(expressionStart, expressionEnd).trim();
  const action = /^[a-z]+/.exec(expression)?.[0];
  if (start === expressionStart && action !== undefined && GO_ACTIONS.has(action)) {
    const parsed = readArguments(source, expressionStart + action.length, expressionEnd);
    if (parsed !== undefined) return { syntax: "go", name: action, args: parsed.args, named: parsed.named, start: at, end: close + 2 };
  }
  return { syntax: "liquid", name: "", args: [expression], named: {}, start: at, end: close + 2 };
}

/**
 * The offset of `closing` after `from`, skipping quoted strings; undefined
 * when a blank line, a brace or the limit comes first (then this is not a call).
 */
function findClosing(source: string, from: number, limit: number, closing: string): number | undefined {
  for (let index = from; index < limit; index += 1) {
    const character = source[index];
    if (source.startsWith(closing, index)) return index + closing.length <= limit ? index : undefined;
    if (character === '"' || character === "`") {
      const end = endOfQuoted(source, index, limit);
      if (end === undefined) return undefined;
      index = end - 1;
    } else if (character === "{" || character === "}" || (character === "\n" && /^[ \t]*\n/.test(source.slice(index + 1, index + 80)))) {
      return undefined;
    }
  }
  return undefined;
}

/** After a string quoted with `"` (backslash escapes) or a backtick (raw) that opens at `at`. */
function endOfQuoted(source: string, at: number, limit: number): number | undefined {
  const quote = source[at];
  for (let index = at + 1; index < limit; index += 1) {
    if (quote === '"' && source[index] === "\\") index += 1;
    else if (source[index] === quote) return index + 1;
  }
  return undefined;
}

const ARGUMENT = /\s*(?:([A-Za-z_][\w-]*)\s*=\s*)?("(?:[^"\\]|\\.)*"|`[^`]*`|'[^']*'|[^\s"'`]+)/y;

/** Splits `"a" b key="c d"` into positional and named arguments; undefined when it cannot be read. */
function readArguments(source: string, from: number, to: number): { args: string[]; named: Record<string, string> } | undefined {
  const text = source.slice(from, to);
  const args: string[] = [];
  const named: Record<string, string> = {};
  ARGUMENT.lastIndex = 0;
  while (ARGUMENT.lastIndex < text.length && text.slice(ARGUMENT.lastIndex).trim() !== "") {
    const match = ARGUMENT.exec(text);
    if (match === null) return undefined;
    const [, key, raw = ""] = match;
    const value = unquote(raw);
    if (key === undefined) args.push(value);
    else named[key] = value;
  }
  return { args, named };
}

function unquote(raw: string): string {
  const first = raw[0];
  if (first === '"') return raw.slice(1, -1).replace(/\\(.)/g, "$1");
  if (first === "`" || first === "'") return raw.slice(1, -1);
  return raw;
}

/** A verbatim block's call spans through its closing tag; unclosed, it is an ordinary call. */
function withVerbatimContent(source: string, call: TemplateCall, closingTag: RegExp): TemplateCall {
  closingTag.lastIndex = call.end;
  const closing = closingTag.exec(source);
  if (closing === null) return call;
  return { ...call, end: closing.index + closing[0].length, inner: { start: call.end, end: closing.index } };
}

function skipSpaces(source: string, from: number): number {
  let index = from;
  while (source[index] === " " || source[index] === "\t" || source[index] === "\n") index += 1;
  return index;
}

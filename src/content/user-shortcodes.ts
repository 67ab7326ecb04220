import type { TemplateCall } from "./template-calls.ts";

/**
 * What an archive says its old site's template calls become: a JavaScript
 * module beside the settings (`shortcodes.mjs`), whose default export maps
 * a call's name to the text that replaces it, or to a function that makes
 * it, as Eleventy's `addShortcode` does:
 *
 *     export default {
 *       "site.repository": "https://github.com/jekyll/jekyll",       // {{ site.repository }}
 *       note: ({ content }) => `<aside class="note">\n\n${content}\n\n</aside>`, // {{< note >}}...{{< /note >}}
 *     };
 *
 * What it gives replaces the call in the Markdown, before the Markdown is
 * read: HTML or Markdown.
 */
interface ShortcodeCall {
  /** The name it is mapped by (see `callName`). */
  readonly name: string;
  readonly syntax: TemplateCall["syntax"];
  /** Positional arguments, unquoted; for a Liquid output, its expression. */
  readonly args: readonly string[];
  /** `key="value"` arguments, unquoted. */
  readonly named: Readonly<Record<string, string>>;
  /** For a paired call (`{{< note >}}...{{< /note >}}`, `{% note %}...{% endnote %}`): what lies between, as written. */
  readonly content?: string;
  /** The article's file, absolute, for calls that read files beside it (the Go blog's `{{code "x.go"}}`). */
  readonly file: string;
}

export type ShortcodeValue = string | ((call: ShortcodeCall) => unknown);

/** The archive's shortcodes file, loaded: its map, and what identifies its text (for the build cache's key). */
export interface UserShortcodes {
  readonly map: Readonly<Record<string, ShortcodeValue>>;
  readonly identity: string;
}

/**
 * The name a call is mapped by: a Hugo shortcode's or Liquid tag's name
 * ("note", "include"), a Go action's ("code"), a Liquid output's variable
 * without its filters ("site.repository" for `{{ site.repository | upcase }}`).
 */
export function callName(call: TemplateCall): string {
  if (call.syntax === "liquid" && call.name === "") return (call.args[0] ?? "").split("|")[0]?.trim() ?? "";
  return call.name;
}

/** The closing call a paired call of this name ends with, if its syntax has one. */
export function closingName(call: TemplateCall): string | undefined {
  if (call.syntax === "hugo") return `/${call.name}`;
  if (call.syntax === "liquid" && call.name !== "") return `end${call.name}`;
  return undefined;
}

type ShortcodeResult = { readonly ok: true; readonly markdown: string } | { readonly ok: false; readonly reason: string };

/** Runs a mapping: a string as it is; a function's result, which must be text. */
export function runShortcode(value: ShortcodeValue, call: ShortcodeCall): ShortcodeResult {
  if (typeof value === "string") return { ok: true, markdown: value };
  try {
    const result = value(call);
    return typeof result === "string" ? { ok: true, markdown: result } : { ok: false, reason: `its function gave ${result === undefined ? "nothing" : typeof result}, not text` };
  } catch (cause) {
    return { ok: false, reason: `its function failed: ${cause instanceof Error ? cause.message : String(cause)}` };
  }
}

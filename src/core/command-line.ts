import { parseArgs } from "node:util";
import { didYouMean } from "./closest-name.ts";

/** A command's options, by long name: text options take a value, flags do not. */
export type OptionSpec = Readonly<Record<string, { readonly type: "string" | "boolean" }>>;

/** The values of a command's options: text, or true for a flag given; absent when not given. */
export type OptionValues<O extends OptionSpec> = { readonly [K in keyof O]?: O[K] extends { readonly type: "boolean" } ? boolean : string };

type ParsedLine<O extends OptionSpec> =
  | { readonly ok: true; readonly values: OptionValues<O>; readonly positionals: readonly string[] }
  | { readonly ok: false; readonly problem: string };

/**
 * Reads a command line against a command's options, with our own message for
 * each mistake (Node's parseArgs explains them in its own terms, about
 * positional arguments): an unknown option, with the closest known one; a
 * text option without its value; a value given to a flag. `--` ends the
 * options: what follows is taken as it is.
 */
export function parseCommandOptions<O extends OptionSpec>(argv: readonly string[], options: O): ParsedLine<O> {
  // Not strict: parseArgs then reports what it read as tokens, which are checked here.
  const { tokens } = parseArgs({ args: [...argv], options, allowPositionals: true, strict: false, tokens: true });
  const values: Record<string, string | boolean> = {};
  const positionals: string[] = [];
  for (const token of tokens) {
    if (token.kind === "positional") positionals.push(token.value);
    if (token.kind !== "option") continue;
    const type = Object.hasOwn(options, token.name) ? options[token.name]?.type : undefined;
    if (type === undefined) {
      return { ok: false, problem: `unknown option ${token.rawName}${didYouMean(token.name, Object.keys(options), (name) => `--${name}`)}` };
    }
    if (type === "boolean") {
      if (token.value !== undefined)
        return { ok: false, problem: `${token.rawName} takes no value (it was given "${token.value}"); write ${token.rawName} alone` };
      values[token.name] = true;
      continue;
    }
    // A value that looks like an option ("--output --drafts") is most likely a forgotten value.
    if (token.value === undefined || (token.inlineValue === false && token.value.startsWith("-"))) {
      return {
        ok: false,
        problem: `${token.rawName} needs a value${token.value === undefined ? "" : ` (it is followed by the option ${token.value})`}; write ${token.rawName} VALUE, or ${token.rawName}=VALUE for a value starting with "-"`,
      };
    }
    values[token.name] = token.value;
  }
  // Each value was checked above against its option's type.
  return { ok: true, values: values as OptionValues<O>, positionals };
}

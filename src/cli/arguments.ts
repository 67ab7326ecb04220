import { parseCommandOptions, type OptionSpec, type OptionValues } from "../core/command-line.ts";

/** Exit codes of every command: 0 done, 1 the input or the disk said no, 2 the command itself was wrong. */
export const EXIT_USAGE = 2;

export type Options = OptionSpec;

/** The values of a command's options: text, or true for a flag given; absent when not given. */
export type Values<O extends Options> = OptionValues<O>;

/** A command's parsed line, or the exit code when there is nothing more to do (--help, or a wrong option). */
type CommandLine<O extends Options> =
  | { readonly ok: true; readonly values: Values<O>; readonly positionals: readonly string[] }
  | { readonly ok: false; readonly exitCode: number };

/**
 * Parses a command's arguments against its options. `--help` prints the
 * command's usage on stdout (exit 0); an unknown option (with the closest
 * known one), a missing value or a positional argument beyond `maxPositionals`
 * prints the problem and the usage on stderr (exit 2).
 */
export function parseCommandLine<O extends Options>(argv: readonly string[], options: O, usage: string, maxPositionals = 0): CommandLine<O> {
  const parsed = parseCommandOptions(argv, { ...options, help: { type: "boolean" } });
  if (!parsed.ok) {
    console.error(`error: ${parsed.problem}\n\n${usage}`);
    return { ok: false, exitCode: EXIT_USAGE };
  }
  const values: Readonly<Record<string, unknown>> = parsed.values;
  if (values["help"] === true) {
    console.log(usage);
    return { ok: false, exitCode: 0 };
  }
  if (parsed.positionals.length > maxPositionals) {
    const extra = parsed.positionals
      .slice(maxPositionals)
      .map((word) => JSON.stringify(word))
      .join(" ");
    console.error(`error: unexpected argument ${extra}\n\n${usage}`);
    return { ok: false, exitCode: EXIT_USAGE };
  }
  return { ok: true, values: parsed.values, positionals: parsed.positionals };
}

/** Prints a request's problems (a missing folder, invalid settings), which are the command's: exit 2. */
export function reportUsageErrors(errors: readonly string[]): number {
  for (const line of errors) console.error(`error: ${line}`);
  return EXIT_USAGE;
}

/** `--port N`: a port number, or a message saying what is wrong. */
export function readPort(value: string | undefined, fallback: number): { readonly port: number } | { readonly problem: string } {
  const port = value === undefined ? fallback : Number(value);
  return Number.isInteger(port) && port >= 1 && port <= 65535 ? { port } : { problem: `--port ${value}: expected a port number from 1 to 65535` };
}

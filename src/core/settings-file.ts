import { readFile } from "node:fs/promises";
import { errorCodeOf } from "./diagnostics.ts";
import { readJsonc } from "./jsonc.ts";

/** The settings files an archive may carry in its content folder when no `--config` is given: JSON, or JSON with comments. */
export const SETTINGS_FILE_NAMES = ["news-archive.json", "news-archive.jsonc"] as const;

/**
 * Reads a settings file: JSON, in which comments (`//`, `/* *\/`) and trailing
 * commas are allowed, as editors allow them in JSON with comments. An
 * unreadable file is an error naming it, a malformed one an error for each
 * mistake at its line and column. The text is returned too, for the
 * positions of later messages.
 */
export async function readSettingsFile(path: string): Promise<{ ok: true; raw: unknown; text: string } | { ok: false; errors: string[] }> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (cause) {
    return { ok: false, errors: [`${path}: cannot read the settings file (${errorCodeOf(cause)}); check the path given to --config`] };
  }
  const read = readJsonc(text);
  if (!read.ok)
    return {
      ok: false,
      errors: read.problems.map((problem) => `${path}:${problem.line}:${problem.column}: the settings file is not valid JSON: ${problem.message}`),
    };
  return { ok: true, raw: read.value, text };
}

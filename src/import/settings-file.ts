import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { errorCodeOf } from "../core/diagnostics.ts";
import { writeFileWhole } from "../core/files.ts";
import { SETTINGS_FILE_NAMES } from "../core/settings.ts";

export interface SettingsUpdate {
  /** What happened to the settings file, as one line of the report. */
  readonly line: string;
  readonly warning?: string;
  /** Why the file could not be written (a full disk); it was left as it was. */
  readonly failure?: string;
}

/**
 * Writes what the source says about the site into the content folder's
 * settings file: a new file gets the site's title, description and language
 * and the time zone; an existing one only gains a time zone it lacks. A time
 * zone it already has is replaced only with `overwrite`.
 */
export async function updateSettings(contentDir: string, timeZone: string | undefined, site: Readonly<Record<string, string>>, overwrite: boolean): Promise<SettingsUpdate> {
  const [jsonName, jsoncName] = SETTINGS_FILE_NAMES;
  if (existsSync(join(contentDir, jsoncName))) {
    // Its comments would not survive being written again.
    if (timeZone === undefined) return { line: `${jsoncName} unchanged` };
    return { line: `${jsoncName} left alone`, warning: `${join(contentDir, jsoncName)} holds comments, which writing it again would lose; add "timeZone": "${timeZone}" to it yourself` };
  }
  const path = join(contentDir, jsonName);
  let text: string | undefined;
  try {
    text = await readFile(path, "utf8");
  } catch (cause) {
    if (errorCodeOf(cause) !== "ENOENT") return { line: `${jsonName} left alone`, warning: `${path} cannot be read (${errorCodeOf(cause)})` };
  }
  const zone = timeZone === undefined ? {} : { timeZone };
  if (text === undefined) {
    const settings = { ...site, ...zone };
    if (Object.keys(settings).length === 0) return { line: `no ${jsonName} written (the source says nothing about the site)` };
    const failure = await writeSettings(path, settings);
    return failure ?? { line: `${jsonName} written with ${Object.keys(settings).join(", ")}` };
  }
  let settings: unknown;
  try {
    settings = JSON.parse(text);
  } catch {
    return { line: `${jsonName} left alone`, warning: `${path} is not valid JSON, so the time zone was not written into it${timeZone === undefined ? "" : `; add "timeZone": "${timeZone}"`}` };
  }
  if (typeof settings !== "object" || settings === null || Array.isArray(settings)) return { line: `${jsonName} left alone`, warning: `${path} does not hold a JSON object` };
  const current = (settings as Record<string, unknown>)["timeZone"];
  if (timeZone === undefined || current === timeZone) return { line: `${jsonName} unchanged` };
  if (current !== undefined && !overwrite) {
    return {
      line: `${jsonName} unchanged`,
      warning: `${path} sets "timeZone": ${JSON.stringify(current)}, but the source's dates are in ${timeZone}; some articles may land on another day than the old site showed. Set it to "${timeZone}", or run again with --overwrite`,
    };
  }
  const failure = await writeSettings(path, { ...settings, timeZone });
  return failure ?? { line: `${jsonName}: "timeZone" set to "${timeZone}"` };
}

/** Writes the settings file whole; says why it could not, the file left as it was. */
async function writeSettings(path: string, settings: object): Promise<SettingsUpdate | undefined> {
  try {
    await writeFileWhole(path, `${JSON.stringify(settings, null, 2)}\n`);
    return undefined;
  } catch (cause) {
    return { line: `${SETTINGS_FILE_NAMES[0]} left as it was`, failure: `${path}: could not be written (${errorCodeOf(cause)}); it was left as it was` };
  }
}

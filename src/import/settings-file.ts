import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { errorCodeOf } from "../core/diagnostics.ts";
import { writeFileWhole } from "../core/files.ts";
import { SETTINGS_FILE_NAMES } from "../core/settings-file.ts";
import type { SiteSettings } from "./import-plan.ts";

export interface SettingsUpdate {
  /** What happened to the settings file, as one line of the report. */
  readonly line: string;
  readonly warning?: string;
  /** Why the file could not be written (a full disk); it was left as it was. */
  readonly failure?: string;
}

/**
 * Writes what the source says about the site into the content folder's
 * settings file: a new file gets the site's title, description and language,
 * the time zone, its categories and the redirects of its old listing pages;
 * an existing one gains a time zone it lacks, and the categories and
 * redirects it does not have yet. A time zone it already has is replaced
 * only with `overwrite`.
 */
export async function updateSettings(contentDir: string, timeZone: string | undefined, site: SiteSettings, overwrite: boolean): Promise<SettingsUpdate> {
  const [jsonName, jsoncName] = SETTINGS_FILE_NAMES;
  if (existsSync(join(contentDir, jsoncName))) {
    // Its comments would not survive being written again.
    const missing = [
      ...(timeZone === undefined ? [] : [`"timeZone": "${timeZone}"`]),
      ...(site.categories === undefined ? [] : ['"categories"']),
      ...(site.redirects === undefined ? [] : ['"redirects"']),
    ];
    if (missing.length === 0) return { line: `${jsoncName} unchanged` };
    return {
      line: `${jsoncName} left alone`,
      warning: `${join(contentDir, jsoncName)} holds comments, which writing it again would lose; add ${missing.join(", ")} to it yourself (run the import into an empty folder to see them)`,
    };
  }
  const path = join(contentDir, jsonName);
  let text: string | undefined;
  try {
    text = await readFile(path, "utf8");
  } catch (cause) {
    if (errorCodeOf(cause) !== "ENOENT") return { line: `${jsonName} left alone`, warning: `${path} cannot be read (${errorCodeOf(cause)})` };
  }
  if (text === undefined) {
    const settings = { ...site, ...(timeZone === undefined ? {} : { timeZone }) };
    if (Object.keys(settings).length === 0) return { line: `no ${jsonName} written (the source says nothing about the site)` };
    const failure = await writeSettings(path, settings);
    return failure ?? { line: `${jsonName} written with ${Object.keys(settings).join(", ")}` };
  }
  let settings: unknown;
  try {
    settings = JSON.parse(text);
  } catch {
    return {
      line: `${jsonName} left alone`,
      warning: `${path} is not valid JSON, so the time zone was not written into it${timeZone === undefined ? "" : `; add "timeZone": "${timeZone}"`}`,
    };
  }
  if (typeof settings !== "object" || settings === null || Array.isArray(settings))
    return { line: `${jsonName} left alone`, warning: `${path} does not hold a JSON object` };
  const existing = settings as Record<string, unknown>;
  const merged = mergedSiteSettings(existing, site);
  const current = existing["timeZone"];
  const zoneConflict =
    timeZone !== undefined && current !== undefined && current !== timeZone && !overwrite
      ? `${path} sets "timeZone": ${JSON.stringify(current)}, but the source's dates are in ${timeZone}; some articles may land on another day than the old site showed. Set it to "${timeZone}", or run again with --overwrite`
      : undefined;
  const zone = timeZone === undefined || current === timeZone || zoneConflict !== undefined ? {} : { timeZone };
  const changed = [...(timeZone !== undefined && "timeZone" in zone ? [`"timeZone" set to "${timeZone}"`] : []), ...merged.added];
  if (changed.length === 0) return { line: `${jsonName} unchanged`, ...(zoneConflict === undefined ? {} : { warning: zoneConflict }) };
  const failure = await writeSettings(path, { ...merged.settings, ...zone });
  return failure ?? { line: `${jsonName}: ${changed.join(", ")}`, ...(zoneConflict === undefined ? {} : { warning: zoneConflict }) };
}

/** An existing file's settings with the categories (by slug) and redirects (by old address) of the import it lacks. */
function mergedSiteSettings(existing: Record<string, unknown>, site: SiteSettings): { readonly settings: Record<string, unknown>; readonly added: string[] } {
  const added: string[] = [];
  const settings = { ...existing };
  const categories = Array.isArray(existing["categories"]) ? (existing["categories"] as unknown[]) : [];
  const known = new Set(categories.map((entry) => (typeof entry === "object" && entry !== null ? (entry as Record<string, unknown>)["slug"] : undefined)));
  const newCategories = (site.categories ?? []).filter((category) => !known.has(category.slug));
  if (newCategories.length > 0 && (existing["categories"] === undefined || Array.isArray(existing["categories"]))) {
    settings["categories"] = [...categories, ...newCategories];
    added.push(`${newCategories.length} categories added`);
  }
  const redirects = typeof existing["redirects"] === "object" && existing["redirects"] !== null ? (existing["redirects"] as Record<string, unknown>) : {};
  const newRedirects = Object.entries(site.redirects ?? {}).filter(([from]) => !(from in redirects));
  if (newRedirects.length > 0 && !Array.isArray(existing["redirects"])) {
    settings["redirects"] = { ...redirects, ...Object.fromEntries(newRedirects) };
    added.push(`${newRedirects.length} redirects added`);
  }
  return { settings, added };
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

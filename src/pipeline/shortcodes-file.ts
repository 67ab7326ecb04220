import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { ShortcodeValue, UserShortcodes } from "../content/user-shortcodes.ts";

/** The shortcodes files looked for beside the settings when the "shortcodes" setting names none. */
const DEFAULT_NAMES = ["shortcodes.mjs", "shortcodes.js"];

/**
 * Loads the archive's shortcodes file: the one the "shortcodes" setting
 * names (relative to the settings file; it must exist), else
 * `shortcodes.mjs` or `shortcodes.js` beside the settings file. Its default
 * export must map names to text or to functions. Like the settings and
 * the layouts, it is the operator's code: it runs at build time.
 */
export async function loadShortcodes(
  setting: string | undefined,
  settingsDir: string,
  shownSettings: string,
): Promise<{ readonly shortcodes?: UserShortcodes } | { readonly error: string }> {
  const file = setting === undefined ? DEFAULT_NAMES.map((name) => join(settingsDir, name)).find((path) => existsSync(path)) : resolve(settingsDir, setting);
  if (file === undefined) return {};
  if (!existsSync(file)) return { error: `${shownSettings}: setting "shortcodes": the file ${file} does not exist; create it or remove the setting` };
  let loaded: unknown;
  try {
    const text = await readFile(file);
    // The file's text in the address, so that a changed file is loaded anew, not taken from the module cache.
    loaded = (await import(`${pathToFileURL(file).href}?text=${digest(text)}`)) as unknown;
    const map = checkedMap(loaded);
    if (typeof map === "string") return { error: `${file}: ${map}` };
    return { shortcodes: { map, identity: digest(text) } };
  } catch (cause) {
    return {
      error: `${file}: the shortcodes file cannot be loaded (${cause instanceof Error ? cause.message.split("\n")[0] : String(cause)}); it must be a JavaScript module whose default export maps names to text or functions`,
    };
  }
}

/** The default export's map, or why it is not one. */
function checkedMap(module: unknown): Readonly<Record<string, ShortcodeValue>> | string {
  const exported = typeof module === "object" && module !== null && "default" in module ? module.default : undefined;
  if (typeof exported !== "object" || exported === null || Array.isArray(exported)) {
    return "its default export must be an object mapping names to text or functions, such as export default { note: ({ content }) => `<aside>${content}</aside>` }";
  }
  const map: Record<string, ShortcodeValue> = {};
  for (const [name, value] of Object.entries(exported)) {
    if (typeof value !== "string" && typeof value !== "function") return `"${name}" must be text or a function, not ${value === null ? "null" : typeof value}`;
    map[name] = typeof value === "string" ? value : (call) => Reflect.apply(value, undefined, [call]) as unknown;
  }
  return map;
}

function digest(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex").slice(0, 16);
}

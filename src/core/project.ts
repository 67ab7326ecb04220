import { dirname, isAbsolute, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The project's own folder: layouts, the Eleventy config and the sample archive live here. */
export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

/** Whether `child` lies below `parent` (both absolute). */
export function isInside(child: string, parent: string): boolean {
  const fromParent = relative(parent, child);
  return fromParent !== "" && !fromParent.startsWith("..") && !isAbsolute(fromParent);
}

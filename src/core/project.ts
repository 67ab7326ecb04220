import { readFileSync } from "node:fs";
import { dirname, extname, isAbsolute, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const THIS_MODULE = fileURLToPath(import.meta.url);

/**
 * The project's own folder, two above this module whether it runs from src/core/
 * (TypeScript, in this repository) or from dist/core/ (the compiled package):
 * the theme's layouts, the templates of `news-archive init` and package.json live here.
 */
export const PROJECT_ROOT = resolve(dirname(THIS_MODULE), "../..");

/** The folder of the code that is running: src/ under tsx, dist/ in the installed package. */
export const CODE_ROOT = resolve(dirname(THIS_MODULE), "..");

/**
 * Whether the running code is the package's compiled JavaScript (dist/), whose
 * browser scripts were bundled when the package was made, rather than the
 * TypeScript sources, which are bundled on first use.
 */
export const RUNS_COMPILED = extname(THIS_MODULE) === ".js";

/** The sample archive; only in this repository, the package does not ship it. */
export const SAMPLE_CONTENT_DIR = join(PROJECT_ROOT, "content");

/** What this package's package.json says about itself. */
interface OwnPackage {
  readonly name: string;
  readonly version: string;
  /** Runtime dependencies and their version ranges. */
  readonly dependencies: Readonly<Record<string, string>>;
}

let ownPackage: OwnPackage | undefined;

/** This package's name, version and dependencies, read once from its package.json. */
export function readOwnPackage(): OwnPackage {
  ownPackage ??= JSON.parse(readFileSync(join(PROJECT_ROOT, "package.json"), "utf8")) as OwnPackage;
  return ownPackage;
}

/** Whether `child` lies below `parent` (both absolute). */
export function isInside(child: string, parent: string): boolean {
  const fromParent = relative(parent, child);
  return fromParent !== "" && !fromParent.startsWith("..") && !isAbsolute(fromParent);
}

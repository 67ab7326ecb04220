import { createHash, type Hash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { basename, dirname, join } from "node:path";

/** Where the running code is, and which of its folders make what is being identified. */
export interface RunningCode {
  /** The package's folder, holding its package.json. */
  readonly projectRoot: string;
  /** The folder of the running modules: src/ (TypeScript under tsx) or dist/ (compiled). */
  readonly codeRoot: string;
  /** Folders of codeRoot whose modules count, such as ["core", "content"]. */
  readonly folders: readonly string[];
  /** The extension of the running modules: ".ts" or ".js". */
  readonly moduleExtension: string;
}

/**
 * A hash of the code that is running: the modules of the given folders as they
 * run (the TypeScript sources in this repository, the compiled JavaScript in the
 * installed package), and every package the package's runtime dependencies load,
 * by name and version, as installed. It does not rely on a lock file,
 * which an installed package does not have.
 */
export function runningCodeIdentity(code: RunningCode): string {
  const hash = createHash("sha256");
  for (const folder of code.folders)
    hashFiles(hash, join(code.codeRoot, folder), folder, (file) => file.endsWith(code.moduleExtension) && !file.endsWith(".d.ts"));
  for (const installed of installedPackages(code.projectRoot)) hash.update(`${installed}\0`);
  return hash.digest("hex");
}

/**
 * What makes the pages of a site's output besides their own views: the
 * running code (`codeIdentity`, from runningCodeIdentity: it writes the
 * pages' HTML), the templates that print the pages (`layoutFolders`: the
 * theme's and an archive's own) and the settings. A page whose view and this
 * identity are unchanged gets the same file, which a build reuses.
 */
export function outputIdentity(codeIdentity: string, layoutFolders: readonly string[], settings: unknown): string {
  const hash = createHash("sha256").update(codeIdentity).update(JSON.stringify(settings));
  for (const [at, folder] of layoutFolders.entries()) hashFiles(hash, folder, String(at), () => true);
  return hash.digest("hex");
}

/** Adds every file under `dir` to the hash, by its name (under `label`) and content, in name order. */
function hashFiles(hash: Hash, dir: string, label: string, wanted: (file: string) => boolean): void {
  // Names, then stat: a linked file counts by its target's content.
  const files = readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((file) => wanted(file) && statSync(join(dir, file)).isFile())
    .sort();
  for (const file of files) hash.update(`${label}/${file}\0`).update(readFileSync(join(dir, file)));
}

interface PackageJson {
  readonly name?: string;
  readonly version?: string;
  readonly dependencies?: Readonly<Record<string, string>>;
  readonly optionalDependencies?: Readonly<Record<string, string>>;
}

/**
 * The package at `root` and every package its runtime dependencies load,
 * transitively, found as Node finds them (the nearest node_modules folder up
 * from the package that asks), as "name@version", sorted. An optional
 * dependency that is not installed (another platform's binary) is left out.
 */
export function installedPackages(root: string): string[] {
  const found = new Map<string, string>();
  const visit = (dir: string): void => {
    if (found.has(dir)) return;
    const manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as PackageJson;
    found.set(dir, `${manifest.name ?? "?"}@${manifest.version ?? "?"}`);
    for (const name of Object.keys({ ...manifest.dependencies, ...manifest.optionalDependencies })) {
      const dependency = resolvePackageDir(name, dir);
      if (dependency !== undefined) visit(dependency);
    }
  };
  visit(root);
  return [...found.values()].sort();
}

/** The folder Node would load package `name` from, for code in `from`. */
function resolvePackageDir(name: string, from: string): string | undefined {
  for (let dir = from; ; dir = dirname(dir)) {
    if (basename(dir) !== "node_modules") {
      const candidate = join(dir, "node_modules", name);
      if (existsSync(join(candidate, "package.json"))) return candidate;
    }
    if (dirname(dir) === dir) return undefined;
  }
}

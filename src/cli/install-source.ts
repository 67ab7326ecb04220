import { readFileSync } from "node:fs";
import { isAbsolute, join, relative, resolve, sep } from "node:path";

/**
 * Where the running news-archive package was installed from, so that the
 * archive `init` makes depends on the same thing and its `npm install`
 * resolves: the registry's version, a tarball (`npm pack`), a folder (a
 * clone, `npm link`) or a git or web address.
 *
 * npm no longer writes `_resolved` into an installed package's package.json;
 * it records where each package came from in the lock file of the folder it
 * installed into (`node_modules/.package-lock.json`, or `package-lock.json`;
 * `npx --package X` installs into a folder of its own cache, with both). A
 * package that runs from outside any `node_modules` folder is a folder: a
 * clone, run directly or through `npm link`, whose global link Node resolves
 * to the clone itself.
 */
export type InstallSource =
  | { readonly kind: "registry"; readonly version: string }
  | { readonly kind: "tarball" | "folder"; readonly path: string }
  | { readonly kind: "address"; readonly address: string }
  | { readonly kind: "unknown"; readonly version: string };

/** What a lock file says of one installed package. */
interface LockEntry {
  readonly resolved?: string;
  readonly link?: boolean;
}

/** Where the package whose folder is `packageRoot` was installed from, read from the lock file of the folder it was installed into. */
export function installSourceOf(packageRoot: string, tool: { readonly name: string; readonly version: string }): InstallSource {
  const parts = packageRoot.split(sep);
  const modules = parts.lastIndexOf("node_modules");
  if (modules < 0) return { kind: "folder", path: packageRoot };
  const installRoot = parts.slice(0, modules).join(sep) || sep;
  const key = parts.slice(modules).join("/");
  for (const lockFile of [join(installRoot, "node_modules/.package-lock.json"), join(installRoot, "package-lock.json")]) {
    const entry = lockEntryOf(lockFile, key);
    if (entry !== undefined) return sourceOfLockEntry(entry, installRoot, tool);
  }
  return { kind: "unknown", version: tool.version };
}

/** The source a lock file's entry names; `installRoot` is the folder its relative paths start from. */
export function sourceOfLockEntry(entry: LockEntry, installRoot: string, tool: { readonly name: string; readonly version: string }): InstallSource {
  const resolved = entry.resolved;
  if (resolved === undefined) return { kind: "unknown", version: tool.version };
  // A link's "resolved" is the folder's path, relative to the install root.
  if (entry.link === true) return { kind: "folder", path: resolve(installRoot, resolved.replace(/^file:/, "")) };
  if (resolved.startsWith("file:")) {
    const path = resolve(installRoot, resolved.slice("file:".length));
    return { kind: /\.(tgz|tar\.gz|tar)$/.test(path) ? "tarball" : "folder", path };
  }
  // A registry's tarball: .../news-archive/-/news-archive-0.1.0.tgz (.../@scope/name/-/name-0.1.0.tgz).
  const fileName = `${tool.name.split("/").pop() ?? tool.name}-${tool.version}.tgz`;
  if (/^https?:\/\//.test(resolved) && resolved.endsWith(`/${tool.name}/-/${fileName}`)) return { kind: "registry", version: tool.version };
  return { kind: "address", address: resolved };
}

/** The dependency a new archive in `archiveDir` writes for a source: a version range, or an address that resolves from its folder. */
export function dependencySpecFor(source: InstallSource, archiveDir: string): string {
  switch (source.kind) {
    case "registry":
    case "unknown":
      return `^${source.version}`;
    case "address":
      return source.address;
    case "tarball":
    case "folder": {
      // Relative, as npm itself writes `npm install ../x.tgz`, so that the archive and the package can move together.
      const path = relative(archiveDir, source.path);
      return `file:${isAbsolute(path) ? path : path.split(sep).join("/")}`;
    }
  }
}

/** How init names a source to the person who ran it. */
export function describeInstallSource(source: InstallSource): string {
  switch (source.kind) {
    case "registry":
      return `the registry's version ${source.version}`;
    case "tarball":
      return `the tarball ${source.path}`;
    case "folder":
      return `the folder ${source.path}`;
    case "address":
      return source.address;
    case "unknown":
      return `version ${source.version} from the registry (where this copy was installed from could not be told; if it is not on the registry, change the dependency to the tarball, folder or git address you installed it from)`;
  }
}

function lockEntryOf(lockFile: string, key: string): LockEntry | undefined {
  let lock: unknown;
  try {
    lock = JSON.parse(readFileSync(lockFile, "utf8"));
  } catch {
    return undefined;
  }
  const packages = typeof lock === "object" && lock !== null && "packages" in lock ? lock.packages : undefined;
  const entry = typeof packages === "object" && packages !== null && Object.hasOwn(packages, key) ? (packages as Record<string, unknown>)[key] : undefined;
  if (typeof entry !== "object" || entry === null) return undefined;
  const resolved = "resolved" in entry && typeof entry.resolved === "string" ? entry.resolved : undefined;
  return { ...(resolved === undefined ? {} : { resolved }), ...("link" in entry && entry.link === true ? { link: true } : {}) };
}

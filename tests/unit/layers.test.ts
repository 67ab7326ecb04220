import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, it } from "node:test";
import { PROJECT_ROOT } from "../../src/core/project.ts";

/**
 * The layer rule of docs/architecture.md, kept true by this test: each
 * folder of src/ may import its own files and the folders below it, never
 * one above. The browser scripts and the service worker are bundled
 * separately for the browser: they may use the pure parts below them, and
 * nothing imports them.
 */
const LAYERS: readonly (readonly string[])[] = [
  ["text"],
  ["core"],
  ["content"],
  ["model"],
  ["render"],
  ["search"],
  ["publish"],
  ["pipeline"],
  ["import"],
  ["cli"],
];
const BUNDLED_FOR_THE_BROWSER: ReadonlyMap<string, readonly string[]> = new Map([
  ["browser", ["text", "core", "search"]],
  ["worker", ["core"]],
]);

const SRC = join(PROJECT_ROOT, "src");
/** Static imports and re-exports (`import … from "x"`, `import "x"`, `export … from "x"`) and dynamic `import("x")`. */
const IMPORT_SPECIFIER = /^\s*(?:import|export)\s[^;]*?\bfrom\s*["']([^"']+)["']|^\s*import\s*["']([^"']+)["']|\bimport\(\s*["']([^"']+)["']\s*\)/gm;

interface Module {
  /** From src/, with forward slashes. */
  readonly path: string;
  readonly imports: readonly string[];
}

function readModules(): Module[] {
  return readdirSync(SRC, { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith(".ts") && !file.endsWith(".d.ts"))
    .sort()
    .map((file) => {
      const text = readFileSync(join(SRC, file), "utf8");
      const imports = [...text.matchAll(IMPORT_SPECIFIER)]
        .map((match) => match[1] ?? match[2] ?? match[3] ?? "")
        // Our modules, not the packages'.
        .filter((specifier) => specifier.startsWith(".") && specifier.endsWith(".ts"))
        .map((specifier) => relative(SRC, resolve(dirname(join(SRC, file)), specifier)).split("\\").join("/"));
      return { path: file.split("\\").join("/"), imports };
    });
}

const folderOf = (path: string): string => path.split("/")[0] ?? "";
const rankOf = (folder: string): number => LAYERS.findIndex((layer) => layer.includes(folder));

/** Why an import breaks the rule, or undefined when it keeps it. */
function breach(from: string, to: string): string | undefined {
  const fromFolder = folderOf(from);
  const toFolder = folderOf(to);
  if (fromFolder === toFolder) return undefined;
  if (BUNDLED_FOR_THE_BROWSER.has(toFolder)) return `${toFolder}/ is bundled for the browser; nothing imports it`;
  const browserMay = BUNDLED_FOR_THE_BROWSER.get(fromFolder);
  if (browserMay !== undefined) return browserMay.includes(toFolder) ? undefined : `${fromFolder}/ may import only ${browserMay.join(", ")}`;
  const fromRank = rankOf(fromFolder);
  const toRank = rankOf(toFolder);
  if (fromRank < 0) return `${fromFolder}/ is in no layer`;
  if (toRank < 0) return `${toFolder}/ is in no layer`;
  return toRank < fromRank ? undefined : `${toFolder}/ is not below ${fromFolder}/`;
}

/** The import cycles between files, each as the list of files around it. */
function cycles(modules: readonly Module[]): string[][] {
  const edges = new Map(modules.map((module) => [module.path, module.imports]));
  const state = new Map<string, "open" | "done">();
  const found: string[][] = [];
  const visit = (path: string, trail: string[]): void => {
    if (state.get(path) === "done") return;
    if (state.get(path) === "open") {
      found.push([...trail.slice(trail.indexOf(path)), path]);
      return;
    }
    state.set(path, "open");
    for (const next of edges.get(path) ?? []) visit(next, [...trail, path]);
    state.set(path, "done");
  };
  for (const module of modules) visit(module.path, []);
  return found;
}

describe("the layers of src/", () => {
  const modules = readModules();

  it("finds the modules and their imports", () => {
    assert.ok(modules.length > 40, `only ${modules.length} modules found`);
    assert.ok(modules.some((module) => module.imports.includes("core/urls.ts")));
  });

  it("puts every folder of src/ in a layer", () => {
    const folders = new Set(modules.map((module) => folderOf(module.path)));
    const unplaced = [...folders].filter((folder) => rankOf(folder) < 0 && !BUNDLED_FOR_THE_BROWSER.has(folder));
    assert.deepEqual(unplaced, []);
  });

  it("has no import from a layer to one above it", () => {
    const breaches = modules.flatMap((module) =>
      module.imports.flatMap((target) => {
        const why = breach(module.path, target);
        return why === undefined ? [] : [`${module.path} imports ${target}: ${why}`];
      }),
    );
    assert.deepEqual(breaches, []);
  });

  it("has no cycle of imports between files", () => {
    assert.deepEqual(cycles(modules), []);
  });

  it("names a breach of the rule when there is one", () => {
    assert.equal(breach("content/load-archive.ts", "pipeline/build.ts"), "pipeline/ is not below content/");
    assert.equal(breach("render/theme.ts", "browser/search.ts"), "browser/ is bundled for the browser; nothing imports it");
    assert.equal(breach("browser/search.ts", "publish/feeds.ts"), "browser/ may import only text, core, search");
    assert.equal(breach("core/article.ts", "text/index-record.ts"), undefined, "text/ is the lowest layer");
    assert.equal(breach("publish/feeds.ts", "core/urls.ts"), undefined);
    assert.deepEqual(cycles([{ path: "a.ts", imports: ["b.ts"] }, { path: "b.ts", imports: ["a.ts"] }]), [["a.ts", "b.ts", "a.ts"]]);
  });
});

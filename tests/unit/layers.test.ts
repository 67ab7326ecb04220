import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { builtinModules } from "node:module";
import { dirname, join, relative, resolve } from "node:path";
import { describe, it } from "node:test";
import { PROJECT_ROOT } from "../../src/core/project.ts";

/**
 * The layer rule of docs/architecture.md, kept true by this test: the table
 * under "The layers" names, for each folder of src/, the folders it may
 * import from. A file may import files of its own folder and of those, and
 * nothing else; the browser scripts and the service worker, bundled
 * separately for the browser, are in no row, so nothing imports them.
 */
const ARCHITECTURE_DOC = join(PROJECT_ROOT, "docs", "architecture.md");

/** Each folder's row of the table: the folders it may import from. */
type LayerEdges = ReadonlyMap<string, readonly string[]>;

/** Reads the table of the section "The layers": `| \`folder\` | \`a\`, \`b\` (or nothing) | what it holds |`. */
function readLayerEdges(markdown: string): LayerEdges {
  const section = markdown.split(/^## /m).find((part) => part.startsWith("The layers\n")) ?? "";
  const edges = new Map<string, string[]>();
  for (const line of section.split("\n")) {
    const cells = line.split("|").map((cell) => cell.trim());
    const folder = /^`([a-z-]+)`$/.exec(cells[1] ?? "")?.[1];
    if (folder === undefined || cells.length < 4) continue;
    edges.set(
      folder,
      [...(cells[2] ?? "").matchAll(/`([a-z-]+)`/g)].map((match) => match[1] ?? ""),
    );
  }
  return edges;
}

const SRC = join(PROJECT_ROOT, "src");
/** Static imports and re-exports (`import … from "x"`, `import "x"`, `export … from "x"`) and dynamic `import("x")`. */
const IMPORT_SPECIFIER = /^\s*(?:import|export)\s[^;]*?\bfrom\s*["']([^"']+)["']|^\s*import\s*["']([^"']+)["']|\bimport\(\s*["']([^"']+)["']\s*\)/gm;
/** Imports of types alone (`import type … from "x"`, `export type … from "x"`), which compiling erases: nothing of "x" is bundled for them. */
const TYPE_IMPORT = /^\s*(?:import|export)\s+type\s/;

interface Module {
  /** From src/, with forward slashes. */
  readonly path: string;
  /** Our modules it imports, from src/. */
  readonly imports: readonly string[];
  /** Those of them it imports more than types from: what a bundle of it holds. */
  readonly valueImports: readonly string[];
  /** What else it imports: packages and Node's modules, as written. */
  readonly packages: readonly string[];
}

function readModules(): Module[] {
  return readdirSync(SRC, { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith(".ts") && !file.endsWith(".d.ts"))
    .sort()
    .map((file) => {
      const text = readFileSync(join(SRC, file), "utf8");
      const found = [...text.matchAll(IMPORT_SPECIFIER)].map((match) => ({
        specifier: match[1] ?? match[2] ?? match[3] ?? "",
        typesOnly: TYPE_IMPORT.test(match[0]),
      }));
      const ours = (specifier: string): boolean => specifier.startsWith(".") && specifier.endsWith(".ts");
      const fromSrc = (specifier: string): string =>
        relative(SRC, resolve(dirname(join(SRC, file)), specifier))
          .split("\\")
          .join("/");
      return {
        path: file.split("\\").join("/"),
        imports: found.filter((item) => ours(item.specifier)).map((item) => fromSrc(item.specifier)),
        valueImports: found.filter((item) => ours(item.specifier) && !item.typesOnly).map((item) => fromSrc(item.specifier)),
        packages: found.filter((item) => !ours(item.specifier)).map((item) => item.specifier),
      };
    });
}

const folderOf = (path: string): string => path.split("/")[0] ?? "";

/** Why an import breaks the rule, or undefined when it keeps it. */
function breach(edges: LayerEdges, from: string, to: string): string | undefined {
  const fromFolder = folderOf(from);
  const toFolder = folderOf(to);
  if (fromFolder === toFolder) return undefined;
  const allowed = edges.get(fromFolder);
  if (allowed === undefined) return `${fromFolder}/ has no row in the table of layers`;
  if (allowed.includes(toFolder)) return undefined;
  return allowed.length === 0 ? `${fromFolder}/ may import no other folder` : `${fromFolder}/ may import only ${allowed.join(", ")}`;
}

/** The programs bundled for the browser: the modules of these folders, and every module they import, as esbuild bundles them. */
const BROWSER_PROGRAMS = ["browser", "worker"];

/** Every module a browser bundle holds, from its programs' modules down through their imports (but of types alone), sorted. */
function bundledForBrowser(modules: readonly Module[]): string[] {
  const importsOf = new Map(modules.map((module) => [module.path, module.valueImports]));
  const found = new Set<string>();
  const visit = (path: string): void => {
    if (found.has(path)) return;
    found.add(path);
    for (const next of importsOf.get(path) ?? []) visit(next);
  };
  for (const module of modules) if (BROWSER_PROGRAMS.includes(folderOf(module.path))) visit(module.path);
  return [...found].sort();
}

/** The mark of a module of core/, text/ or search/ that the browser runs: `x.browser.ts`, as Eleventy marks its adapters `.core`/`.client`. */
const BROWSER_MARK = ".browser.ts";

/**
 * The modules whose name and bundling disagree: bundled for the browser but
 * not marked, or marked but in no bundle. The browser programs' own folders
 * need no mark: all of them are bundled.
 */
function misnamed(modules: readonly Module[], bundled: ReadonlySet<string>): string[] {
  return modules
    .filter((module) => !BROWSER_PROGRAMS.includes(folderOf(module.path)))
    .flatMap((module) => {
      const marked = module.path.endsWith(BROWSER_MARK);
      if (bundled.has(module.path) && !marked) return [`${module.path} is bundled for the browser: name it ${module.path.replace(/\.ts$/, BROWSER_MARK)}`];
      if (!bundled.has(module.path) && marked) return [`${module.path} is in no browser bundle: name it ${module.path.replace(BROWSER_MARK, ".ts")}`];
      return [];
    });
}

/** Whether a specifier names one of Node's own modules ("node:fs", or "fs" written the old way): browsers have none. */
const isNodeModule = (specifier: string): boolean => specifier.startsWith("node:") || builtinModules.includes(specifier.split("/")[0] ?? "");

/** The import cycles between files, each as the list of files around it. */
function cycles(modules: readonly Pick<Module, "path" | "imports">[]): string[][] {
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

describe("the code bundled for the browser", () => {
  const modules = readModules();
  const bundled = new Set(bundledForBrowser(modules));

  it("holds the browser scripts, the service worker and the parts of core, text and search they use", () => {
    for (const path of ["browser/search.ts", "worker/service-worker.ts", "core/archive-save.browser.ts", "text/words.browser.ts", "search/searcher.browser.ts"])
      assert.ok(bundled.has(path), `${path} is bundled`);
    for (const path of ["core/files.ts", "search/search-index.ts", "render/browser-scripts.ts"]) assert.ok(!bundled.has(path), `${path} is not bundled`);
  });

  it("marks each module it holds, and no other, by its name (*.browser.ts)", () => {
    assert.deepEqual(misnamed(modules, bundled), []);
    assert.ok([...bundled].filter((path) => path.endsWith(BROWSER_MARK)).length > 10, "the marked modules are found");
  });

  it("names a module whose mark is wrong, and follows no import of types alone", () => {
    const fake = (path: string, valueImports: readonly string[], typeImports: readonly string[] = []): Module => ({
      path,
      imports: [...valueImports, ...typeImports],
      valueImports,
      packages: [],
    });
    const programs = [
      fake("browser/page.ts", ["search/find.ts", "core/marked.browser.ts"], ["core/types-only.browser.ts"]),
      fake("search/find.ts", []),
      fake("core/marked.browser.ts", []),
      fake("core/types-only.browser.ts", []),
      fake("core/node-only.ts", []),
    ];
    assert.deepEqual(misnamed(programs, new Set(bundledForBrowser(programs))), [
      "search/find.ts is bundled for the browser: name it search/find.browser.ts",
      "core/types-only.browser.ts is in no browser bundle: name it core/types-only.ts",
    ]);
  });

  it("imports none of Node's modules, so that every browser bundle runs in a browser", () => {
    const nodeImports = modules
      .filter((module) => bundled.has(module.path))
      .flatMap((module) => module.packages.filter(isNodeModule).map((specifier) => `${module.path} imports ${specifier}`));
    assert.deepEqual(nodeImports, [], `the bundled modules are ${[...bundled].join(", ")}`);
  });

  it("tells Node's modules from packages", () => {
    assert.ok(isNodeModule("node:fs") && isNodeModule("fs/promises") && isNodeModule("path"));
    assert.ok(!isNodeModule("workbox-routing") && !isNodeModule("@orama/stemmers/english"));
  });
});

describe("the layers of src/", () => {
  const modules = readModules();
  const edges = readLayerEdges(readFileSync(ARCHITECTURE_DOC, "utf8"));
  /** Every import from one folder to another, as "from -> to", once each. */
  const taken = new Set(modules.flatMap((module) => module.imports.map((target) => `${folderOf(module.path)} -> ${folderOf(target)}`)));

  it("finds the modules and their imports, and the table of layers", () => {
    assert.ok(modules.length > 40, `only ${modules.length} modules found`);
    assert.ok(modules.some((module) => module.imports.includes("core/urls.ts")));
    assert.deepEqual(edges.get("text"), [], "text/ imports no other folder");
    assert.ok(edges.get("cli")?.includes("pipeline"), "cli/ may import pipeline/");
  });

  it("gives every folder of src/ a row of the table, and the table no folder that is not there", () => {
    const folders = [...new Set(modules.map((module) => folderOf(module.path)))].sort();
    assert.deepEqual([...edges.keys()].sort(), folders);
  });

  it("has no import the table does not allow", () => {
    const breaches = modules.flatMap((module) =>
      module.imports.flatMap((target) => {
        const why = breach(edges, module.path, target);
        return why === undefined ? [] : [`${module.path} imports ${target}: ${why}`];
      }),
    );
    assert.deepEqual(breaches, []);
  });

  it("has no edge in the table that no import takes", () => {
    const unused = [...edges].flatMap(([from, allowed]) => allowed.map((to) => `${from} -> ${to}`)).filter((edge) => !taken.has(edge));
    assert.deepEqual(unused, []);
  });

  it("has no cycle in the table", () => {
    assert.deepEqual(cycles([...edges].map(([path, imports]) => ({ path, imports }))), []);
  });

  it("has no cycle of imports between files", () => {
    assert.deepEqual(cycles(modules), []);
  });

  it("names a breach of the rule when there is one", () => {
    const table = readLayerEdges(
      "## The layers\n\n| folder | may import | holds |\n| --- | --- | --- |\n| `core` | nothing | x |\n| `search` | `core` | y |\n| `render` | `core` | z |\n\n## Next\n\n| `next` | `core` | w |\n",
    );
    assert.deepEqual(
      [...table],
      [
        ["core", []],
        ["search", ["core"]],
        ["render", ["core"]],
      ],
    );
    assert.equal(breach(table, "search/stemmers.ts", "render/browser-scripts.ts"), "search/ may import only core");
    assert.equal(breach(table, "core/dates.ts", "search/words.ts"), "core/ may import no other folder");
    assert.equal(breach(table, "browser/search.ts", "core/urls.ts"), "browser/ has no row in the table of layers");
    assert.equal(breach(table, "search/words.ts", "core/urls.ts"), undefined);
    assert.equal(breach(table, "core/urls.ts", "core/dates.ts"), undefined);
    assert.deepEqual(
      cycles([
        { path: "a.ts", imports: ["b.ts"] },
        { path: "b.ts", imports: ["a.ts"] },
      ]),
      [["a.ts", "b.ts", "a.ts"]],
    );
  });
});

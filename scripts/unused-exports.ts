// `npm run lint` runs this: every name a module of src/ exports must be
// imported by another file (of src/, tests/, bench/, scripts/ or the Eleventy
// config). A name only its own module uses should not be exported, and one
// nothing uses should not exist. Prints each such name with its file and line,
// and exits 1 when there is one.
//
// It reads the files' syntax only (TypeScript's parser, no type-checking), so
// it takes a second: imports and re-exports by name, `import * as x` and
// `import("x")` (which count as using every name of their module).
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import ts from "typescript";
import { PROJECT_ROOT } from "../src/core/project.ts";

/** What the modules of src/ export, by file, with each name's line. */
type Exports = Map<string, Map<string, number>>;

/** The project's TypeScript files that git knows (but the fixtures, which are inputs), from the project's root. */
function projectFiles(): string[] {
  const listed = execFileSync("git", ["ls-files", "--cached", "--others", "--exclude-standard", "*.ts"], { cwd: PROJECT_ROOT, encoding: "utf8" });
  return listed
    .split("\n")
    .filter((file) => file !== "" && !file.endsWith(".d.ts") && !file.startsWith("tests/fixtures/"))
    .sort();
}

const EVERY_NAME = "*";

/** The file a relative specifier names, from the project's root; undefined for a package or one of Node's modules. */
function target(file: string, specifier: string): string | undefined {
  if (!specifier.startsWith(".")) return undefined;
  return relative(PROJECT_ROOT, resolve(PROJECT_ROOT, dirname(file), specifier))
    .split("\\")
    .join("/");
}

const hasExportKeyword = (node: ts.Node): boolean =>
  ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword);

/** Reads one file: the names it exports (for a module of src/), and the names it imports from each of our modules. */
function readFile(file: string, exports: Exports, used: Map<string, Set<string>>): void {
  const source = ts.createSourceFile(file, readFileSync(join(PROJECT_ROOT, file), "utf8"), ts.ScriptTarget.Latest, true);
  const line = (node: ts.Node): number => source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
  const use = (specifier: string, name: string): void => {
    const module = target(file, specifier);
    if (module === undefined) return;
    const names = used.get(module) ?? new Set<string>();
    names.add(name);
    used.set(module, names);
  };
  const exported = new Map<string, number>();
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const specifier = node.moduleSpecifier.text;
      const bindings = node.importClause?.namedBindings;
      if (node.importClause?.name !== undefined) use(specifier, "default");
      if (bindings !== undefined && ts.isNamespaceImport(bindings)) use(specifier, EVERY_NAME);
      if (bindings !== undefined && ts.isNamedImports(bindings))
        for (const element of bindings.elements) use(specifier, (element.propertyName ?? element.name).text);
    } else if (ts.isExportDeclaration(node)) {
      const specifier = node.moduleSpecifier !== undefined && ts.isStringLiteral(node.moduleSpecifier) ? node.moduleSpecifier.text : undefined;
      const clause = node.exportClause;
      if (specifier !== undefined && clause === undefined) use(specifier, EVERY_NAME);
      if (clause !== undefined && ts.isNamedExports(clause)) {
        for (const element of clause.elements) {
          if (specifier !== undefined) use(specifier, (element.propertyName ?? element.name).text);
          exported.set(element.name.text, line(element));
        }
      }
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const [argument] = node.arguments;
      if (argument !== undefined && ts.isStringLiteral(argument)) use(argument.text, EVERY_NAME);
    } else if (hasExportKeyword(node) && node.parent === source) {
      if (ts.isVariableStatement(node)) {
        for (const declaration of node.declarationList.declarations)
          if (ts.isIdentifier(declaration.name)) exported.set(declaration.name.text, line(declaration));
      } else if (
        (ts.isFunctionDeclaration(node) ||
          ts.isClassDeclaration(node) ||
          ts.isInterfaceDeclaration(node) ||
          ts.isTypeAliasDeclaration(node) ||
          ts.isEnumDeclaration(node)) &&
        node.name !== undefined
      ) {
        exported.set(node.name.text, line(node));
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  if (file.startsWith("src/")) exports.set(file, exported);
}

/** Each name a module of src/ exports that no other file imports, as "file:line: name". */
export function unusedExports(files: readonly string[]): string[] {
  const exports: Exports = new Map();
  const used = new Map<string, Set<string>>();
  for (const file of files) readFile(file, exports, used);
  return [...exports].flatMap(([file, names]) => {
    const imported = used.get(file) ?? new Set<string>();
    if (imported.has(EVERY_NAME)) return [];
    return [...names].filter(([name]) => !imported.has(name)).map(([name, at]) => `${file}:${at}: ${name} is exported, but no other file imports it`);
  });
}

const found = unusedExports(projectFiles());
for (const line of found) console.error(line);
if (found.length > 0) {
  console.error(`${found.length} exported name(s) that nothing imports: stop exporting those their own module uses, remove the others`);
  process.exitCode = 1;
} else {
  console.log("exports: every exported name of src/ is imported somewhere");
}

import { existsSync } from "node:fs";
import { appendFile, constants, copyFile, mkdir, readdir, readFile, rename, writeFile } from "node:fs/promises";
import { basename, dirname, join, relative, resolve } from "node:path";
import { buildDay } from "../core/dates.ts";
import { errorCodeOf } from "../core/diagnostics.ts";
import { PROJECT_ROOT, readOwnPackage } from "../core/project.ts";
import { parseCommandLine } from "./arguments.ts";
import { dependencySpecFor, describeInstallSource, installSourceOf, type InstallSource } from "./install-source.ts";
import { archivePackageJson, articleFilePath, SETTINGS_SCHEMA_FILE, settingsFileText, withArchiveEntries } from "./scaffold.ts";

/**
 * What a folder may hold already for init to start an archive in it: what
 * `git init`, `npm init` and `npm install` write, and a repository's usual
 * files. Anything else makes init refuse the folder, so that it never mixes
 * an archive into another project.
 */
const TOLERATED_ENTRIES = [
  ".git",
  ".gitignore",
  ".gitattributes",
  "package.json",
  "package-lock.json",
  "node_modules",
  "README.md",
  "LICENSE",
  ".editorconfig",
  ".npmrc",
  ".nvmrc",
  ".vscode",
  ".DS_Store",
];

const INIT_USAGE = `Usage: news-archive init [DIR]

Starts a new archive in DIR (default: the current folder): a new or empty folder, or one
holding no more than what git init and npm init write and a repository's usual files,
${wrapped(TOLERATED_ENTRIES.join(", "), "  ")}.

It writes:
  content/                    the articles: a welcome article showing every front-matter field
  content/news-archive.jsonc  the settings, each at its default, with a comment saying what it does
  package.json                npm start serves the archive, npm run build builds it; it depends on
                              news-archive as this copy was installed (the registry's version, or
                              the tarball, folder or git address it came from)
  vendor/news-archive-*.tgz   when this copy came from a tarball: the tarball, which package.json names
  .gitignore
  deploy/                     examples publishing the archive with GitHub Pages, Netlify and
                              Cloudflare Pages, and the _headers file the last two read

A package.json or .gitignore already there is never replaced: it gains only the scripts,
dependency or lines it lacks.

  --help               this text`;

/** The files of templates/init/ that init copies, and where each goes in the new archive. */
const COPIED_TEMPLATES: readonly { readonly template: string; readonly to: string }[] = [
  "github-pages.yml",
  "netlify.toml",
  "cloudflare-pages.yml",
  "_headers",
].map((file) => ({
  template: `deploy/${file}`,
  to: `deploy/${file}`,
}));
/** Where a new archive keeps the package's tarball it was started from, so that npm install finds it on any machine, a deploy's included. */
const VENDOR_FOLDER = "vendor";
/** npm leaves files named .gitignore out of packages: the template is named without its dot. */
const GITIGNORE_TEMPLATE = "gitignore";
const WELCOME_TEMPLATE = "content/welcome.md";

/** `news-archive init [DIR]`. */
export async function initCommand(argv: readonly string[]): Promise<number> {
  const line = parseCommandLine(argv, {}, INIT_USAGE, 1);
  if (!line.ok) return line.exitCode;
  const shownDir = line.positionals[0] ?? ".";
  const dir = resolve(shownDir);
  const refusal = await refusalToInit(dir, shownDir);
  if (refusal !== undefined) {
    console.error(`${shownDir}: error: ${refusal}`);
    return 1;
  }
  const tool = readOwnPackage();
  const found = installSourceOf(PROJECT_ROOT, tool);
  // A tarball deleted since npx installed from it cannot be copied: the version is named instead, and init says so.
  const source: InstallSource = found.kind === "tarball" && !existsSync(found.path) ? { kind: "unknown", version: tool.version } : found;
  // A tarball is copied into the archive and named from there: the one it came from is outside the archive's repository.
  const vendored = source.kind === "tarball" ? `${VENDOR_FOLDER}/${basename(source.path)}` : undefined;
  const dependency = vendored === undefined ? dependencySpecFor(source, dir) : `file:${vendored}`;
  const templates = join(PROJECT_ROOT, "templates/init");
  const manifest = await packageJsonFor(dir, tool, dependency);
  if ("problem" in manifest) {
    console.error(`${join(shownDir, "package.json")}: error: ${manifest.problem}`);
    return 1;
  }
  const dependencyWritten = manifest.added === undefined || manifest.added.includes(`dependency "${tool.name}"`);
  // The welcome article is dated today in UTC, the time zone of the settings' defaults.
  const welcome = join("content", articleFilePath(buildDay(process.env["SOURCE_DATE_EPOCH"], Date.now(), "UTC"), "welcome"));
  const files: readonly (readonly [string, string])[] = [
    ...(await Promise.all(COPIED_TEMPLATES.map(async ({ template, to }) => [to, await readFile(join(templates, template), "utf8")] as const))),
    ["content/news-archive.jsonc", settingsFileText(`../node_modules/${tool.name}/${SETTINGS_SCHEMA_FILE}`)],
    [welcome, await readFile(join(templates, WELCOME_TEMPLATE), "utf8")],
  ];
  const said: string[] = [];
  try {
    said.push(await writePackageJson(dir, manifest));
    if (source.kind === "tarball" && vendored !== undefined && dependencyWritten) {
      await mkdir(join(dir, VENDOR_FOLDER), { recursive: true });
      await copyFile(source.path, join(dir, vendored), constants.COPYFILE_EXCL);
      said.push(`  ${vendored} (the package, which package.json names: commit it with the archive)`);
    }
    said.push(await writeGitignore(dir, await readFile(join(templates, GITIGNORE_TEMPLATE), "utf8")));
    for (const [path, text] of files) {
      await mkdir(dirname(join(dir, path)), { recursive: true });
      // "wx": fails when the file exists, so that nothing is ever overwritten, even by a race.
      await writeFile(join(dir, path), text, { flag: "wx" });
      said.push(`  ${path.split("\\").join("/")}`);
    }
  } catch (cause) {
    console.error(`${shownDir}: error: cannot write the new archive (${errorCodeOf(cause)})`);
    return 1;
  }
  const cd = relative(process.cwd(), dir);
  console.log(
    [
      `A new archive in ${shownDir}:`,
      ...said,
      "",
      dependencyWritten
        ? `package.json depends on ${tool.name} from ${describeInstallSource(source)}: "${dependency}".`
        : `package.json names ${tool.name} already; its dependency is left as it was.`,
      ...(dependencyWritten && source.kind === "folder"
        ? [`A deploy (deploy/) installs it too: there, depend on a tarball (npm pack) or a git address instead of the folder.`]
        : []),
      "",
      "Next:",
      ...(cd === "" ? [] : [`  cd ${cd}`]),
      "  npm install",
      "  npm start                          serves it at http://localhost:8080",
      `  npx ${tool.name} new "A first article"`,
    ].join("\n"),
  );
  return 0;
}

/** Why init may not write in `dir`: it is a file, or a folder that holds something besides the tolerated entries. */
async function refusalToInit(dir: string, shownDir: string): Promise<string | undefined> {
  let entries: string[];
  try {
    entries = await readdir(dir);
  } catch (cause) {
    const code = errorCodeOf(cause);
    if (code === "ENOENT") return undefined;
    return `cannot start an archive here (${code === "ENOTDIR" ? "it is a file" : code}); give a new or empty folder`;
  }
  const others = entries.filter((entry) => !TOLERATED_ENTRIES.includes(entry)).sort();
  if (others.length === 0) return undefined;
  const shown = `${others.slice(0, 3).join(", ")}${others.length > 3 ? ", ..." : ""}`;
  return `the folder holds ${shown}; init starts an archive only in a new or empty folder, or one holding no more than what git init and npm init write (init --help lists them), so that nothing is overwritten; news-archive init ${join(shownDir, "my-news")} makes a new folder`;
}

type PackageJsonPlan = { readonly text: string; readonly added?: readonly string[] } | { readonly problem: string };

/** The package.json to write: a new one, or the one there with what the archive lacks added. */
async function packageJsonFor(dir: string, tool: { readonly name: string }, dependency: string): Promise<PackageJsonPlan> {
  const path = join(dir, "package.json");
  if (!existsSync(path)) return { text: archivePackageJson(basename(dir), tool, dependency) };
  const updated = withArchiveEntries(await readFile(path, "utf8"), tool, dependency);
  return updated ?? { problem: "is not a JSON object; fix it, or start the archive in a new folder" };
}

async function writePackageJson(dir: string, plan: { readonly text: string; readonly added?: readonly string[] }): Promise<string> {
  const path = join(dir, "package.json");
  if (plan.added === undefined) {
    await mkdir(dir, { recursive: true });
    await writeFile(path, plan.text, { flag: "wx" });
    return "  package.json";
  }
  if (plan.added.length === 0) return "  package.json (kept as it was: it has the scripts and the dependency)";
  // Written whole or not at all: a half-written package.json would lose what it held.
  await writeFile(`${path}.news-archive-init`, plan.text, { flag: "wx" });
  await rename(`${path}.news-archive-init`, path);
  return `  package.json (kept, with ${plan.added.join(", ")} added)`;
}

/** Writes .gitignore, or adds to the one there the lines it lacks ("node_modules" and "/node_modules/" are the same line). */
async function writeGitignore(dir: string, template: string): Promise<string> {
  const path = join(dir, ".gitignore");
  const wanted = template.split("\n").filter((line) => line.trim() !== "");
  if (!existsSync(path)) {
    await writeFile(path, template, { flag: "wx" });
    return "  .gitignore";
  }
  const present = await readFile(path, "utf8");
  const normal = (line: string): string => line.trim().replace(/^\//, "").replace(/\/$/, "");
  const have = new Set(present.split("\n").map(normal));
  const missing = wanted.filter((line) => !have.has(normal(line)));
  if (missing.length === 0) return "  .gitignore (kept as it was)";
  await appendFile(path, `${present === "" || present.endsWith("\n") ? "" : "\n"}${missing.join("\n")}\n`);
  return `  .gitignore (kept, with ${missing.join(", ")} added)`;
}

/** Text broken into lines of at most 88 characters, each starting with `indent`. */
function wrapped(text: string, indent: string): string {
  const lines: string[] = [];
  for (const word of text.split(" ")) {
    const last = lines.at(-1);
    if (last !== undefined && last.length + word.length < 88) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(`${indent}${word}`);
  }
  return lines.join("\n");
}

import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { basename, dirname, join, relative, resolve } from "node:path";
import { errorCodeOf } from "../core/diagnostics.ts";
import { PROJECT_ROOT, readOwnPackage } from "../core/project.ts";
import { buildDay } from "../model/views/context.ts";
import { parseCommandLine } from "./arguments.ts";
import { archivePackageJson, articleFilePath, SETTINGS_SCHEMA_FILE, settingsFileText } from "./scaffold.ts";

const INIT_USAGE = `Usage: news-archive init [DIR]

Starts a new archive in DIR (default: the current folder), which must be empty or new:
  content/                    the articles: a welcome article showing every front-matter field
  content/news-archive.jsonc  the settings, each at its default, with a comment saying what it does
  package.json                npm start serves the archive, npm run build builds it
  .gitignore
  deploy/github-pages.yml     an example workflow publishing the archive with GitHub Pages

  --help               this text`;

/** The files of templates/init/ that init copies, and where each goes in the new archive. */
const COPIED_TEMPLATES: readonly { readonly template: string; readonly to: string }[] = [
  // npm leaves files named .gitignore out of packages: the template is named without its dot.
  { template: "gitignore", to: ".gitignore" },
  { template: "deploy/github-pages.yml", to: "deploy/github-pages.yml" },
];
const WELCOME_TEMPLATE = "content/welcome.md";

/** `news-archive init [DIR]`. */
export async function initCommand(argv: readonly string[]): Promise<number> {
  const line = parseCommandLine(argv, {}, INIT_USAGE, 1);
  if (!line.ok) return line.exitCode;
  const shownDir = line.positionals[0] ?? ".";
  const dir = resolve(shownDir);
  const refusal = await refusalToInit(dir, shownDir);
  if (refusal !== undefined) {
    console.error(refusal);
    return 1;
  }
  const tool = readOwnPackage();
  const templates = join(PROJECT_ROOT, "templates/init");
  // The welcome article is dated today in UTC, the time zone of the settings' defaults.
  const welcome = join("content", articleFilePath(buildDay(process.env["SOURCE_DATE_EPOCH"], Date.now(), "UTC"), "welcome"));
  const files: readonly (readonly [string, string])[] = [
    ["package.json", archivePackageJson(basename(dir), tool)],
    ...(await Promise.all(COPIED_TEMPLATES.map(async ({ template, to }) => [to, await readFile(join(templates, template), "utf8")] as const))),
    ["content/news-archive.jsonc", settingsFileText(`../node_modules/${tool.name}/${SETTINGS_SCHEMA_FILE}`)],
    [welcome, await readFile(join(templates, WELCOME_TEMPLATE), "utf8")],
  ];
  try {
    for (const [path, text] of files) {
      await mkdir(dirname(join(dir, path)), { recursive: true });
      await writeFile(join(dir, path), text, { flag: "wx" });
    }
  } catch (cause) {
    console.error(`${shownDir}: error: cannot write the new archive (${errorCodeOf(cause)})`);
    return 1;
  }
  const cd = relative(process.cwd(), dir);
  console.log([`A new archive in ${shownDir}:`, ...files.map(([path]) => `  ${path.split("\\").join("/")}`), "", "Next:", ...(cd === "" ? [] : [`  cd ${cd}`]), "  npm install", "  npm start                          serves it at http://localhost:8080", `  npx ${tool.name} new "A first article"`].join("\n"));
  return 0;
}

/** Why init may not write in `dir`: it is a file, or a folder that holds something. */
async function refusalToInit(dir: string, shownDir: string): Promise<string | undefined> {
  let entries: string[];
  try {
    entries = await readdir(dir);
  } catch (cause) {
    const code = errorCodeOf(cause);
    if (code === "ENOENT") return undefined;
    return `${shownDir}: error: cannot start an archive here (${code === "ENOTDIR" ? "it is a file" : code}); give a new or empty folder`;
  }
  return entries.length === 0 ? undefined : `${shownDir}: error: the folder is not empty (it holds ${entries.slice(0, 3).join(", ")}${entries.length > 3 ? ", ..." : ""}); init writes only into a new or empty folder, so that nothing is overwritten`;
}

import { stringify } from "yaml";
import type { CalendarDate } from "../core/dates.ts";
import { settingsSchema } from "../core/settings.ts";
import { slugify } from "../core/slugs.ts";

/**
 * What `news-archive init` and `news-archive new` write, as text: pure
 * functions of what they are given, so that they can be tested alone.
 */

/** Where the compiled package keeps the settings file's JSON Schema, from the package's folder. */
export const SETTINGS_SCHEMA_FILE = "dist/settings.schema.json";

/** An article's file, from the content folder: YYYY/YYYY-MM-DD-slug.md, its date leading its name. */
export function articleFilePath(day: CalendarDate, slug: string): string {
  const date = isoDay(day);
  return `${date.slice(0, 4)}/${date}-${slug}.md`;
}

/** "2021-04-09". */
export function isoDay(day: CalendarDate): string {
  return `${String(day.year).padStart(4, "0")}-${String(day.month).padStart(2, "0")}-${String(day.day).padStart(2, "0")}`;
}

/** The slug a title gives a new article's file name, or undefined when it has no letters or digits. */
export function slugOfTitle(title: string): string | undefined {
  const slug = slugify(title);
  return slug === "" ? undefined : slug;
}

export interface NewArticle {
  readonly title: string;
  readonly day: CalendarDate;
  readonly category?: string;
  readonly draft: boolean;
}

/** A new article: its front matter filled (the fields an author most often sets), and an empty body to write. */
export function newArticleText(article: NewArticle): string {
  const frontMatter = stringify({
    title: article.title,
    date: isoDay(article.day),
    ...(article.category === undefined ? {} : { category: article.category }),
    summary: "",
    tags: [],
    ...(article.draft ? { draft: true } : {}),
  });
  return `---\n${frontMatter}---\n\n`;
}

/**
 * The settings file `init` writes: JSON with comments, naming its JSON Schema
 * (for editors) and holding every setting at its default, each after a
 * comment line that says what it does. Settings without a default are
 * written commented out, with an example value.
 */
export function settingsFileText(schemaPath: string): string {
  const defaults: Readonly<Record<string, unknown>> = settingsSchema.parse({});
  const settings = Object.entries(settingsSchema.shape).filter(([key]) => key !== "$schema");
  const lastWithDefault = settings.map(([key]) => key).findLast((key) => key in defaults);
  const lines = ["{", `  "$schema": ${JSON.stringify(schemaPath)},`];
  for (const [key, field] of settings) {
    const meta = field.meta();
    lines.push(`  // ${meta?.description ?? key}`);
    if (key in defaults) lines.push(`  ${JSON.stringify(key)}: ${oneLineJson(defaults[key])}${key === lastWithDefault ? "" : ","}`);
    else lines.push(`  // ${JSON.stringify(key)}: ${oneLineJson(firstExample(meta?.examples))},`);
  }
  lines.push("}");
  return `${lines.join("\n")}\n`;
}

/** JSON on one line, with a space after each colon and comma as people write it: { "a": 1, "b": [ 2 ] }. */
function oneLineJson(value: unknown): string {
  return JSON.stringify(value, null, 1).replace(/\n\s*/g, " ");
}

function firstExample(examples: unknown): unknown {
  return Array.isArray(examples) ? examples[0] : undefined;
}

/** The scripts of a new archive's package.json: npm start serves it, npm run build builds it... */
function archiveScripts(command: string): Record<string, string> {
  return { start: `${command} serve`, build: `${command} build`, preview: `${command} preview`, check: `${command} check` };
}

/**
 * The package.json of a new archive: its scripts call the command, and it
 * depends on this package as `dependency` says (a version range, or the
 * tarball, folder or address it was installed from).
 */
export function archivePackageJson(folderName: string, tool: { readonly name: string }, dependency: string): string {
  const manifest = {
    name: slugify(folderName) || "news-archive-site",
    private: true,
    scripts: archiveScripts(tool.name),
    dependencies: { [tool.name]: dependency },
  };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

/**
 * A package.json that was there before init (`npm init`, or `npm install` of
 * the package), with what a new archive needs added: the scripts it lacks and
 * the dependency, when it names none. Nothing it has is changed. Undefined
 * when the text is not a JSON object.
 */
export function withArchiveEntries(
  text: string,
  tool: { readonly name: string },
  dependency: string,
): { readonly text: string; readonly added: readonly string[] } | undefined {
  let manifest: unknown;
  try {
    manifest = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isRecord(manifest)) return undefined;
  const scripts = isRecord(manifest["scripts"]) ? manifest["scripts"] : {};
  const dependencies = isRecord(manifest["dependencies"]) ? manifest["dependencies"] : {};
  const devDependencies = isRecord(manifest["devDependencies"]) ? manifest["devDependencies"] : {};
  const missingScripts = Object.entries(archiveScripts(tool.name)).filter(([name]) => !(name in scripts));
  const needsDependency = !(tool.name in dependencies) && !(tool.name in devDependencies);
  const added = [...missingScripts.map(([name]) => `script "${name}"`), ...(needsDependency ? [`dependency "${tool.name}"`] : [])];
  if (added.length === 0) return { text, added };
  const updated = {
    ...manifest,
    scripts: { ...scripts, ...Object.fromEntries(missingScripts) },
    ...(needsDependency ? { dependencies: { ...dependencies, [tool.name]: dependency } } : {}),
  };
  return { text: `${JSON.stringify(updated, null, 2)}\n`, added };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

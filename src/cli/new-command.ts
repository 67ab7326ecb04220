import { mkdir, writeFile } from "node:fs/promises";
import { basename, dirname, extname, join, relative } from "node:path";
import { buildDay, parseArticleDate, type CalendarDate } from "../core/dates.ts";
import { errorCodeOf } from "../core/diagnostics.ts";
import { expandPermalink } from "../core/permalinks.ts";
import type { Settings } from "../core/settings.ts";
import { slugify } from "../core/slugs.ts";
import { absoluteUrlFor, urlContextOf } from "../core/urls.ts";
import { resolveBuildRequest } from "../pipeline/request.ts";
import { parseCommandLine, reportUsageErrors } from "./arguments.ts";
import { articleFilePath, newArticleText, slugOfTitle } from "./scaffold.ts";

const NEW_USAGE = `Usage: news-archive new "TITLE" [options]

Writes a new article, YYYY/YYYY-MM-DD-slug.md in the content folder, with its front
matter filled, and prints its file and the URL it will have. Never overwrites a file.

  --content DIR        the archive's folder of Markdown articles (default: content/)
  --config FILE        settings file (default: news-archive.json or news-archive.jsonc in the content folder)
  --category NAME      the article's category
  --date YYYY-MM-DD    its date (default: today in the archive's time zone, or the day
                       SOURCE_DATE_EPOCH names when it is set)
  --draft              a draft, left out of the site unless it is built with --drafts
  --help               this text`;

const NEW_OPTIONS = {
  content: { type: "string" },
  config: { type: "string" },
  category: { type: "string" },
  date: { type: "string" },
  draft: { type: "boolean" },
} as const;

/** `news-archive new "Title"`. */
export async function newCommand(argv: readonly string[]): Promise<number> {
  const line = parseCommandLine(argv, NEW_OPTIONS, NEW_USAGE, 1);
  if (!line.ok) return line.exitCode;
  const { values } = line;
  const title = line.positionals[0]?.trim() ?? "";
  if (title === "") return reportUsageErrors([`give the article's title: news-archive new "Annual report published"`]);
  const slug = slugOfTitle(title);
  if (slug === undefined) return reportUsageErrors([`the title "${title}" has no letters or digits to make a file name and a URL from; give another title`]);
  const category = values.category?.trim();
  if (category === "") return reportUsageErrors(["--category: give the category's name, or leave the option out"]);
  const resolved = await resolveBuildRequest({
    ...(values.content === undefined ? {} : { content: values.content }),
    ...(values.config === undefined ? {} : { config: values.config }),
  });
  if (!resolved.ok) return reportUsageErrors(resolved.errors);
  const { request } = resolved;
  const day = dayOf(values.date, request.settings.timeZone);
  if ("problem" in day) return reportUsageErrors([day.problem]);

  const file = join(request.contentDir, articleFilePath(day, slug));
  const shown = relative(process.cwd(), file) || file;
  try {
    await mkdir(dirname(file), { recursive: true });
    // "wx": fails when the file exists, so an article is never overwritten, even by a race.
    await writeFile(file, newArticleText({ title, day, ...(category === undefined ? {} : { category }), draft: values.draft ?? false }), { flag: "wx" });
  } catch (cause) {
    const code = errorCodeOf(cause);
    console.error(
      code === "EEXIST" ? `${shown}: error: this file exists already; give another title or --date` : `${shown}: error: cannot write the article (${code})`,
    );
    return 1;
  }
  console.log(`written: ${shown}`);
  const path = articlePath(request.settings, { title, slug, day, category: category ?? request.settings.defaultCategory, file });
  const url = path === undefined ? "where its permalink puts it (see the build)" : absoluteUrlFor({ kind: "article", path }, urlContextOf(request.settings));
  console.log(`url: ${url}${values.draft === true ? " (a draft: published only by a build with --drafts)" : ""}`);
  return 0;
}

/** Where the permalink setting will put the new article, as the build places it. */
function articlePath(
  settings: Settings,
  article: { readonly title: string; readonly slug: string; readonly day: CalendarDate; readonly category: string; readonly file: string },
): string | undefined {
  const { year, month, day } = article.day;
  const date = parseArticleDate(`${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`, settings.timeZone);
  if (!date.ok) return undefined;
  const expanded = expandPermalink(settings.permalink, settings.permalinkStyle, {
    title: article.title,
    slug: article.slug,
    fileName: basename(article.file, extname(article.file)),
    date: date.date,
    category: { slug: slugify(article.category), name: article.category },
    section: String(year),
  });
  return expanded.ok ? expanded.path : undefined;
}

/** The day --date gives, or today in the archive's time zone. */
function dayOf(date: string | undefined, timeZone: string): CalendarDate | { readonly problem: string } {
  if (date === undefined) return buildDay(process.env["SOURCE_DATE_EPOCH"], Date.now(), timeZone);
  const parsed = /^\d{4}-\d{2}-\d{2}$/.test(date) ? parseArticleDate(date, timeZone) : undefined;
  if (parsed === undefined || !parsed.ok) return { problem: `--date ${date}: expected a calendar date written YYYY-MM-DD, such as 2021-04-09` };
  return { year: parsed.date.year, month: parsed.date.month, day: parsed.date.day };
}

import { basename, extname } from "node:path/posix";
import { describeType, parseArticleDate, splitFileNameDate, type ArticleDate } from "../core/dates.ts";
import { error, warning, type Diagnostic } from "../core/diagnostics.ts";
import type { ArticleFile } from "./discover.ts";
import type { ArticleSource } from "./front-matter.ts";
import { slugify, unsafeSlugReason } from "../core/slugs.ts";
import type { ArticleFields, PageFields, StubFields, Tag, WrittenPath } from "../core/article.ts";
import { dateInPath } from "../core/site-paths.ts";
import { BYLINE_KEYS, readBylines } from "./bylines.ts";
import { MIGRATION_KEYS, readMigrationFields, withLowerCaseKeys, withZolaTables } from "./migration-fields.ts";
import { readStub, STUB_KEYS, undatedPageWarning } from "./page-fields.ts";
import { LANGUAGE_TAG } from "../core/settings.ts";

interface FieldsOutcome {
  /** An article's fields; undefined when any error was found, or when the file is a page or a stub. */
  readonly fields?: ArticleFields;
  /** An undated file's: a page of the site, not an article. */
  readonly page?: PageFields;
  /** A stub's: an old address leading elsewhere (`redirect:`, `redirect_to:`). */
  readonly stub?: StubFields;
  /** Whether the article is a draft, known even when other fields are wrong. */
  readonly draft: boolean;
  /** A file with front matter but no title, date or text: a page the old site's templates used, not an article. */
  readonly notAnArticle?: boolean;
  readonly diagnostics: readonly Diagnostic[];
  /** Front matter keys the build does not read (as `extra` holds them), for the warning that counts them. */
  readonly unreadKeys?: readonly string[];
}

/** The summary, by the names Hugo and Zola (`description`) and Jekyll (`excerpt`) give it too. */
const SUMMARY_KEYS = ["summary", "description", "excerpt"] as const;
/** When the article last changed: ours and Zola's `updated`, Hugo's `lastmod`, jekyll-last-modified-at's key. */
const UPDATED_KEYS = ["updated", "lastmod", "last_modified_at"] as const;
/** Every key the build reads; the others are kept in `extra`, and one warning counts them (see unreadKeysWarning). Zola's tables are read in part. */
const KNOWN_KEYS = new Set([
  "title", "date", "category", "categories", "tags", "slug", "draft", "featured", "lang", "extra", "taxonomies",
  ...BYLINE_KEYS, ...SUMMARY_KEYS, ...UPDATED_KEYS, ...MIGRATION_KEYS, ...STUB_KEYS,
]);
/** Keys only an article uses: a page that has them was most likely meant to be an article. */
const ARTICLE_ONLY_KEYS = ["category", "categories", "tags", "featured", ...BYLINE_KEYS];

/**
 * Checks every front-matter field of one file and reports all problems at
 * once. The file is an article when it has a date (its `date`, its name's
 * date prefix, the date in its own `path`); a page of the site when it has
 * none; a stub when it only leads elsewhere (`redirect`, `redirect_to`).
 */
export function readArticleFields(file: ArticleFile, written: ArticleSource, timeZone: string): FieldsOutcome {
  const path = file.file;
  const source = withZolaTables(withLowerCaseKeys(written));
  const data = source.data;
  const diagnostics: Diagnostic[] = [];
  const lineOf = (key: string): number => source.keyLines.get(key) ?? source.frontMatterLine;
  const fail = (kind: string, key: string, message: string): void => {
    diagnostics.push(error(kind, path, message, lineOf(key)));
  };

  if (isTemplatePage(source, file)) {
    const message = `has neither a title, a date nor any text, so it is not an article (a page only the old site's templates used, such as Zola's template = "latest.html"); it was not published. List it in the "ignore" setting to silence this`;
    return { draft: false, notAnArticle: true, diagnostics: [warning("not-an-article", path, message, source.frontMatterLine)] };
  }
  const draft = readFlag(source, "draft", path, lineOf, diagnostics);
  // A bundle is named by its folder; a date prefix in the name is the fallback date.
  const nameStem = file.bundleDir !== undefined ? basename(file.bundleDir) : basename(path, extname(path));
  const prefixed = splitFileNameDate(nameStem);
  const context: FieldContext = { data, path, lineOf, fail, diagnostics };
  const migration = readMigrationFields(data, path, lineOf, diagnostics);
  const undated = !isDated(data, prefixed?.date, migration.ownPath);
  const { date, updated } = undated ? {} : readDates(context, prefixed?.date, migration.ownPath, timeZone);
  const { slug, writtenSlug } = readSlug(context, prefixed?.rest ?? nameStem);
  const extra: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data)) if (!KNOWN_KEYS.has(key)) extra[key] = value;

  const stubTarget = readStub(context, STUB_KEYS);
  if (stubTarget !== undefined) {
    const failed = diagnostics.some((diagnostic) => diagnostic.severity === "error") || slug === undefined;
    if (source.body.trim() !== "") diagnostics.push(warning("stub-body", path, `leads elsewhere ("${stubTarget.key}"), so its text is not published; remove the text, or the "${stubTarget.key}" to publish it`));
    const title = typeof data["title"] === "string" ? data["title"].trim() : "";
    const stub: StubFields = {
      sourcePath: path,
      target: stubTarget,
      fileName: nameStem,
      ...(date === undefined ? {} : { date }),
      ...(title === "" ? {} : { title }),
      slug: slug ?? "",
      ...(migration.ownPath === undefined ? {} : { ownPath: migration.ownPath }),
      oldAddresses: migration.oldAddresses,
      draft,
    };
    return failed ? { draft, diagnostics } : { stub, draft, diagnostics, unreadKeys: Object.keys(extra) };
  }

  const title = readTitle(data["title"]);
  if (!title.ok) fail(title.kind, "title", title.message);
  const summary = readSummary(context);
  const lang = readLang(context);
  if (source.body.trim() === "") {
    diagnostics.push(warning("empty-body", path, "has no text after its front matter; it is published as a page with a title only"));
  }
  if (undated) {
    const articleKeys = ARTICLE_ONLY_KEYS.filter((key) => data[key] !== undefined);
    if (articleKeys.length > 0) diagnostics.push(undatedPageWarning(path, articleKeys, lineOf(articleKeys[0] ?? "")));
    if (diagnostics.some((diagnostic) => diagnostic.severity === "error") || !title.ok) return { draft, diagnostics };
    const page: PageFields = {
      sourcePath: path,
      ...(file.bundleDir === undefined ? {} : { bundleDir: file.bundleDir }),
      assets: file.assets,
      title: title.value,
      ...(summary === undefined ? {} : { summary }),
      fileName: nameStem,
      ...(migration.ownPath === undefined ? {} : { ownPath: migration.ownPath }),
      oldAddresses: migration.oldAddresses,
      draft,
      ...(lang === undefined ? {} : { lang }),
      markdown: source.body,
    };
    return { page, draft, diagnostics, unreadKeys: Object.keys(extra) };
  }

  const featured = readFlag(source, "featured", path, lineOf, diagnostics);
  const categoryName = readCategory(data, path, lineOf, diagnostics);
  const tags = readTags(data["tags"], path, lineOf("tags"), diagnostics);
  const authors = readBylines(data, path, lineOf, diagnostics);
  if (diagnostics.some((diagnostic) => diagnostic.severity === "error") || !title.ok || date === undefined || slug === undefined) {
    return { draft, diagnostics };
  }
  const fields: ArticleFields = {
    sourcePath: path,
    ...(file.bundleDir === undefined ? {} : { bundleDir: file.bundleDir }),
    assets: file.assets,
    title: title.value,
    date,
    ...(updated === undefined ? {} : { updated }),
    ...(categoryName === undefined ? {} : { categoryName }),
    tags,
    ...(summary === undefined ? {} : { summary }),
    slug,
    ...(writtenSlug === undefined ? {} : { writtenSlug }),
    fileName: nameStem,
    ...migration,
    draft,
    featured,
    ...(lang === undefined ? {} : { lang }),
    authors,
    markdown: source.body,
    extra,
  };
  return { fields, draft, diagnostics, unreadKeys: Object.keys(extra) };
}

/** What each field reader needs: the front matter, the file, and where to report. */
interface FieldContext {
  readonly data: Readonly<Record<string, unknown>>;
  readonly path: string;
  readonly lineOf: (key: string) => number;
  readonly fail: (kind: string, key: string, message: string) => void;
  readonly diagnostics: Diagnostic[];
}

/**
 * The date: the `date` key, else the file name's date prefix, else the date
 * in its own `path` (Zola's archives often date a page only there:
 * "2019/10/15/Rustup-1.20.0"). And when it last changed.
 */
function readDates(
  { data, path, fail, diagnostics, lineOf }: FieldContext,
  fileNameDate: string | undefined,
  ownPath: WrittenPath | undefined,
  timeZone: string,
): { readonly date?: ArticleDate; readonly updated?: ArticleDate } {
  const dateOfPath = ownPath === undefined ? undefined : dateInPath(ownPath.text);
  let date: ArticleDate | undefined;
  if (data["date"] !== undefined && data["date"] !== null) {
    const parsed = parseArticleDate(data["date"], timeZone);
    if (parsed.ok) date = parsed.date;
    else fail("invalid-date", "date", `invalid date: ${parsed.reason}`);
    if (parsed.ok && parsed.note !== undefined) diagnostics.push(warning("odd-date", path, parsed.note, lineOf("date")));
  } else {
    const parsed = parseArticleDate(fileNameDate ?? dateOfPath, timeZone);
    const where = fileNameDate === undefined ? `the date in its "${ownPath?.key ?? "path"}"` : "the file name's date prefix";
    if (parsed.ok) date = parsed.date;
    else diagnostics.push(error("invalid-date", path, `${where}: ${parsed.reason}`, fileNameDate === undefined ? ownPath?.line : undefined));
  }
  let updated: ArticleDate | undefined;
  const updatedKey = UPDATED_KEYS.find((key) => data[key] !== undefined && data[key] !== null);
  if (updatedKey !== undefined) {
    const parsed = parseArticleDate(data[updatedKey], timeZone);
    if (!parsed.ok) fail("invalid-date", updatedKey, `invalid "${updatedKey}" date: ${parsed.reason}`);
    else {
      updated = parsed.date;
      if (parsed.note !== undefined) diagnostics.push(warning("odd-date", path, parsed.note, lineOf(updatedKey)));
    }
  }
  return { ...(date === undefined ? {} : { date }), ...(updated === undefined ? {} : { updated }) };
}

/** Whether a file is dated anywhere: its `date`, its name's date prefix, or the date in its own `path`. */
function isDated(data: Readonly<Record<string, unknown>>, fileNameDate: string | undefined, ownPath: WrittenPath | undefined): boolean {
  return (data["date"] !== undefined && data["date"] !== null) || fileNameDate !== undefined || (ownPath !== undefined && dateInPath(ownPath.text) !== undefined);
}

/** The slug, from the `slug` key or else the file name, and the key as written for permalink styles that read it their way. */
function readSlug({ data, fail }: FieldContext, fileNameSlug: string): { readonly slug?: string; readonly writtenSlug?: string } {
  const slugSource = readSlugSource(data["slug"], fileNameSlug);
  if (!slugSource.ok) {
    fail("invalid-slug", "slug", slugSource.message);
    return {};
  }
  const slug = slugify(slugSource.text);
  if (slug === "") {
    const what = slugSource.fromFrontMatter ? `the slug "${slugSource.text}"` : `the file name "${slugSource.text}"`;
    fail("empty-slug", "slug", `${what} has no letters or digits to make a URL from; add a "slug" such as "annual-report-2021"`);
    return {};
  }
  return { slug, ...(slugSource.fromFrontMatter ? { writtenSlug: slugSource.text } : {}) };
}

function readSummary({ data, fail }: FieldContext): string | undefined {
  const summaryKey = SUMMARY_KEYS.find((key) => data[key] !== undefined && data[key] !== null) ?? "summary";
  const rawSummary = data[summaryKey];
  if (typeof rawSummary === "string") return rawSummary.trim() === "" ? undefined : rawSummary.replace(/\s+/g, " ").trim();
  if (rawSummary !== undefined && rawSummary !== null) fail("invalid-summary", summaryKey, `"${summaryKey}" must be text, not ${describeType(rawSummary)}; quote it`);
  return undefined;
}

function readLang({ data, fail }: FieldContext): string | undefined {
  const rawLang = data["lang"];
  if (typeof rawLang === "string" && LANGUAGE_TAG.test(rawLang.trim())) return rawLang.trim();
  if (rawLang !== undefined && rawLang !== null) fail("invalid-lang", "lang", `"lang" must be a language tag such as "en" or "pt-BR", not ${JSON.stringify(rawLang)}`);
  return undefined;
}

/** No title, no date anywhere (front matter, file name, own path) and no text. */
function isTemplatePage({ data, body }: ArticleSource, file: ArticleFile): boolean {
  const dated = ["date", "path", "url", "permalink"].some((key) => data[key] !== undefined) || splitFileNameDate(basename(file.bundleDir ?? file.file)) !== undefined;
  const stub = STUB_KEYS.some((key) => data[key] !== undefined);
  return data["title"] === undefined && !dated && !stub && body.trim() === "";
}

type TitleResult = { ok: true; value: string } | { ok: false; kind: string; message: string };

function readTitle(raw: unknown): TitleResult {
  if (raw === undefined || raw === null) return { ok: false, kind: "missing-title", message: 'has no title; add "title: ..." to the front matter' };
  if (typeof raw === "number" || typeof raw === "boolean") {
    return { ok: false, kind: "invalid-title", message: `the title is ${describeType(raw)} (${String(raw)}), not text; put it in quotes: title: "${String(raw)}"` };
  }
  if (typeof raw !== "string") return { ok: false, kind: "invalid-title", message: `the title is ${describeType(raw)}, not text; write one line of text in quotes` };
  const value = raw.replace(/\s+/g, " ").trim();
  if (value === "") return { ok: false, kind: "empty-title", message: "the title is empty; write the article's title" };
  return { ok: true, value };
}

type SlugSource = { ok: true; text: string; fromFrontMatter: boolean } | { ok: false; message: string };

function readSlugSource(raw: unknown, fallback: string): SlugSource {
  if (raw === undefined || raw === null) return { ok: true, text: fallback, fromFrontMatter: false };
  if (typeof raw !== "string" && typeof raw !== "number") return { ok: false, message: `"slug" must be text, not ${describeType(raw)}` };
  const text = String(raw).trim();
  // An empty slug, as Hugo archives write `slug = ""`, names none.
  if (text === "") return { ok: true, text: fallback, fromFrontMatter: false };
  const unsafe = unsafeSlugReason(text);
  if (unsafe !== undefined) {
    return { ok: false, message: `the slug ${JSON.stringify(text)} ${unsafe}; write a plain slug such as "annual-report-2021"` };
  }
  return { ok: true, text, fromFrontMatter: true };
}

/** `draft` and `featured`: true/false; the text "true", "yes", "on" (and their opposites) is read as meant, with a warning. */
function readFlag(
  { data, quotedKeys }: ArticleSource,
  key: "draft" | "featured",
  path: string,
  lineOf: (key: string) => number,
  diagnostics: Diagnostic[],
): boolean {
  const raw = data[key];
  if (raw === undefined || raw === null) return false;
  if (typeof raw === "boolean") return raw;
  if (typeof raw === "string") {
    const word = raw.trim().toLowerCase();
    const meaning = ["true", "yes", "on"].includes(word) ? true : ["false", "no", "off"].includes(word) ? false : undefined;
    if (meaning !== undefined) {
      // Unquoted, yes/no/on/off are text too: YAML 1.2 reads only true and false as flags.
      const what = quotedKeys.has(key)
        ? `is the text ${JSON.stringify(raw)}, read as ${String(meaning)}; write ${key}: ${String(meaning)} without quotes`
        : `is ${raw}, which YAML 1.2 reads as text, not as true or false; it was read as ${String(meaning)}; write ${key}: ${String(meaning)}`;
      diagnostics.push(warning("flag-as-text", path, `"${key}" ${what}`, lineOf(key)));
      return meaning;
    }
  }
  const consequence = key === "draft" ? "; until then the article is treated as a draft and left out" : "";
  diagnostics.push(error(`invalid-${key}`, path, `"${key}" must be true or false, not ${JSON.stringify(raw)}${consequence}`, lineOf(key)));
  // An unreadable draft flag is treated as a draft, so that nothing unfinished is published by accident.
  return key === "draft";
}

function readCategory(
  data: Readonly<Record<string, unknown>>,
  path: string,
  lineOf: (key: string) => number,
  diagnostics: Diagnostic[],
): string | undefined {
  const single = data["category"];
  const list = data["categories"];
  if (single !== undefined && single !== null) {
    if (typeof single === "string" && single.trim() !== "") return single.trim();
    if (typeof single === "number") return String(single);
    diagnostics.push(error("invalid-category", path, `"category" must be one name written as text, not ${describeType(single)}`, lineOf("category")));
    return undefined;
  }
  if (list !== undefined && list !== null) {
    const first: unknown = Array.isArray(list) ? list[0] : list;
    if (typeof first === "string" && first.trim() !== "") return first.trim();
    diagnostics.push(error("invalid-category", path, `"categories" must be a list of names; the first one is used as the category`, lineOf("categories")));
  }
  return undefined;
}

function readTags(raw: unknown, path: string, line: number, diagnostics: Diagnostic[]): Tag[] {
  if (raw === undefined || raw === null) return [];
  let names: unknown[];
  if (Array.isArray(raw)) {
    names = raw;
  } else if (typeof raw === "string") {
    names = raw.split(",");
    diagnostics.push(warning("tags-as-text", path, `"tags" is text, not a list; it was split at commas into ${names.length} tag(s); write tags: [a, b]`, line));
  } else {
    diagnostics.push(error("invalid-tags", path, `"tags" must be a list such as [energy, food], not ${describeType(raw)}`, line));
    return [];
  }
  const tags: Tag[] = [];
  for (const name of names) {
    if (typeof name !== "string" && typeof name !== "number") {
      diagnostics.push(error("invalid-tags", path, `a tag must be text, not ${describeType(name)}`, line));
      continue;
    }
    const display = String(name).trim();
    const slug = slugify(display);
    if (slug === "") {
      if (display !== "") diagnostics.push(warning("empty-tag-slug", path, `the tag ${JSON.stringify(display)} has no letters or digits and was left out`, line));
      continue;
    }
    if (!tags.some((tag) => tag.slug === slug)) tags.push({ slug, name: display });
  }
  return tags;
}

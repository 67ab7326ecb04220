import { readFile } from "node:fs/promises";
import { z } from "zod";
import { isValidTimeZone } from "./dates.ts";
import { errorCodeOf } from "./diagnostics.ts";
import { slugify } from "./slugs.ts";

/** The settings file that an archive carries in its content folder when no `--config` is given. */
export const SETTINGS_FILE_NAME = "news-archive.json";

const LANGUAGE_TAG = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
const EXTENSION = /^\.[A-Za-z0-9][A-Za-z0-9.-]*$/;

const categorySetting = z.strictObject({
  /** The category as authors write it in front matter, e.g. "Events". */
  name: z.string().trim().min(1, "a category needs a name"),
  /** Its URL segment; defaults to the slug of the name. */
  slug: z.string().trim().min(1).optional(),
  description: z.string().optional(),
});

const boxCount = z.number().int().min(1).max(50).default(5);

/**
 * A sidebar box: the featured articles ("Focus on"), the latest articles of a
 * category, or a category's upcoming ones (events dated on the day they
 * happen, listed from the build's date on, soonest first).
 */
const sidebarBox = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("featured"), title: z.string().trim().min(1).default("Focus on"), count: boxCount }),
  z.strictObject({ type: z.literal("latest"), category: z.string().trim().min(1), title: z.string().trim().min(1).optional(), count: boxCount }),
  z.strictObject({ type: z.literal("upcoming"), category: z.string().trim().min(1), title: z.string().trim().min(1).optional(), count: boxCount }),
]);

export type SidebarBoxSetting = z.output<typeof sidebarBox>;

/**
 * Every setting, its type and its default. The order of `categories` is the
 * order in which categories are listed; categories found in articles but not
 * listed follow, by name.
 */
export const settingsSchema = z.strictObject({
  title: z.string().trim().min(1, "the site title cannot be empty").default("News archive"),
  description: z.string().default(""),
  /** BCP 47 language of the site, written into `<html lang>`. */
  language: z.string().regex(LANGUAGE_TAG, 'expected a language tag such as "en" or "pt-BR"').default("en"),
  /** Locale used to write dates out ("April 9, 2021"). */
  locale: z.string().regex(LANGUAGE_TAG, 'expected a locale such as "en-US" or "fr-FR"').default("en-US"),
  /** IANA time zone in which an article's calendar date is taken. */
  timeZone: z
    .string()
    .refine(isValidTimeZone, { message: 'expected an IANA time zone such as "UTC" or "Europe/Paris"' })
    .default("UTC"),
  /** Absolute URL of the published site, e.g. "https://example.org/news/". */
  siteUrl: z
    .string()
    .refine(isHttpUrl, { message: 'expected an absolute http(s) URL such as "https://example.org/news/"' })
    .optional(),
  /** Path under which the site is served, e.g. "/news/". */
  basePath: z
    .string()
    .refine(isSafeBasePath, { message: 'expected a path such as "/" or "/news/", with no "..", "?" or "#"' })
    .optional(),
  /** false: links end in index.html, for hosts that do not serve a folder's index.html. */
  cleanUrls: z.boolean().default(true),
  /** Colour of links and accents in the light scheme, and in the dark one: "#rrggbb". */
  accentColor: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'expected a colour such as "#2f6b3f"').optional(),
  accentColorDark: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'expected a colour such as "#8fd19e"').optional(),
  /** An image shown before the site's name, its path relative to the settings file. */
  logo: z.strictObject({ file: z.string().min(1), width: z.number().int().min(1), height: z.number().int().min(1) }).optional(),
  /**
   * A folder (relative to the settings file) of your own templates: a file
   * there with the name of one in layouts/partials/ (base.njk, article-page.njk...) is used instead.
   */
  layouts: z.string().min(1).optional(),
  /** A line of text in every page's footer, e.g. the organisation's name and address. */
  footerText: z.string().optional(),
  /** Strip scripts, event handlers and javascript: URLs from article bodies, for archives with less trusted authors. */
  sanitize: z.boolean().default(false),
  /** How many of the latest articles the feeds carry. */
  feedItems: z.number().int().min(1).max(1000).default(20),
  categories: z.array(categorySetting).default([]),
  /** Category of articles that name none; "Uncategorized" when not set (see `Settings.defaultCategoryChosen`). */
  defaultCategory: z.string().trim().min(1, "the default category cannot be empty").optional(),
  /** File extensions, besides .md and .markdown, whose files are articles. */
  extensions: z.array(z.string().regex(EXTENSION, 'expected an extension such as ".mdx"')).default([]),
  /** Glob patterns (relative to the content folder) of further files that are articles, e.g. Markdown without extension. */
  include: z.array(z.string().min(1)).default([]),
  /** Glob patterns (relative to the content folder) of files and folders that are not part of the archive. */
  ignore: z.array(z.string().min(1)).default([]),
  itemsPerPage: z.number().int().min(1).max(1000).default(20),
  /** Boxes beside the article, home and archive pages, in order. */
  sidebar: z.array(sidebarBox).default([{ type: "featured", title: "Focus on", count: 5 }]),
  /**
   * Reading offline on the hosted site. A service worker saves the site's
   * shell, the pages a reader opens and the parts of the search index the
   * reader's searches load; the whole archive when the reader asks, or on a
   * first visit when it is at most `wholeArchiveMB` and the reader's browser
   * reports no data saving or metered connection (0: never on its own).
   */
  offline: z
    .strictObject({
      serviceWorker: z.boolean().default(true),
      wholeArchiveMB: z.number().min(0).max(10000).default(2),
    })
    .prefault({}),
  /** How many recent years of the month grid the home page shows. */
  homeGridYears: z.number().int().min(0).max(100).default(5),
});

type ParsedSettings = z.output<typeof settingsSchema>;

export interface CategorySetting {
  readonly name: string;
  readonly slug: string;
  readonly description?: string;
}

export interface Settings extends Omit<ParsedSettings, "siteUrl" | "basePath" | "categories" | "defaultCategory"> {
  /** Absolute site URL ending with "/", or undefined when none is set. */
  readonly siteUrl: string | undefined;
  /** Always starts and ends with "/". */
  readonly basePath: string;
  readonly categories: readonly CategorySetting[];
  /** Category of articles that name none. */
  readonly defaultCategory: string;
  /**
   * Whether the settings name the default category: articles without one are
   * then filed there on purpose, and one warning counts them instead of one
   * warning each.
   */
  readonly defaultCategoryChosen: boolean;
}

export type SettingsResult = { readonly ok: true; readonly settings: Settings } | { readonly ok: false; readonly errors: readonly string[] };

/** Validates raw settings (from a file, merged with command-line overrides) into typed settings with defaults. */
export function parseSettings(raw: unknown, source: string): SettingsResult {
  const parsed = settingsSchema.safeParse(raw);
  if (!parsed.success) {
    return { ok: false, errors: parsed.error.issues.map((issue) => `${source}: ${describeIssue(issue)}`) };
  }
  const value = parsed.data;
  const siteUrl = value.siteUrl === undefined ? undefined : withTrailingSlash(value.siteUrl);
  const siteUrlPath = siteUrl === undefined ? undefined : new URL(siteUrl).pathname;
  const basePath = value.basePath === undefined ? (siteUrlPath ?? "/") : normaliseBasePath(value.basePath);
  const errors: string[] = [];
  if (siteUrlPath !== undefined && siteUrlPath !== basePath) {
    errors.push(
      `${source}: the site URL ${siteUrl} is served under ${siteUrlPath} but the base path is ${basePath}; make them agree (or leave the base path out)`,
    );
  }
  const categories = value.categories.map((category) => {
    const slug = slugify(category.slug ?? category.name);
    return category.description === undefined ? { name: category.name, slug } : { name: category.name, slug, description: category.description };
  });
  categories.forEach((category, index) => {
    if (category.slug === "") errors.push(`${source}: categories[${index}] "${category.name}" has no letters or digits to make a slug; give it a "slug"`);
    const twin = categories.findIndex((other) => other.slug === category.slug);
    if (twin !== index && category.slug !== "") {
      errors.push(`${source}: categories[${twin}] and categories[${index}] share the slug "${category.slug}"; give one of them another slug`);
    }
  });
  if (errors.length > 0) return { ok: false, errors };
  const defaultCategory = value.defaultCategory ?? "Uncategorized";
  return { ok: true, settings: { ...value, siteUrl, basePath, categories, defaultCategory, defaultCategoryChosen: value.defaultCategory !== undefined } };
}

/** Reads a JSON settings file; an unreadable or malformed file is an error naming it. */
export async function readSettingsFile(path: string): Promise<{ ok: true; raw: unknown } | { ok: false; errors: string[] }> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (cause) {
    return { ok: false, errors: [`${path}: cannot read the settings file (${errorCodeOf(cause)}); check the path given to --config`] };
  }
  try {
    return { ok: true, raw: JSON.parse(text.replace(/^\uFEFF/, "")) };
  } catch (cause) {
    const detail = cause instanceof Error ? cause.message : String(cause);
    return { ok: false, errors: [`${path}: the settings file is not valid JSON (${detail})`] };
  }
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const where = issue.path.length === 0 ? "" : `setting "${formatPath(issue.path)}": `;
  if (issue.code === "unrecognized_keys") {
    const known = Object.keys(settingsSchema.shape).join(", ");
    return issue.path.length === 0
      ? `unknown setting ${issue.keys.map((key) => `"${key}"`).join(", ")}; known settings are ${known}`
      : `${where}unknown key ${issue.keys.map((key) => `"${key}"`).join(", ")}`;
  }
  if (issue.code === "invalid_type") {
    const expected = issue.expected === "object" ? "a mapping" : issue.expected === "array" ? "a list" : `a ${issue.expected}`;
    return `${where}expected ${expected}`;
  }
  return `${where}${issue.message}`;
}

function formatPath(path: readonly PropertyKey[]): string {
  return path.map((part, index) => (typeof part === "number" ? `[${part}]` : `${index === 0 ? "" : "."}${String(part)}`)).join("");
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "http:" || url.protocol === "https:") && url.search === "" && url.hash === "";
  } catch {
    return false;
  }
}

function isSafeBasePath(value: string): boolean {
  return !/[?#\\\0]/.test(value) && !value.split("/").some((segment) => segment === ".." || segment === ".");
}

function normaliseBasePath(value: string): string {
  const inner = value.split("/").filter((segment) => segment !== "").join("/");
  return inner === "" ? "/" : `/${inner}/`;
}

function withTrailingSlash(url: string): string {
  return url.endsWith("/") ? url : `${url}/`;
}

import { z } from "zod";
import { didYouMean } from "./closest-name.ts";
import { isValidTimeZone } from "./dates.ts";
import { categorySetting, readCategories, type CategorySetting } from "./category-settings.ts";
import { positionOfPath } from "./jsonc.ts";
import { isHttpUrl, isSafeBasePath, normaliseBasePath, withTrailingSlash } from "./site-address.ts";
import { migrationSettingsShape, readOldPermalinks, type OldPermalink } from "./migration-settings.ts";
import { keysOfObjectAt } from "./schema-keys.ts";
import { sidebarBox } from "./sidebar-settings.ts";
import { DEFAULT_PERMALINK, parsePermalinkPattern, type PermalinkPattern, type PermalinkStyle } from "./permalinks.ts";

/**
 * A BCP 47 language tag as archives write them ("en", "pt-BR", "zh-Hant-TW"):
 * a language of two or three letters, then subtags. Letter case carries no
 * meaning in these tags, so none is required.
 */
export const LANGUAGE_TAG = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
const EXTENSION = /^\.[A-Za-z0-9][A-Za-z0-9.-]*$/;

/** What a base path may hold (see isSafeBasePath). */
const BASE_PATH_RULE = 'letters, digits, "-", "_", ".", "~" and "%" between slashes, no ".." and no part starting with ":"';

const httpUrl = z
  .string()
  .refine(isHttpUrl, { message: 'expected an absolute http(s) URL such as "https://example.org/", with no spaces, line breaks or quotes' });

/** What the site says of an author named in front matter: a display name, a short bio, a page of theirs, and the slug of their page. */
const authorSetting = z.strictObject({
  name: z.string().trim().min(1, "an author's name cannot be empty").optional(),
  bio: z.string().trim().optional(),
  url: httpUrl.optional(),
  slug: z.string().trim().min(1).optional(),
  aliases: z
    .array(z.string().trim().min(1))
    .optional()
    .meta({ description: 'Other spellings of the name that articles use ("Isaac Schlueter" for "Isaac Z. Schlueter"): one author, one page.' }),
});

/**
 * Every setting, its type, its default and its description (which the JSON
 * Schema of the settings file and the file `news-archive init` writes show).
 * Settings without a default have an example instead. The order of
 * `categories` is the order in which categories are listed; categories found
 * in articles but not listed follow, by name.
 */
export const settingsSchema = z.strictObject({
  $schema: z.string().optional().meta({ description: "The JSON Schema of this file, so that editors complete and check it; the build ignores it." }),
  title: z
    .string()
    .trim()
    .min(1, "the site title cannot be empty")
    .default("News archive")
    .meta({ description: "The site's name, in every page's header and title." }),
  description: z.string().default("").meta({ description: "The site's description, for search engines and feeds." }),
  permalink: z.string().trim().min(1, "the permalink cannot be empty").default(DEFAULT_PERMALINK).meta({
    description:
      "Where articles live: a pattern of :year :month :day :slug :title :filename :category, read as this tool, Jekyll or Hugo reads them (permalinkStyle). An article's url, permalink or path overrides it.",
  }),
  permalinkStyle: z
    .enum(["jekyll", "hugo"])
    .optional()
    .meta({
      description: "Give the permalink tokens the meaning Jekyll or Hugo gives them, so that their URLs are kept; by default this tool's.",
      examples: ["jekyll"],
    }),
  authors: z
    .record(z.string(), authorSetting)
    .default({})
    .meta({
      description: "Authors as front matter names them (author: ashmaroli), with the display name, bio and URL their pages show.",
      examples: [{ ashmaroli: { name: "Ashwin Maroli", bio: "Maintains the Jekyll plugins.", url: "https://example.org/ashwin" } }],
    }),
  author: z
    .string()
    .trim()
    .min(1, "the author cannot be empty; leave the setting out to name the site title")
    .optional()
    .meta({
      description: "Who the Atom and JSON feeds name as their author; articles naming their own author or authors keep them. Default: the site title.",
      examples: ["The Newsroom"],
    }),
  language: z
    .string()
    .regex(LANGUAGE_TAG, 'expected a language tag such as "en" or "pt-BR"')
    .default("en")
    .meta({ description: 'BCP 47 language of the site, written into <html lang>, such as "en" or "pt-BR".' }),
  locale: z
    .string()
    .regex(LANGUAGE_TAG, 'expected a locale such as "en-US" or "fr-FR"')
    .default("en-US")
    .meta({ description: 'Locale used to write dates out ("April 9, 2021"), such as "en-US" or "fr-FR".' }),
  timeZone: z
    .string()
    .refine(isValidTimeZone, { message: 'expected an IANA time zone such as "UTC" or "Europe/Paris"' })
    .default("UTC")
    .meta({ description: 'IANA time zone in which an article\'s calendar date is taken, such as "UTC" or "Europe/Paris".' }),
  siteUrl: z
    .string()
    .refine(isHttpUrl, { message: 'expected an absolute http(s) URL such as "https://example.org/news/", with no spaces, line breaks or quotes' })
    .optional()
    .meta({ description: "Absolute URL of the published site, for canonical links, feeds and the sitemap.", examples: ["https://example.org/news/"] }),
  basePath: z
    .string()
    .refine((value) => isSafeBasePath(value), { message: `expected a path such as "/" or "/news/": ${BASE_PATH_RULE}` })
    .optional()
    .meta({ description: 'Path under which the site is served; by default "/", or the path of siteUrl.', examples: ["/news/"] }),
  cleanUrls: z.boolean().default(true).meta({ description: "false: links end in index.html, for hosts that do not serve a folder's index.html." }),
  accentColor: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/, 'expected a colour such as "#2f6b3f"')
    .optional()
    .meta({ description: "Colour of links and accents in the light scheme; by default the theme's.", examples: ["#2f6b3f"] }),
  accentColorDark: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/, 'expected a colour such as "#8fd19e"')
    .optional()
    .meta({ description: "Colour of links and accents in the dark scheme; by default the theme's.", examples: ["#8fd19e"] }),
  logo: z
    .strictObject({ file: z.string().min(1), width: z.number().int().min(1), height: z.number().int().min(1) })
    .optional()
    .meta({
      description: "An image shown before the site's name, its path relative to the settings file.",
      examples: [{ file: "logo.svg", width: 40, height: 40 }],
    }),
  layouts: z
    .string()
    .min(1)
    .optional()
    .meta({
      description:
        "A folder (relative to the settings file) of your own templates: a file there named like one of the theme's partials (base.njk, article-page.njk...) is used instead.",
      examples: ["../layouts"],
    }),
  footerText: z
    .string()
    .optional()
    .meta({ description: "A line of text in every page's footer.", examples: ["The Example Newsroom, 1 Example Street"] }),
  sanitize: z
    .boolean()
    .default(false)
    .meta({ description: "Strip scripts, event handlers and javascript: URLs from article bodies, for archives with less trusted authors." }),
  highlightCode: z
    .boolean()
    .default(true)
    .meta({ description: "Highlight fenced code blocks that name their language, while building (no script in pages); false leaves them plain." }),
  feedItems: z.number().int().min(1).max(1000).default(20).meta({ description: "How many of the latest articles the feeds carry (1 to 1,000)." }),
  categories: z.array(categorySetting).default([]).meta({
    description: "Category names, slugs and descriptions, in the order they are listed; categories found in articles but not listed follow, by name.",
  }),
  defaultCategory: z
    .string()
    .trim()
    .min(1, "the default category cannot be empty")
    .optional()
    .meta({ description: 'Category of articles that name none; "Uncategorized" when not set, with a warning for each such article.', examples: ["News"] }),
  extensions: z
    .array(z.string().regex(EXTENSION, 'expected an extension such as ".mdx"'))
    .default([])
    .meta({ description: 'File extensions, besides .md and .markdown, whose files are articles, such as ".mdx".' }),
  include: z
    .array(z.string().min(1))
    .default([])
    .meta({ description: "Glob patterns (relative to the content folder) of further files that are articles, e.g. Markdown without extension." }),
  ignore: z
    .array(z.string().min(1))
    .default([])
    .meta({ description: "Glob patterns (relative to the content folder) of files and folders that are not part of the archive." }),
  itemsPerPage: z.number().int().min(1).max(1000).default(20).meta({ description: "Length of paginated lists (1 to 1,000)." }),
  listsExclude: z
    .array(z.string().trim().min(1, "a category name cannot be empty"))
    .default([])
    .meta({
      description:
        "Categories (by name or slug) left out of the latest articles: the home page and the site's feeds. Their articles keep their category's pages and feeds, and the archive by date.",
      examples: [["Release"]],
    }),
  sidebar: z
    .array(sidebarBox)
    .default([
      { type: "featured", title: "Focus on", count: 5 },
      { type: "sections", title: "Latest by section", count: 5 },
      { type: "this-day", count: 5 },
      { type: "year" },
    ])
    .meta({
      description:
        'Boxes beside every page\'s content, in order: {"type": "featured"}, {"type": "latest", "category": "..."}, {"type": "upcoming", "category": "..."}, {"type": "sections"} (the newest article of each section), {"type": "this-day"} (this day in past years) or {"type": "year"} (the build\'s year by month). Boxes without articles are left out.',
    }),
  offline: z
    .strictObject({
      serviceWorker: z.boolean().default(true).meta({ description: "Whether the hosted site has a service worker for offline reading." }),
      wholeArchiveMB: z.number().min(0).max(10000).default(2).meta({
        description:
          "A first visit saves the whole archive for offline reading only when it is at most this size (MB) and the browser reports no data saving or metered connection (0: never on its own); readers can always save it with the control on the search and offline pages.",
      }),
    })
    .prefault({})
    .meta({
      description:
        "Reading offline on the hosted site: a service worker saves the site's shell, the pages a reader opens and the parts of the search index the reader's searches load; the whole archive when the reader asks, or on a first visit when it is small (wholeArchiveMB).",
    }),
  searchPeriodArticles: z.number().int().min(1).max(1_000_000).default(5000).meta({
    description:
      "The search results' texts are written in periods of consecutive years holding at most this many articles (a larger year by months): a period unchanged since the last build is kept as it was, and readers save what they read by period. The ranking is over the whole archive whatever the size.",
  }),
  homeGridYears: z.number().int().min(0).max(100).default(5).meta({ description: "How many recent years of the month grid the home page shows (0: none)." }),
  ...migrationSettingsShape,
});

/** The settings file's JSON Schema, for editors (draft 7, which most editors read); written into the package by `npm run compile`. */
export function settingsJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(settingsSchema, { io: "input", target: "draft-7" });
}

type ParsedSettings = z.output<typeof settingsSchema>;

export type { CategorySetting };

export type AuthorSetting = Readonly<z.output<typeof authorSetting>>;

export interface Settings
  extends Omit<
    ParsedSettings,
    "$schema" | "author" | "siteUrl" | "basePath" | "categories" | "defaultCategory" | "permalink" | "permalinkStyle" | "authors" | "oldPermalinks"
  > {
  readonly permalink: PermalinkPattern;
  /** The address patterns the articles had before, each with the meaning its tokens had. */
  readonly oldPermalinks: readonly OldPermalink[];
  /** Whose meaning the permalink's tokens have; this tool's unless the settings say "jekyll" or "hugo". */
  readonly permalinkStyle: PermalinkStyle;
  /** By the name front matter gives. */
  readonly authors: Readonly<Record<string, AuthorSetting>>;
  /** The setting, or the site title when it is not set. */
  readonly author: string;
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

/**
 * Validates raw settings (from a file, merged with command-line overrides)
 * into typed settings with defaults. Given the file's `text`, a message
 * names the line and column of the setting it is about.
 */
export function parseSettings(raw: unknown, source: string, text?: string): SettingsResult {
  const where = (path: readonly PropertyKey[]): string => {
    const position = text === undefined ? undefined : positionOfPath(text, path);
    return position === undefined ? source : `${source}:${position.line}:${position.column}`;
  };
  const parsed = settingsSchema.safeParse(raw);
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.error.issues.flatMap((issue) =>
        // One message per unknown key, at its own place, with the name it most likely meant.
        issue.code === "unrecognized_keys"
          ? issue.keys.map((key) => `${where([...issue.path, key])}: ${describeUnknownKey(issue.path, key)}`)
          : [`${where(issue.path)}: ${describeIssue(issue)}`],
      ),
    };
  }
  // "$schema" is for editors; the settings do not carry it.
  const { $schema: _editorsSchema, ...value } = parsed.data;
  // The URL as parsed: written into feeds, the sitemap and robots.txt, it holds nothing a line of those files could be broken by.
  const siteUrl = value.siteUrl === undefined ? undefined : withTrailingSlash(new URL(value.siteUrl).href);
  const siteUrlPath = siteUrl === undefined ? undefined : new URL(siteUrl).pathname;
  const basePath = value.basePath === undefined ? (siteUrlPath ?? "/") : normaliseBasePath(value.basePath);
  const errors: string[] = [];
  if (value.basePath === undefined && !isSafeBasePath(basePath)) {
    errors.push(
      `${where(["siteUrl"])}: the site URL's path ${basePath} would be the base path, which may hold ${BASE_PATH_RULE}; give another site URL, or a "basePath"`,
    );
  }
  if (siteUrlPath !== undefined && siteUrlPath !== basePath) {
    errors.push(
      `${source}: the site URL ${siteUrl} is served under ${siteUrlPath} but the base path is ${basePath}; make them agree (or leave the base path out)`,
    );
  }
  const categories = readCategories(value.categories, where(["categories"]), errors);
  const permalink = parsePermalinkPattern(value.permalink);
  if (!permalink.ok) errors.push(`${where(["permalink"])}: setting "permalink": ${permalink.reason}`);
  const oldPermalinks = readOldPermalinks(value.oldPermalinks, value.permalinkStyle);
  errors.push(...oldPermalinks.errors.map((message) => `${where(["oldPermalinks"])}: ${message}`));
  if (errors.length > 0 || !permalink.ok) return { ok: false, errors };
  const defaultCategory = value.defaultCategory ?? "Uncategorized";
  return {
    ok: true,
    settings: {
      ...value,
      author: value.author ?? value.title,
      siteUrl,
      basePath,
      categories,
      defaultCategory,
      defaultCategoryChosen: value.defaultCategory !== undefined,
      permalink: permalink.pattern,
      oldPermalinks: oldPermalinks.patterns,
      permalinkStyle: value.permalinkStyle ?? "news-archive",
      authors: value.authors,
    },
  };
}

/** An unknown key of the settings, or of one of their objects, with the known name it most likely meant. */
function describeUnknownKey(path: readonly PropertyKey[], key: string): string {
  const known = keysOfObjectAt(settingsSchema, path).filter((name) => name !== "$schema");
  const hint = didYouMean(key, known);
  if (path.length > 0)
    return `setting "${formatPath(path)}": unknown key "${key}"${hint}${hint === "" && known.length > 0 ? `; the keys are ${known.join(", ")}` : ""}`;
  return `unknown setting "${key}"${hint === "" ? `; known settings are ${known.join(", ")}` : hint}`;
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const where = issue.path.length === 0 ? "" : `setting "${formatPath(issue.path)}": `;
  if (issue.code === "invalid_type") {
    const expected = issue.expected === "object" ? "a mapping" : issue.expected === "array" ? "a list" : `a ${issue.expected}`;
    return `${where}expected ${expected}`;
  }
  return `${where}${issue.message}`;
}

function formatPath(path: readonly PropertyKey[]): string {
  return path.map((part, index) => (typeof part === "number" ? `[${part}]` : `${index === 0 ? "" : "."}${String(part)}`)).join("");
}

import { splitFileNameDate, type ArticleDate, type CalendarDate } from "./dates.ts";
import { slugify } from "./slugs.ts";
import { hugoTargetPath, hugoUrlize, jekyllSlugify, unescapeQuery } from "./tool-slugs.ts";
import { normalizeSitePath } from "./site-paths.ts";

/**
 * Where an article lives: a pattern such as `/:year/:month/:day/:slug/`
 * whose tokens take the meaning this tool gives them, or the one Jekyll or
 * Hugo gives them (`permalinkStyle`), so that an archive moved from either
 * keeps its URLs. The article's route then carries the path (core/urls.ts).
 */
const PERMALINK_TOKENS = ["year", "month", "day", "slug", "title", "filename", "category", "section"] as const;
type PermalinkToken = (typeof PERMALINK_TOKENS)[number];

/** Whose meaning the tokens have: this tool's (the default), Jekyll's or Hugo's. */
export type PermalinkStyle = "news-archive" | "jekyll" | "hugo";
/**
 * An old address pattern's meanings: a tool's, or the values as the file and
 * its front matter write them ("as-written": `:filename` of `go1.6.md` is
 * "go1.6", as the Go blog's server published it), which is what an old
 * address made by a tool other than Jekyll or Hugo most likely holds.
 */
export type OldPermalinkStyle = PermalinkStyle | "as-written";

/** Today's URLs, and the default: `/2021/04/09/annual-report/`. */
export const DEFAULT_PERMALINK = "/:year/:month/:day/:slug/";

/** The tokens that tell two articles of one day apart; a pattern needs one. */
const ARTICLE_TOKENS: readonly PermalinkToken[] = ["slug", "title", "filename"];

type PatternPart = { readonly literal: string } | { readonly token: PermalinkToken };

export interface PermalinkPattern {
  readonly text: string;
  readonly parts: readonly PatternPart[];
}

type PatternResult = { readonly ok: true; readonly pattern: PermalinkPattern } | { readonly ok: false; readonly reason: string };

const TOKEN = /:([A-Za-z_]+)/g;
const TOKEN_LIST = PERMALINK_TOKENS.map((token) => `:${token}`).join(" ");

/** Reads a pattern: every token must be known, and one must tell the articles of a day apart. */
export function parsePermalinkPattern(text: string, { needsArticleToken = true }: { readonly needsArticleToken?: boolean } = {}): PatternResult {
  const parts: PatternPart[] = [];
  let last = 0;
  for (const match of text.matchAll(TOKEN)) {
    const name = match[1] ?? "";
    if (!(PERMALINK_TOKENS as readonly string[]).includes(name)) {
      return { ok: false, reason: `unknown token ":${name}" in the permalink "${text}"; the tokens are ${TOKEN_LIST}` };
    }
    parts.push({ literal: text.slice(last, match.index) }, { token: name as PermalinkToken });
    last = match.index + match[0].length;
  }
  parts.push({ literal: text.slice(last) });
  if (needsArticleToken && !parts.some((part) => "token" in part && ARTICLE_TOKENS.includes(part.token))) {
    return {
      ok: false,
      reason: `the permalink "${text}" has no part that tells two articles of one day apart, so they would share a URL; add :slug, :title or :filename, as in "/:year/:month/:day/:slug/"`,
    };
  }
  if (text.split(/[/\\]/).some((segment) => segment === ".."))
    return { ok: false, reason: `the permalink "${text}" has a ".." segment, which would leave the site; remove it` };
  if (/[?#]/.test(text)) return { ok: false, reason: `the permalink "${text}" has a "?" or "#", which no page path can hold; remove it` };
  return { ok: true, pattern: { text, parts: parts.filter((part) => !("literal" in part) || part.literal !== "") } };
}

/** What a permalink is made of: the article's fields, checked. */
export interface PermalinkSubject {
  readonly title: string;
  /** The `slug` key as written, when the article has one. */
  readonly writtenSlug?: string;
  /** This tool's slug: the `slug` key or the file name, through the archive's slug function. */
  readonly slug: string;
  /** The file's name without its extension, or a page bundle's folder name, any date prefix included. */
  readonly fileName: string;
  readonly date: ArticleDate;
  /** The article's category: its slug, and its name as the archive spells it. */
  readonly category: { readonly slug: string; readonly name: string };
  /** The first folder of its path in the content folder ("" at the top), as Hugo's :section is in Hugo's. */
  readonly section: string;
}

type ExpandResult = { readonly ok: true; readonly path: string } | { readonly ok: false; readonly reason: string };

/**
 * The path an article's pattern gives it: folders end in "/", pages named
 * `.html` are files. `ownUrl`: the pattern is the article's own `url`, which
 * Hugo does not sanitize again as it does its permalinks.
 */
export function expandPermalink(
  pattern: PermalinkPattern,
  style: OldPermalinkStyle,
  subject: PermalinkSubject,
  { ownUrl = false }: { readonly ownUrl?: boolean } = {},
): ExpandResult {
  // Only the pattern's tokens are worked out: the slugs of the title and the file name, which the default pattern does
  // not print, were a third of the time a large archive took to place.
  const makers = TOKEN_MAKERS[style];
  const values = new Map<PermalinkToken, string>();
  for (const part of pattern.parts) if ("token" in part && !values.has(part.token)) values.set(part.token, makers[part.token](subject));
  const empty = pattern.parts.find((part) => "token" in part && ARTICLE_TOKENS.includes(part.token) && values.get(part.token) === "");
  if (empty !== undefined && "token" in empty) {
    return { ok: false, reason: `its :${empty.token} is empty in the permalink "${pattern.text}" (no letter or digit to make a URL from); give it a "slug"` };
  }
  const expanded = pattern.parts.map((part) => ("token" in part ? (values.get(part.token) ?? "") : part.literal)).join("");
  const written = style === "jekyll" ? jekyllSanitizeUrl(expanded) : style === "hugo" && ownUrl ? unescapeQuery(expanded) : expanded;
  const path = normalizeSitePath(written, "/");
  if (!path.ok) return { ok: false, reason: `the permalink "${pattern.text}" gives "${expanded}", which ${path.reason}` };
  if (style !== "hugo" || ownUrl) return { ok: true, path: path.path };
  // Hugo unescapes the path it writes to ("%2e%2e" is ".."): it is cleaned again, and may not leave the site either.
  const target = normalizeSitePath(hugoTargetPath(path.path), "/");
  return target.ok
    ? { ok: true, path: target.path }
    : { ok: false, reason: `the permalink "${pattern.text}" gives "${hugoTargetPath(path.path)}" once unescaped, which ${target.reason}` };
}

/** How a token's value is made from an article's fields. */
type TokenMaker = (subject: PermalinkSubject) => string;

/** The file's name without a date prefix. */
const nameSlugOf = ({ fileName }: PermalinkSubject): string => splitFileNameDate(fileName)?.rest ?? fileName;
/** Jekyll's post slug: the `slug` key, else the file name's, without trailing dots. */
const jekyllSlugOf = (subject: PermalinkSubject): string => subject.writtenSlug ?? nameSlugOf(subject).replace(/\.+$/, "");

function dateMakers(dayOf: (subject: PermalinkSubject) => CalendarDate): Pick<Record<PermalinkToken, TokenMaker>, "year" | "month" | "day"> {
  return {
    year: (subject) => String(dayOf(subject).year).padStart(4, "0"),
    month: (subject) => String(dayOf(subject).month).padStart(2, "0"),
    day: (subject) => String(dayOf(subject).day).padStart(2, "0"),
  };
}

/** How each token's value is made, in each style: called for the tokens a pattern holds. */
const TOKEN_MAKERS: Readonly<Record<OldPermalinkStyle, Readonly<Record<PermalinkToken, TokenMaker>>>> = {
  "as-written": {
    ...dateMakers((subject) => subject.date),
    slug: (subject) => subject.writtenSlug ?? nameSlugOf(subject),
    title: (subject) => slugify(subject.title),
    filename: nameSlugOf,
    category: (subject) => subject.category.slug,
    section: (subject) => subject.section,
  },
  jekyll: {
    ...dateMakers((subject) => subject.date),
    slug: (subject) => jekyllSlugify(jekyllSlugOf(subject), "default", false),
    title: (subject) => jekyllSlugify(jekyllSlugOf(subject), "pretty", true),
    filename: (subject) => jekyllSlugify(subject.fileName, "default", false),
    category: (subject) => subject.category.name.toLowerCase(),
    section: (subject) => subject.section,
  },
  hugo: {
    // Hugo dates a URL by the day as written, in the date's own offset.
    ...dateMakers((subject) => subject.date.writtenDay ?? subject.date),
    slug: ({ writtenSlug, title }) => hugoUrlize(writtenSlug !== undefined && writtenSlug !== "" ? writtenSlug : title),
    title: (subject) => hugoUrlize(subject.title),
    filename: (subject) => hugoUrlize(subject.fileName),
    category: (subject) => hugoUrlize(subject.category.name),
    section: (subject) => subject.section,
  },
  "news-archive": {
    ...dateMakers((subject) => subject.date),
    slug: (subject) => subject.slug,
    title: (subject) => slugify(subject.title),
    filename: (subject) => slugify(nameSlugOf(subject)),
    category: (subject) => subject.category.slug,
    section: (subject) => slugify(subject.section),
  },
};

/** Jekyll's `URL#sanitize_url`: ".." becomes "/", "./" goes, and slashes are squeezed. */
function jekyllSanitizeUrl(url: string): string {
  return `/${url}`.replaceAll("..", "/").replaceAll("./", "").replace(/\/+/g, "/");
}

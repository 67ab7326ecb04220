import { z } from "zod";
import { parsePermalinkPattern, type OldPermalinkStyle, type PermalinkPattern } from "./permalinks.ts";

/**
 * The settings an archive moved from another tool uses to keep what it had:
 * the addresses its articles had (`oldPermalinks`), old addresses of the
 * site's other pages (`redirects`), the folder of files published as they
 * are (`static`), the site's pages in the header (`menu`), and a file saying
 * what the old site's shortcodes become (`shortcodes`). `settings.ts` puts
 * them in the schema; they are read here.
 */

const oldPermalink = z.union([
  z.string().trim().min(1, "an old permalink cannot be empty"),
  z.strictObject({
    pattern: z.string().trim().min(1, "an old permalink cannot be empty"),
    style: z.enum(["jekyll", "hugo"]).meta({ description: "Whose meaning the pattern's tokens have: Jekyll's or Hugo's." }),
  }),
]);

// Settings without a default first: the file `init` writes ends with the last setting that has one.
export const migrationSettingsShape = {
  static: z
    .string()
    .min(1)
    .optional()
    .meta({
      description:
        'A folder (relative to the settings file) whose files are copied to the site\'s root as they are: images, favicon.ico, CNAME, PDFs. Default: "static" beside the settings file, when there is one; "." is the content folder itself (its files that are not articles).',
      examples: ["static", "."],
    }),
  shortcodes: z
    .string()
    .min(1)
    .optional()
    .meta({
      description:
        'A JavaScript module (relative to the settings file) whose default export says what each shortcode, Liquid tag or Go action becomes. Default: "shortcodes.mjs" or "shortcodes.js" beside the settings file, when there is one.',
      examples: ["shortcodes.mjs"],
    }),
  oldPermalinks: z
    .array(oldPermalink)
    .default([])
    .meta({
      description:
        'The address patterns the articles had before, with the tokens of "permalink" (their values as the file and front matter write them, or as {"pattern": ..., "style": "jekyll"} reads them): each article gets a redirect from each, and links in bodies naming them lead to its address.',
      examples: [["/blog/:filename"], ["/blog/:category/:filename/"]],
    }),
  redirects: z
    .record(z.string(), z.string().trim().min(1, "a redirect needs a target"))
    .default({})
    .meta({
      description:
        'Old addresses of the site\'s other pages and the path (or URL) each now leads to, written as they are, with no pattern: {"/feed/": "/feed.xml"}.',
      examples: [{ "/feed/": "/feed.xml", "/category/news/local/": "/category/local/" }],
    }),
  menu: z
    .array(
      z.strictObject({
        title: z.string().trim().min(1, "a menu entry needs a title"),
        url: z.string().trim().min(1, "a menu entry needs a url").meta({ description: 'A path from the site\'s root ("/about/") or an http(s) URL.' }),
      }),
    )
    .default([])
    .meta({
      description: "Links added to the header's navigation, after the site's own, such as the site's pages.",
      examples: [[{ title: "About", url: "/about/" }]],
    }),
};

/** An old address pattern, read: this tool reads the values as written unless the entry names Jekyll's or Hugo's meaning. */
export interface OldPermalink {
  readonly pattern: PermalinkPattern;
  readonly style: OldPermalinkStyle;
  /** The old site's host, when the pattern is a full URL ("https://blog.golang.org/:filename"): links to it are links to the archive. */
  readonly host?: string;
}

type OldPermalinkSetting = z.output<typeof oldPermalink>;

/** Reads each `oldPermalinks` entry as a pattern; a string takes the `permalinkStyle`, or the values as written without one. */
export function readOldPermalinks(
  entries: readonly OldPermalinkSetting[],
  permalinkStyle: "jekyll" | "hugo" | undefined,
): { readonly patterns: OldPermalink[]; readonly errors: string[] } {
  const patterns: OldPermalink[] = [];
  const errors: string[] = [];
  entries.forEach((entry, index) => {
    const written = typeof entry === "string" ? entry : entry.pattern;
    const url = /^https?:\/\/[^/]+/i.exec(written);
    const host = url !== null && URL.canParse(url[0]) ? new URL(url[0]).host : undefined;
    const parsed = parsePermalinkPattern(url === null ? written : written.slice(url[0].length) || "/");
    if (!parsed.ok) errors.push(`setting "oldPermalinks[${index}]": ${parsed.reason}`);
    else
      patterns.push({
        pattern: parsed.pattern,
        style: typeof entry === "string" ? (permalinkStyle ?? "as-written") : entry.style,
        ...(host === undefined ? {} : { host }),
      });
  });
  return { patterns, errors };
}

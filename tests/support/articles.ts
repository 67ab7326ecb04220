import assert from "node:assert/strict";
import type { Article } from "../../src/core/article.ts";
import { indexRecord } from "../../src/text/index-record.ts";
import { parseSettings, type Settings } from "../../src/core/settings.ts";

/** Settings with defaults, overridden by `raw`. */
export function settingsWith(raw: Record<string, unknown> = {}): Settings {
  const parsed = parseSettings(raw, "settings");
  assert.ok(parsed.ok, parsed.ok ? "" : parsed.errors.join("\n"));
  return parsed.settings;
}

/** A published article on a given calendar day, with defaults for everything else. */
export function articleOn(year: number, month: number, day: number, extra: Partial<Article> = {}): Article {
  const slug = extra.slug ?? `article-${year}-${month}-${day}`;
  const iso = `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
  const title = extra.title ?? `Article ${iso}`;
  const bodyHtml = extra.bodyHtml ?? "<p>Body</p>\n";
  return {
    sourcePath: `${slug}.md`,
    assets: [],
    title,
    date: { year, month, day, hasTime: false, epochMs: Date.UTC(year, month - 1, day), iso },
    tags: [],
    slug,
    fileName: slug,
    draft: false,
    featured: false,
    authors: [],
    extra: {},
    category: { slug: "news", name: "News" },
    route: { kind: "article", path: `/${iso.replaceAll("-", "/")}/${slug}/` },
    redirects: [],
    bodyHtml,
    excerpt: "Body",
    // Words as written: a record's stems need a stemmer, which a test that wants them loads itself.
    searchRecord: indexRecord({ title, bodyHtml }, "", (word) => word),
    ...extra,
  };
}

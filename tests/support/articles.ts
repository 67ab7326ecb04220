import assert from "node:assert/strict";
import type { Article } from "../../src/core/article.ts";
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
  return {
    sourcePath: `${slug}.md`,
    assets: [],
    title: `Article ${iso}`,
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
    bodyHtml: "<p>Body</p>\n",
    excerpt: "Body",
    terms: [],
    ...extra,
  };
}

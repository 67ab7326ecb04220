import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseArticleDate, type ArticleDate } from "../../src/core/dates.ts";
import {
  DEFAULT_PERMALINK,
  expandPermalink,
  parsePermalinkPattern,
  type PermalinkPattern,
  type PermalinkStyle,
  type PermalinkSubject,
} from "../../src/core/permalinks.ts";
import { dateInPath, normalizeSitePath, readWrittenAddress } from "../../src/core/site-paths.ts";
import { hugoTargetPath, hugoUrlize, jekyllSlugify } from "../../src/core/tool-slugs.ts";

function pattern(text: string): PermalinkPattern {
  const parsed = parsePermalinkPattern(text);
  assert.ok(parsed.ok, parsed.ok ? "" : parsed.reason);
  return parsed.pattern;
}

function dateOf(text: string, zone = "UTC"): ArticleDate {
  const parsed = parseArticleDate(text, zone);
  assert.ok(parsed.ok);
  return parsed.date;
}

function subject(fields: Partial<PermalinkSubject> = {}): PermalinkSubject {
  return {
    title: "Jekyll Sass Converter 3.0 Released",
    slug: "jekyll-sass-converter-3-0-released",
    fileName: "2022-12-21-jekyll-sass-converter-3.0-released",
    date: dateOf("2022-12-21"),
    category: { slug: "community", name: "Community" },
    section: "",
    ...fields,
  };
}

function expand(text: string, style: PermalinkStyle, fields: Partial<PermalinkSubject> = {}): string {
  const result = expandPermalink(pattern(text), style, subject(fields));
  assert.ok(result.ok, result.ok ? "" : result.reason);
  return result.path;
}

describe("permalink patterns", () => {
  it("keep today's URLs by default", () => {
    assert.equal(expand(DEFAULT_PERMALINK, "news-archive"), "/2022/12/21/jekyll-sass-converter-3-0-released/");
  });

  it("give Jekyll's meanings: :title is the file name's slug as written, :slug its lower-case form, the date in the archive's zone", () => {
    assert.equal(expand("/news/:year/:month/:day/:title/", "jekyll"), "/news/2022/12/21/jekyll-sass-converter-3.0-released/");
    assert.equal(expand("/:slug/", "jekyll"), "/jekyll-sass-converter-3-0-released/");
    assert.equal(expand("/:title/", "jekyll", { writtenSlug: "My Own.Slug!" }), "/My-Own.Slug!/");
    // 17:52 at +05:30 is 04:22 in Los Angeles: the same day; 01:00 at +09:00 is the day before there.
    assert.equal(
      expand("/:year/:month/:day/:title/", "jekyll", { date: dateOf("2022-12-21 01:00:00 +0900", "America/Los_Angeles") }),
      "/2022/12/20/jekyll-sass-converter-3.0-released/",
    );
    assert.equal(expand("/:category/:title.html", "jekyll"), "/community/jekyll-sass-converter-3.0-released.html");
  });

  it("give Hugo's meanings: :slug is the slug key or the title urlized, dots kept, and the day is the one written", () => {
    assert.equal(
      expand("/blog/:year/:month/:day/:slug/", "hugo", { title: "Improve your documentation with Mermaid.js diagrams" }),
      "/blog/2022/12/21/improve-your-documentation-with-mermaid.js-diagrams/",
    );
    assert.equal(expand("/:slug/", "hugo", { writtenSlug: "My Slug.With Dots" }), "/my-slug.with-dots/");
    assert.equal(expand("/:slug/", "hugo", { writtenSlug: "" }), "/jekyll-sass-converter-3.0-released/");
    assert.equal(expand("/:filename/", "hugo"), "/2022-12-21-jekyll-sass-converter-3.0-released/");
    // 23:30 at -08:00 is January 2 in UTC, but Hugo writes January 1.
    assert.equal(
      expand("/:year/:month/:day/:title/", "hugo", { date: dateOf("2020-01-01T23:30:00-08:00") }),
      "/2020/01/01/jekyll-sass-converter-3.0-released/",
    );
    assert.equal(expand("/Blog/:title/", "hugo"), "/blog/jekyll-sass-converter-3.0-released/");
    assert.equal(expand("/:section/:year/:slug/", "hugo", { section: "blog" }), "/blog/2022/jekyll-sass-converter-3.0-released/");
  });

  it("refuse an unknown token and a pattern that cannot tell two articles of a day apart", () => {
    const unknown = parsePermalinkPattern("/:year/:categories/:slug/");
    assert.ok(!unknown.ok);
    assert.match(unknown.reason, /unknown token ":categories".*:year :month :day :slug :title :filename :category/);
    const noArticle = parsePermalinkPattern("/:year/:month/:day/");
    assert.ok(!noArticle.ok);
    assert.match(noArticle.reason, /tells two articles of one day apart.*add :slug, :title or :filename/);
    assert.ok(!parsePermalinkPattern("/../:slug/").ok);
    assert.ok(parsePermalinkPattern("/about/", { needsArticleToken: false }).ok);
  });

  it("say which token is empty rather than give two articles one URL", () => {
    const result = expandPermalink(pattern("/:title/"), "news-archive", subject({ title: "???" }));
    assert.ok(!result.ok);
    assert.match(result.reason, /its :title is empty/);
  });
});

describe("Jekyll's and Hugo's slug functions", () => {
  it("slugify as Jekyll does in its default and pretty modes", () => {
    assert.equal(jekyllSlugify("Café & Crème: 3.0!", "default", false), "café-crème-3-0");
    assert.equal(jekyllSlugify("Café & Crème: 3.0!", "pretty", true), "Café-&-Crème-3.0!");
    assert.equal(jekyllSlugify("--x--", "default", false), "x");
    assert.equal(jekyllSlugify("-.-x", "pretty", true), ".-x");
  });

  it("urlize as Hugo 0.111 does: white space to one hyphen, some punctuation kept, the rest dropped, lower case", () => {
    assert.equal(hugoUrlize("C# & F#: Café über — 100% (Naïve)"), "c#-f#-café-über-100-naïve");
    assert.equal(hugoUrlize("a  -  b"), "a-b");
    assert.equal(hugoUrlize(" - lead -- double  -- trail - "), "-lead--double--trail-");
    assert.equal(hugoUrlize("ΑΣ İstanbul"), "ασ-istanbul");
    assert.equal(hugoUrlize("%41 %zz"), "%41-zz");
  });

  it("write Hugo's page path: unescaped as a query string and sanitized again", () => {
    assert.equal(hugoTargetPath("/blog/a+b/"), "/blog/a-b/");
    assert.equal(hugoTargetPath("/blog/a-+-b/"), "/blog/a--b/");
    assert.equal(hugoTargetPath("/blog/%41-b/"), "/blog/a-b/");
  });
});

describe("paths written in front matter", () => {
  it("are made site paths: from the root, folders ending in a slash, .html pages kept as files", () => {
    assert.deepEqual(normalizeSitePath("2019/10/15/Rustup-1.20.0", "/"), { ok: true, path: "/2019/10/15/Rustup-1.20.0/" });
    assert.deepEqual(normalizeSitePath("/2019/10/15/Rustup-1.20.0.html", "/"), { ok: true, path: "/2019/10/15/Rustup-1.20.0.html" });
    assert.deepEqual(normalizeSitePath("old-a", "/blog/2021/12/01/"), { ok: true, path: "/blog/2021/12/01/old-a/" });
    assert.deepEqual(normalizeSitePath("../up//old", "/blog/2021/12/01/"), { ok: true, path: "/blog/2021/12/up/old/" });
  });

  it("are refused when they leave the site, hold a backslash, or a query where none is allowed", () => {
    assert.deepEqual(normalizeSitePath("../../etc/passwd", "/a/"), { ok: false, reason: 'leaves the site (its ".." goes above the site\'s root)' });
    assert.equal(readWrittenAddress("/%2e%2e/x", "/", { allowQuery: false }).ok, false);
    assert.equal(readWrittenAddress("a\\b", "/", { allowQuery: false }).ok, false);
    assert.equal(readWrittenAddress("/x/?p=1", "/", { allowQuery: false }).ok, false);
    assert.equal(readWrittenAddress("/x/#top", "/", { allowQuery: true }).ok, false);
    assert.equal(readWrittenAddress("mailto:a@b", "/", { allowQuery: true }).ok, false);
  });

  it("keep an old address's query, and its path as a host matches it", () => {
    assert.deepEqual(readWrittenAddress("/?p=12", "/", { allowQuery: true }), { ok: true, address: { path: "/", query: "?p=12" } });
    assert.deepEqual(readWrittenAddress("https://old.example.org/index.php?page_id=3", "/", { allowQuery: true }), {
      ok: true,
      address: { path: "/index.php", query: "?page_id=3" },
    });
    assert.deepEqual(readWrittenAddress("/caf%C3%A9/", "/", { allowQuery: true }), { ok: true, address: { path: "/café/", query: "" } });
  });

  it("give the date a path holds", () => {
    assert.equal(dateInPath("2019/10/15/Rustup-1.20.0"), "2019-10-15");
    assert.equal(dateInPath("inside-rust/2020/07/27/1.45.1-prerelease"), "2020-07-27");
    assert.equal(dateInPath("releases/1.94.1"), undefined);
  });
});

describe("a Hugo permalink unescaped", () => {
  it('never leaves the site: an escaped ".." in a title is cleaned as a path, and refused above the root', () => {
    const subject = {
      title: "%2e%2e/%2e%2e/%2e%2e/tmp/pwned",
      slug: "x",
      fileName: "x",
      date: { year: 2021, month: 1, day: 1, hasTime: false, epochMs: 0, iso: "2021-01-01" },
      category: { slug: "news", name: "News" },
      section: "",
    };
    const pattern = parsePermalinkPattern("/:title/");
    assert.ok(pattern.ok);
    const expanded = expandPermalink(pattern.pattern, "hugo", subject);
    assert.ok(!expanded.ok && /leaves the site/.test(expanded.reason), expanded.ok ? expanded.path : expanded.reason);
    const inside = expandPermalink(pattern.pattern, "hugo", { ...subject, title: "news/%2e%2e/archive-x" });
    assert.deepEqual(inside, { ok: true, path: "/archive-x/" });
  });
});

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { PROJECT_ROOT } from "../../../src/core/project.ts";
import { articleText } from "../../../src/import/imported-article.ts";
import type { ImportPlan } from "../../../src/import/import-plan.ts";
import { planWordPressImport } from "../../../src/import/wordpress-plan.ts";
import { readWxr, type WxrExport } from "../../../src/import/wxr.ts";
import { parseXml } from "../../../src/import/xml.ts";

const GAZETTE = join(PROJECT_ROOT, "tests/fixtures/import/gazette.xml");

function readExport(text: string): WxrExport {
  const xml = parseXml(text);
  assert.ok(xml.ok, "the fixture is well-formed XML");
  const wxr = readWxr(xml.root, xml.lineOf);
  assert.ok(wxr.ok, "the fixture is a WordPress export");
  return wxr.export;
}

function plan(pages = false): ImportPlan {
  return planWordPressImport(readExport(readFileSync(GAZETTE, "utf8")), { pages, media: { siteUrl: "https://gazette.example.org", exists: undefined } });
}

function article(plan: ImportPlan, id: number): ImportPlan["articles"][number] {
  const found = plan.articles.find((candidate) => candidate.frontMatter.wp_id === id);
  assert.ok(found, `post ${id} is imported`);
  return found;
}

describe("reading a WordPress export", () => {
  it("reads the site, its authors and every item with its line", () => {
    const wxr = readExport(readFileSync(GAZETTE, "utf8"));
    assert.equal(wxr.site.title, "Desert Gazette");
    assert.equal(wxr.site.blogUrl, "https://gazette.example.org");
    assert.equal(wxr.authors.get("editor"), "Dana Editor");
    assert.equal(wxr.items.length, 15);
    const harbour = wxr.items.find((item) => item.id === "21");
    assert.equal(harbour?.line, 68, "the line of its <item>");
    assert.deepEqual(
      harbour?.terms.map((term) => `${term.domain}:${term.name}`),
      ["category:News", "category:Harbour", "post_tag:Boats", "post_tag:harbour"],
    );
    assert.equal(harbour?.commentCount, 1);
  });

  it("says what a file is when it is not an export", () => {
    const atom = parseXml('<feed xmlns="http://www.w3.org/2005/Atom"><title>x</title></feed>');
    assert.ok(atom.ok);
    const notWxr = readWxr(atom.root, atom.lineOf);
    assert.ok(!notWxr.ok && /Atom feed/.test(notWxr.message));
    const rss = parseXml("<rss><channel><title>x</title></channel></rss>");
    assert.ok(rss.ok);
    const plainRss = readWxr(rss.root, rss.lineOf);
    assert.ok(!plainRss.ok && /RSS feed without <wp:wxr_version>.*import feed/.test(plainRss.message));
  });

  it("finds where a cut-off or malformed file goes wrong", () => {
    const cut = parseXml(readFileSync(GAZETTE, "utf8").slice(0, 4000));
    assert.ok(!cut.ok && /^line \d+, column \d+: /.test(cut.message), cut.ok ? "parsed" : cut.message);
    const json = parseXml('{"posts": []}');
    assert.ok(!json.ok);
  });
});

describe("a WordPress export as articles", () => {
  it("imports posts, and counts what it skips", () => {
    const imported = plan();
    assert.equal(imported.articles.length, 9);
    assert.deepEqual(Object.fromEntries(imported.skipped), { attachment: 3, "page (give --pages to import pages)": 1, nav_menu_item: 1, wp_block: 1 });
    assert.equal(imported.comments, 1);
    assert.equal(plan(true).articles.length, 10);
  });

  it("writes the front matter the archive reads, with the site's offset and redirects", () => {
    assert.equal(
      articleText(article(plan(), 21)).split("---\n")[1],
      [
        "title: Harbour reopens",
        "date: 2024-03-09T22:30:00-07:00",
        "updated: 2024-03-11T08:15:00-07:00",
        "slug: harbour-reopens",
        "category: News",
        "tags:",
        "  - Harbour",
        "  - Boats",
        "author: Dana Editor",
        "image: https://gazette.example.org/wp-content/uploads/2024/03/harbour.png",
        "wp_id: 21",
        "redirect_from:",
        "  - /2024/03/09/harbour-reopens/",
        "  - /?p=21",
        "",
      ].join("\n"),
    );
  });

  it("infers the site's fixed offset, UTC−7, as the archive's time zone", () => {
    assert.equal(plan().zone.zone, "Etc/GMT+7");
  });

  it("gives a post without a title one made from its date, with a warning", () => {
    const untitled = article(plan(), 22);
    assert.equal(untitled.frontMatter.title, "Untitled post of 2024-02-14");
    assert.match(untitled.warnings.join("\n"), /has no title/);
  });

  it("imports scheduled, private, draft and password-protected posts as drafts with their status", () => {
    const imported = plan();
    const statusOf = (id: number): [true | undefined, string | undefined] => [
      article(imported, id).frontMatter.draft,
      article(imported, id).frontMatter.status,
    ];
    assert.deepEqual(statusOf(23), [true, "future"]);
    assert.deepEqual(statusOf(24), [true, "private"]);
    assert.deepEqual(statusOf(25), [true, "draft"]);
    assert.deepEqual(statusOf(29), [true, undefined]);
    assert.deepEqual(statusOf(21), [undefined, undefined]);
    assert.equal(article(imported, 25).frontMatter.date, "2024-03-12T10:00:00", "a draft never published has no UTC date");
    assert.equal(article(imported, 25).frontMatter.slug, "unfinished-piece");
  });

  it("writes a non-ASCII slug as the build will, and keeps the old percent-encoded URL as a redirect", () => {
    const russian = article(plan(), 26);
    assert.equal(russian.frontMatter.slug, "privet-mir");
    assert.deepEqual(russian.frontMatter.redirect_from, ["/2024/03/05/%d0%bf%d1%80%d0%b8%d0%b2%d0%b5%d1%82-%d0%bc%d0%b8%d1%80/", "/?p=26"]);
    assert.equal(article(plan(), 27).frontMatter.slug, "post-27");
  });

  it("makes a sticky post featured, reads its excerpt as the summary and decodes entities", () => {
    const water = article(plan(), 28);
    assert.equal(water.frontMatter.title, "Water levels & the dam");
    assert.equal(water.frontMatter.summary, "Levels are up & rising.");
    assert.equal(water.frontMatter.featured, true);
    assert.deepEqual([...water.notes.droppedBlocks], [["latest-posts", 1]]);
    assert.doesNotMatch(water.body, /wp:/);
  });

  it("gives the later of two posts with one day and one slug another slug, as WordPress would", () => {
    const wxr = readExport(readFileSync(GAZETTE, "utf8"));
    const original = wxr.items.find((item) => item.id === "21");
    assert.ok(original, "the export holds post 21");
    const twin = { ...original, id: "40", title: "Harbour reopens (again)" };
    const imported = planWordPressImport({ ...wxr, items: [...wxr.items, twin] }, { pages: false, media: { siteUrl: "", exists: undefined } });
    assert.equal(article(imported, 21).frontMatter.slug, "harbour-reopens");
    assert.equal(article(imported, 40).frontMatter.slug, "harbour-reopens-2");
    assert.match(article(imported, 40).warnings.join("\n"), /given "harbour-reopens-2"/);
  });
});

import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { articleFinder, countTemplates, linkArticles, templateSyntaxWarnings, type ArticlePath, type Linkable } from "../../src/content/templates.ts";
import type { TemplateUse } from "../../src/content/expand-templates.ts";

const archive: readonly ArticlePath[] = [
  { sourcePath: "_posts/2020/guide.md" },
  { sourcePath: "_posts/2010-07-21-name.md" },
  { sourcePath: "_posts/2021/launch/index.md", bundleDir: "_posts/2021/launch" },
  { sourcePath: "2019/notes.md" },
  { sourcePath: "2020/notes.md" },
];
const find = articleFinder(archive);
const foundPath = (target: string): string | undefined => {
  const found = find(target);
  return "found" in found ? found.found.sourcePath : undefined;
};

describe("finding the article a reference names", () => {
  it("finds it by its path in the content folder, with or without extension, leading slash or letter case", () => {
    assert.equal(foundPath("_posts/2020/guide.md"), "_posts/2020/guide.md");
    assert.equal(foundPath("/_posts/2020/Guide"), "_posts/2020/guide.md");
  });

  it("finds it by the end of its path, when the old site had folders above ours", () => {
    assert.equal(foundPath("blog/_posts/2020/guide.md"), "_posts/2020/guide.md");
    assert.equal(foundPath("2020/guide"), "_posts/2020/guide.md");
  });

  it("finds a Jekyll post by its file name, and a page bundle by its folder", () => {
    assert.equal(foundPath("2010-07-21-name"), "_posts/2010-07-21-name.md");
    assert.equal(foundPath("_posts/2010-07-21-name.md"), "_posts/2010-07-21-name.md");
    assert.equal(foundPath("launch"), "_posts/2021/launch/index.md");
  });

  it("finds it by its file name without extension or date prefix, when nothing closer matches", () => {
    assert.equal(foundPath("name"), "_posts/2010-07-21-name.md");
    assert.equal(foundPath("blog/2020/guide.md"), "_posts/2020/guide.md");
  });

  it("says which articles a name could mean, and when it means none", () => {
    const ambiguous = find("notes.md");
    assert.ok("ambiguous" in ambiguous);
    assert.deepEqual(
      ambiguous.ambiguous.map((article) => article.sourcePath),
      ["2019/notes.md", "2020/notes.md"],
    );
    assert.deepEqual(find("missing"), { missing: true });
    assert.deepEqual(find(""), { missing: true });
  });
});

describe("linking articles", () => {
  const article = (sourcePath: string, html: string, targets: readonly string[]): Linkable => ({
    sourcePath,
    title: `Title of ${sourcePath}`,
    route: { kind: "article", path: `/2020/01/02/${sourcePath.replace(/\.md$/, "")}/` },
    html,
    references: targets.map((target, index) => ({ target, fragment: index === 0 ? "#top" : "", text: `{{< ref "${target}" >}}`, line: 10 + index })),
  });

  it("links each reference to the article's URL and warns, naming file and line, about one that names no article", () => {
    const linked = linkArticles([
      article("a.md", '<a href="article-ref:0">B</a> <a href="article-ref:1">C</a>', ["b.md", "c.md"]),
      article("b.md", "<p>B</p>", []),
    ]);
    assert.deepEqual(linked.html, ['<a href="/2020/01/02/b/#top">B</a> C ({{&lt; ref &quot;c.md&quot; &gt;}})', "<p>B</p>"]);
    assert.equal(linked.unresolved, 1);
    assert.deepEqual(
      linked.diagnostics.map((item) => [item.kind, item.file, item.line]),
      [["unresolved-reference", "a.md", 11]],
    );
    assert.match(linked.diagnostics[0]?.message ?? "", /\{\{< ref "c\.md" >\}\} names no published article/);
  });

  it("links to an article wherever its permalink put it, its path encoded as a link needs", () => {
    const hugo = { ...article("c.md", "<p>C</p>", []), route: { kind: "article", path: "/blog/c#-café/" } as const };
    const linked = linkArticles([article("a.md", '<a href="article-ref:0">C</a>', ["c.md"]), hugo]);
    assert.equal(linked.html[0], '<a href="/blog/c%23-caf%C3%A9/#top">C</a>');
  });
});

describe("reporting template calls", () => {
  const use = (text: string, line: number, outcome: TemplateUse["outcome"], name = text): TemplateUse => ({ text, name, line, outcome });

  it("warns once per article, at its first call left as text, and lists the lines of the others", () => {
    const [warning, ...others] = templateSyntaxWarnings("post.md", [
      use('{{< figure src="a.png" >}}', 3, "image"),
      use("{{< note >}}", 8, "text"),
      use("{{< /note >}}", 10, "text"),
      use("{{ page.title }}", 12, "text"),
    ]);
    assert.equal(others.length, 0);
    assert.equal(warning?.kind, "template-syntax");
    assert.equal(warning?.line, 8);
    assert.match(warning?.message ?? "", /published as text: \{\{< note >\}\}, and 2 more on lines 10, 12\./);
    assert.deepEqual(templateSyntaxWarnings("post.md", [use('{{< figure src="a.png" >}}', 3, "image")]), []);
  });

  it("warns of each call the shortcodes file maps but could not make, at its line", () => {
    const failed: TemplateUse = { text: "{{< note >}}", name: "note", line: 4, outcome: "text", problem: "its function failed: boom" };
    const warnings = templateSyntaxWarnings("post.md", [failed]);
    assert.deepEqual(
      warnings.map((each) => [each.kind, each.line, each.message]),
      [["shortcode-failed", 4, 'the shortcodes file maps "note", but for {{< note >}} its function failed: boom; the call is shown as text']],
    );
  });

  it("counts what the calls became, an unresolved article link as text, and the unmapped calls by name", () => {
    const counts = countTemplates(
      [
        [use("a", 1, "image"), use("b", 2, "article-link"), use("{{< note >}}", 3, "text", "note")],
        [],
        [use("d", 1, "article-link"), use("{{ site.repository }}", 5, "text", "site.repository"), use("{{< note >}}", 6, "text", "note")],
      ],
      1,
    );
    assert.deepEqual(counts, {
      image: 1,
      "video-link": 0,
      "article-link": 1,
      "code-block": 0,
      "site-url": 0,
      "as-written": 0,
      mapped: 0,
      text: 4,
      articles: 2,
      unmapped: { note: 2, "site.repository": 1 },
    });
  });
});

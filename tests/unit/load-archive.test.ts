import assert from "node:assert/strict";
import { symlink } from "node:fs/promises";
import { join } from "node:path";
import { describe, it } from "node:test";
import { BuildCache } from "../../src/content/build-cache.ts";
import type { LoadedArchive, PlacedArchive, ReadOutcome, RecentRead } from "../../src/content/load-archive.ts";
import { createMarkdownRenderer } from "../../src/content/markdown.ts";
import { article, makeArchive, temporaryFolder, writeFiles } from "../support/archive.ts";
import { loadFiles, loadFolder } from "../support/load.ts";

const problems = (archive: LoadedArchive, severity: "error" | "warning"): string[] =>
  archive.diagnostics.filter((item) => item.severity === severity).map((item) => `${item.file}${item.line === undefined ? "" : `:${item.line}`} ${item.kind}`);

describe("loading an archive", () => {
  it("publishes every valid article, oldest first, with its body rendered", async () => {
    const archive = await loadFiles({
      "2021/b.md": article({ title: "Second", date: "2021-04-10", category: "News" }, "**bold** {{ kept }} {% raw %}"),
      "2021/a.md": article({ title: "First", date: "2021-04-09", category: "News" }),
    });
    assert.deepEqual(
      archive.articles.map((item) => item.title),
      ["First", "Second"],
    );
    assert.equal(archive.articles[1]?.bodyHtml, "<p><strong>bold</strong> {{ kept }} {% raw %}</p>\n");
    assert.deepEqual(problems(archive, "error"), []);
  });

  it("tells the articles as placed, before their bodies are linked, in the order and with the categories and records the archive then has", async () => {
    let placed: PlacedArchive | undefined;
    const archive = await loadFiles(
      {
        "2021/b.md": article({ title: "Second", date: "2021-04-10", category: "Events" }, "See [the first](a.md)."),
        "2021/a.md": article({ title: "First", date: "2021-04-09", category: "News" }),
        "2021/draft.md": article({ title: "Draft", date: "2021-04-11", category: "News", draft: "true" }),
      },
      {},
      {
        articlesPlaced: async (told) => {
          placed = told;
        },
      },
    );
    assert.ok(placed !== undefined);
    assert.deepEqual(
      placed.articles.map(({ title, route, category, searchRecord }) => ({ title, route, category, searchRecord })),
      archive.articles.map(({ title, route, category, searchRecord }) => ({ title, route, category, searchRecord })),
    );
    assert.deepEqual(placed.categories, archive.categories);
    assert.deepEqual(
      placed.articles.map((item) => item.title),
      ["First", "Second"],
    );
  });

  it("takes the date from a YYYY-MM-DD- file name prefix and drops the prefix from the slug", async () => {
    const archive = await loadFiles({ "2019-06-12-member-spotlight.md": article({ title: "Spotlight", category: "News" }) });
    const [only] = archive.articles;
    assert.equal(only?.slug, "member-spotlight");
    assert.deepEqual([only?.date.year, only?.date.month, only?.date.day], [2019, 6, 12]);
  });

  it("prefers the slug of the front matter, slugified, over the file name", async () => {
    const archive = await loadFiles({ "x.md": article({ title: "X", date: "2021-01-01", slug: "My Slug", category: "News" }) });
    assert.equal(archive.articles[0]?.slug, "my-slug");
  });

  it("reads the authors from author and authors, one name per text as written, without repeating a name, a list of affiliated names as several", async () => {
    const archive = await loadFiles({
      "a.md": article({ title: "A", date: "2021-01-01", category: "News", author: "Ann Lee", authors: "[Bob Roe, Ann Lee]" }),
      // A folded block, as the Kubernetes blog writes it: one text, ending with a line break.
      "b.md": article({ title: "B", date: "2021-01-02", category: "News", authors: ">\n  Ann Lee (Acme),\n  Bob Roe (Beta)" }),
      "c.md": article({ title: "C", date: "2021-01-03", category: "News", author: '""' }),
      // A comma that is part of a name, and a Markdown link around one.
      "d.md": article({ title: "D", date: "2021-01-04", category: "News", authors: '["Acme, Inc.", "[Cy Dee](https://example.org/cy) (Gamma)"]' }),
    });
    assert.deepEqual(problems(archive, "error"), []);
    assert.deepEqual(
      archive.articles.map((item) => item.authors.map((author) => author.name)),
      [["Ann Lee", "Bob Roe"], ["Ann Lee (Acme)", "Bob Roe (Beta)"], [], ["Acme, Inc.", "Cy Dee (Gamma)"]],
    );
    assert.deepEqual(archive.articles[0]?.extra, {});
  });

  it("reports every invalid article with its file and line, and publishes the others", async () => {
    const archive = await loadFiles({
      "good.md": article({ title: "Good", date: "2021-01-01", category: "News" }),
      "bad-date.md": article({ title: "Bad", date: "2021-02-30", category: "News" }),
      "no-title.md": article({ date: "2021-01-01", category: "News" }),
      "bad-slug.md": article({ title: "T", date: "2021-01-01", slug: "'../../etc'", category: "News" }),
    });
    assert.deepEqual(problems(archive, "error"), ["bad-date.md:3 invalid-date", "bad-slug.md:4 invalid-slug", "no-title.md:1 missing-title"]);
    assert.deepEqual(
      archive.articles.map((item) => item.title),
      ["Good"],
    );
    assert.equal(archive.counts.invalidLeftOut, 3);
  });

  it("refuses two articles with one URL, naming both files, even when their slugs differ only in case", async () => {
    const archive = await loadFiles({
      "a.md": article({ title: "A", date: "2021-01-01", slug: "Report", category: "News" }),
      "b.md": article({ title: "B", date: "2021-01-01", slug: "report", category: "News" }),
    });
    const duplicate = archive.diagnostics.find((item) => item.kind === "duplicate-url");
    assert.equal(duplicate?.file, "b.md");
    assert.match(duplicate?.message ?? "", /\/2021\/01\/01\/report\/, the URL of a\.md/);
    assert.deepEqual(
      archive.articles.map((item) => item.sourcePath),
      ["a.md"],
    );
  });

  it("leaves drafts out, counts them and reports their errors as warnings", async () => {
    const archive = await loadFiles({
      "a.md": article({ title: "A", date: "2021-01-01", category: "News" }),
      "draft.md": article({ title: "Draft", date: "2026-XX-XX", draft: "true" }),
    });
    assert.deepEqual(
      archive.articles.map((item) => item.title),
      ["A"],
    );
    assert.equal(archive.counts.draftsLeftOut, 1);
    assert.deepEqual(problems(archive, "error"), []);
    assert.deepEqual(problems(archive, "warning"), ["draft.md:3 invalid-date"]);
  });

  it("publishes drafts when asked to", async () => {
    const archive = await loadFiles(
      { "draft.md": article({ title: "Draft", date: "2021-01-01", draft: "true", category: "News" }) },
      {},
      { includeDrafts: true },
    );
    assert.deepEqual(
      archive.articles.map((item) => [item.title, item.draft]),
      [["Draft", true]],
    );
  });

  it("files articles without category under the default category the settings name, with one warning counting them", async () => {
    const archive = await loadFiles(
      {
        "a.md": article({ title: "A", date: "2021-01-01" }),
        "b.md": article({ title: "B", date: "2021-01-02" }),
        "c.md": article({ title: "C", date: "2021-01-03", category: "News" }),
      },
      { defaultCategory: "General" },
    );
    assert.deepEqual(
      archive.articles.map((item) => item.category.name),
      ["General", "General", "News"],
    );
    assert.deepEqual(
      archive.diagnostics.map((item) => [item.severity, item.file, item.message]),
      [
        [
          "warning",
          "",
          `2 articles have no category and are filed under "General", the "defaultCategory" setting; add "category: ..." to an article's front matter to file it elsewhere`,
        ],
      ],
    );
  });

  it("warns for each article without category when the settings name no default category, saying how to name one", async () => {
    const archive = await loadFiles({ "a.md": article({ title: "A", date: "2021-01-01" }), "b.md": article({ title: "B", date: "2021-01-02" }) });
    assert.deepEqual(
      archive.articles.map((item) => item.category.name),
      ["Uncategorized", "Uncategorized"],
    );
    assert.deepEqual(problems(archive, "warning"), ["a.md missing-category", "b.md missing-category"]);
    assert.match(archive.diagnostics[0]?.message ?? "", /or name the category of all such articles with the "defaultCategory" setting/);
  });

  it("treats categories that differ in case or accents as one, named by the settings or the commonest spelling", async () => {
    const archive = await loadFiles({
      "a.md": article({ title: "A", date: "2021-01-01", category: "Topics" }),
      "b.md": article({ title: "B", date: "2021-01-02", category: "topics" }),
      "c.md": article({ title: "C", date: "2021-01-03", category: "Topics" }),
      "d.md": article({ title: "D", date: "2021-01-04", category: "Événements" }),
      "e.md": article({ title: "E", date: "2021-01-05", categories: "[evenements, news]" }),
    });
    assert.deepEqual(
      archive.categories,
      [
        { slug: "evenements", name: "evenements" },
        { slug: "topics", name: "Topics" },
      ].sort((a, b) => a.name.localeCompare(b.name)),
    );
    assert.deepEqual(new Set(archive.articles.map((item) => item.category.slug)), new Set(["topics", "evenements"]));
    assert.deepEqual(problems(archive, "warning"), ["b.md category-spelling", "d.md category-spelling"]);
  });

  it("lists categories in the order of the settings, with their display names", async () => {
    const archive = await loadFiles(
      {
        "a.md": article({ title: "A", date: "2021-01-01", category: "news" }),
        "b.md": article({ title: "B", date: "2021-01-02", category: "events" }),
      },
      { categories: [{ name: "Events" }, { name: "News" }] },
    );
    assert.deepEqual(archive.categories, [
      { slug: "events", name: "Events" },
      { slug: "news", name: "News" },
    ]);
  });

  it("publishes a page bundle's other files beside its article", async () => {
    const archive = await loadFiles({
      "2022/survey/index.md": article({ title: "Survey", date: "2022-03-15", category: "Reports" }, "![Chart](chart.svg)"),
      "2022/survey/chart.svg": "<svg/>",
      "2022/survey/data/table.csv": "a,b",
    });
    const [bundle] = archive.articles;
    assert.equal(bundle?.slug, "survey");
    assert.deepEqual(bundle?.assets, ["chart.svg", "data/table.csv"]);
    assert.equal(archive.counts.bundleAssets, 2);
  });

  it("skips listing pages, hidden files and other files with a warning each, and ignored ones silently", async () => {
    const archive = await loadFiles(
      {
        "_index.md": article({ title: "Listing" }),
        "_posts/a.md": article({ title: "A", date: "2021-01-01", category: "News" }),
        ".hidden/b.md": article({ title: "B", date: "2021-01-01", category: "News" }),
        "notes.txt": "not an article",
        "drafts-folder/c.md": article({ title: "C", date: "2021-01-01", category: "News" }),
      },
      { ignore: ["drafts-folder"] },
    );
    assert.deepEqual(
      archive.articles.map((item) => item.title),
      ["A"],
    );
    assert.deepEqual(problems(archive, "warning"), [".hidden hidden-folder", "_index.md hidden-or-listing", "notes.txt not-an-article"]);
    assert.equal(archive.counts.skippedFiles, 3);
    assert.equal(archive.counts.ignoredBySettings, 1);
  });

  it("reads further extensions and included files as articles when the settings say so", async () => {
    const files = {
      "a.mdx": article({ title: "A", date: "2021-01-01", category: "News" }),
      interview: article({ title: "B", date: "2021-01-02", category: "News" }),
    };
    const plain = await loadFiles(files);
    assert.deepEqual(plain.articles, []);
    const configured = await loadFiles(files, { extensions: [".mdx"], include: ["interview"] });
    assert.deepEqual(
      configured.articles.map((item) => item.title),
      ["A", "B"],
    );
  });

  it("does not follow a symbolic link that leads out of the content folder, and says so as an error", async () => {
    const outside = await writeFiles(await temporaryFolder(), { "secret.md": article({ title: "Secret", date: "2021-01-01" }) });
    const contentDir = await makeArchive({ "a.md": article({ title: "A", date: "2021-01-01", category: "News" }) });
    await symlink(join(outside, "secret.md"), join(contentDir, "linked.md"));
    const archive = await loadFolder(contentDir);
    assert.deepEqual(
      archive.articles.map((item) => item.title),
      ["A"],
    );
    assert.deepEqual(problems(archive, "error"), ["linked.md link-outside"]);
  });

  it("gives the same archive from the cache as from the files, and reads an edited file again", async () => {
    const cacheDir = await temporaryFolder();
    const contentDir = await makeArchive({
      "2021/a.md": article({ title: "A", date: "2021-04-09", category: "News" }, "First *body*."),
      "2021/b.md": article({ title: "B", date: "2021-04-10" }),
      "2021/broken.md": "---\ntitle: [unclosed\n---\n",
    });
    const loadCached = async (): Promise<{ archive: LoadedArchive; hits: number }> => {
      const cache = await BuildCache.open<ReadOutcome>(cacheDir, "reader");
      const archive = await loadFolder(contentDir, {}, { cache });
      const { hits } = cache.stats;
      await cache.save();
      return { archive, hits };
    };
    const cold = await loadCached();
    const warm = await loadCached();
    assert.equal(cold.hits, 0);
    assert.equal(warm.hits, 3);
    assert.deepEqual(warm.archive, cold.archive);
    assert.deepEqual(warm.archive, await loadFolder(contentDir));

    await writeFiles(contentDir, { "2021/a.md": article({ title: "A, edited", date: "2021-04-09", category: "News" }, "Second *body*.") });
    const edited = await loadCached();
    assert.equal(edited.hits, 2);
    assert.deepEqual(
      edited.archive.articles.map((item) => [item.title, item.bodyHtml]),
      [
        ["A, edited", "<p>Second <em>body</em>.</p>\n"],
        ["B", "<p>Body text.</p>\n"],
      ],
    );
  });

  it("under npm start, reads again only the files whose modification time or size changed, and keeps them all in the cache", async () => {
    const cacheDir = await temporaryFolder();
    const contentDir = await makeArchive({
      "2021/a.md": article({ title: "A", date: "2021-04-09" }),
      "2021/b.md": article({ title: "B", date: "2021-04-10" }),
    });
    const rendered: string[] = [];
    const render = createMarkdownRenderer();
    const renderMarkdown = (markdown: string) => {
      rendered.push(markdown.trim());
      return render(markdown);
    };
    const cache = await BuildCache.open<ReadOutcome>(cacheDir, "reader");
    let previous: ReadonlyMap<string, RecentRead> = new Map();
    const reload = async (): Promise<LoadedArchive> => {
      const next = new Map<string, RecentRead>();
      const archive = await loadFolder(contentDir, {}, { renderMarkdown, cache, recentReads: { previous, next } });
      previous = next;
      await cache.save();
      return archive;
    };
    await reload();
    await writeFiles(contentDir, { "2021/b.md": article({ title: "B", date: "2021-04-10" }, "Edited.") });
    const edited = await reload();
    assert.deepEqual(rendered, ["Body text.", "Body text.", "Edited."]);
    assert.deepEqual(
      edited.articles.map((item) => item.bodyHtml),
      ["<p>Body text.</p>\n", "<p>Edited.</p>\n"],
    );
    assert.equal(cache.stats.misses, 0);

    // The next npm start finds both articles in the cache, the one reused without a read included.
    const fresh = await BuildCache.open<ReadOutcome>(cacheDir, "reader");
    await loadFolder(contentDir, {}, { renderMarkdown, cache: fresh });
    assert.deepEqual(fresh.stats, { hits: 2, misses: 0 });
  });
});

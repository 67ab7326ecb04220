import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { readArticle } from "../../src/content/read-file.ts";
import { createMarkdownRenderer, type MarkdownOptions } from "../../src/content/markdown.ts";
import { buildWorkerCount, BuildWorkers } from "../../src/pipeline/build-workers.ts";

describe("how many worker threads a build starts", () => {
  it("starts one per core, two at most, and one for a small site, where loading a second Eleventy costs more than it saves", () => {
    assert.equal(buildWorkerCount(100, 2), 1);
    assert.equal(buildWorkerCount(4_000, 2), 2);
    assert.equal(buildWorkerCount(100_000, 8), 2);
    assert.equal(buildWorkerCount(100_000, 1), 1);
    assert.equal(buildWorkerCount(0, 2), 1);
  });
});

describe("a file read in a worker thread", () => {
  it("is what this thread reads: an article with its search index record (stems of the site's language, or of its own), a page of the site, a stub", async () => {
    const markdown: MarkdownOptions = { sanitize: false, highlightCode: true };
    const settings = { contentDir: "/archive", timeZone: "Europe/Paris", language: "en" };
    const articles = [
      { file: "running.md", text: "---\ntitle: Running servers\ndate: 2021-03-01\ncategory: News\n---\nThe servers were running 24 hours.\n" },
      { file: "laufen.md", text: "---\ntitle: Laufende Server\ndate: 2021-03-02\ncategory: News\nlang: de\n---\nDie Server liefen ununterbrochen.\n" },
      { file: "about.md", text: "---\ntitle: About us\n---\nWho writes here.\n" },
      { file: "old-name.md", text: "---\nredirect_to: /2021/03/01/running/\n---\n" },
    ].map(({ file, text }) => ({ bytes: new TextEncoder().encode(text), file: { file, assets: [] } }));
    const here = await Promise.all(articles.map(({ bytes, file }) => readArticle(bytes, file, settings, createMarkdownRenderer(markdown))));
    const workers = new BuildWorkers();
    try {
      const there = await workers.read(articles, settings, markdown);
      assert.deepEqual(there, here);
      assert.deepEqual(
        there.map((outcome) => outcome.article?.record.language),
        ["en", "de", undefined, undefined],
      );
      assert.equal(there[2]?.page?.fields.title, "About us");
      assert.match(there[2]?.page?.body.html ?? "", /Who writes here/);
      assert.notEqual(there[3]?.stub, undefined);
      assert.match(there[0]?.article?.record.terms ?? "", /\brun\b/);
    } finally {
      await workers.close();
    }
  });
});

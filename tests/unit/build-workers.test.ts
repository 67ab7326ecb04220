import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { readArticle } from "../../src/content/load-archive.ts";
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

describe("an article read in a worker thread", () => {
  it("is what this thread reads, its search index record (stems of the site's language, or of its own) included", async () => {
    const markdown: MarkdownOptions = { sanitize: false, highlightCode: true };
    const settings = { timeZone: "Europe/Paris", language: "en" };
    const articles = [
      { file: "running.md", text: "---\ntitle: Running servers\ndate: 2021-03-01\ncategory: News\n---\nThe servers were running 24 hours.\n" },
      { file: "laufen.md", text: "---\ntitle: Laufende Server\ndate: 2021-03-02\ncategory: News\nlang: de\n---\nDie Server liefen ununterbrochen.\n" },
    ].map(({ file, text }) => ({ bytes: new TextEncoder().encode(text), file: { file, assets: [] } }));
    const here = await Promise.all(articles.map(({ bytes, file }) => readArticle(bytes, file, settings, createMarkdownRenderer(markdown))));
    const workers = new BuildWorkers();
    try {
      const there = await workers.read(articles, settings, markdown);
      assert.deepEqual(there, here);
      assert.deepEqual(there.map((outcome) => outcome.article?.record.language), ["en", "de"]);
      assert.match(there[0]?.article?.record.terms ?? "", /\brun\b/);
    } finally {
      await workers.close();
    }
  });
});

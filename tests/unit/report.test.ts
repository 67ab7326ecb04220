import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { formatSummary, nothingToPublish } from "../../src/pipeline/report.ts";
import { error } from "../../src/core/diagnostics.ts";
import type { ArchiveCounts } from "../../src/content/load-archive.ts";
import { countTemplates } from "../../src/content/templates.ts";

const NO_MIGRATION = { pages: 0, stubs: 0, settingsRedirects: 0, readmes: 0, staticFiles: 0, links: { rewritten: 0, unmatched: 0 } };

function counts(published: number, invalid: number, drafts: number, bundleAssets = 0): ArchiveCounts {
  return {
    articleFiles: published + invalid + drafts,
    published,
    draftsLeftOut: drafts,
    invalidLeftOut: invalid,
    bundleAssets,
    skippedFiles: 0,
    ignoredBySettings: 0,
    templates: countTemplates([], 0),
    ...NO_MIGRATION,
  };
}

describe("a build that would publish no article", () => {
  it("is no failure of this kind when one article is published, or when there is no article file at all", () => {
    assert.equal(nothingToPublish(counts(1, 5, 5), "_site"), undefined);
    assert.equal(nothingToPublish(counts(0, 0, 0), "_site"), undefined);
  });

  it("says that all articles are invalid, and that --keep-going cannot help", () => {
    assert.equal(
      nothingToPublish(counts(0, 3, 0), "_site"),
      "build failed: no article to publish: all 3 article file(s) are invalid (the errors above); nothing was written and _site is unchanged. Fix the errors: --keep-going leaves invalid articles out, but never publishes a site without articles.",
    );
  });

  it("says that all articles are drafts, and how to publish them", () => {
    assert.equal(
      nothingToPublish(counts(0, 0, 2), "_site"),
      'build failed: no article to publish: all 2 article file(s) are drafts, which are left out without --drafts; nothing was written and _site is unchanged. Set "draft: false" in the articles that are ready, or pass --drafts to publish drafts too.',
    );
  });

  it("counts both kinds when some articles are invalid and the others drafts, and says what to do about each", () => {
    assert.equal(
      nothingToPublish(counts(0, 2, 1), "out"),
      'build failed: no article to publish: the 3 article file(s) are 2 invalid one(s) (the errors above) and 1 draft(s), which are left out without --drafts; nothing was written and out is unchanged. Fix the errors: --keep-going leaves invalid articles out, but never publishes a site without articles. Set "draft: false" in the articles that are ready, or pass --drafts to publish drafts too.',
    );
  });
});

describe("the summary of a build", () => {
  const diagnostics = [error("invalid-date", "a.md", "invalid date", 3)];

  it("says what a build that wrote its pages published", () => {
    const lines = formatSummary({ counts: counts(4, 1, 1, 2), diagnostics, outputShown: "_site", seconds: 1, pagesWritten: 20 });
    assert.deepEqual(lines, [
      "articles: 6 found, 4 published, 1 draft(s) left out, 1 invalid left out",
      "files: 2 page-bundle file(s) published, 0 other file(s) skipped with a warning, 0 ignored by settings",
      "problems: 1 error(s) (invalid-date 1), 0 warning(s)",
      "pages: 20 written to _site",
      "time: 1.00 s",
    ]);
  });

  it("says that a failed build published and wrote nothing, counting its valid articles as valid", () => {
    const lines = formatSummary({ counts: counts(4, 1, 1, 2), diagnostics, outputShown: "_site", seconds: 1 });
    assert.deepEqual(lines, [
      "articles: 6 found, none published (the build failed): 4 valid, 1 draft(s) left out, 1 invalid",
      "files: 2 page-bundle file(s) not published, 0 other file(s) skipped with a warning, 0 ignored by settings",
      "problems: 1 error(s) (invalid-date 1), 0 warning(s)",
      "pages: none written; _site is unchanged",
      "time: 1.00 s",
    ]);
  });
});

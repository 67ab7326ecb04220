import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { describe, it } from "node:test";
import { PROJECT_ROOT } from "../../src/core/project.ts";
import { temporaryFolder } from "../support/archive.ts";
import { checkLinks } from "../../src/publish/link-check.ts";
import { runCli } from "../support/cli.ts";
import { checkGridAgainstMonthPages } from "../support/grid.ts";

const CORPORA = join(PROJECT_ROOT, "..", "shared", "corpora");
const absent = existsSync(CORPORA) ? false : `the shared corpora are not on this machine (${CORPORA} is absent)`;

/** The corpora's listing pages, which their settings files exclude (by the "_" rule or an "ignore" pattern). */
const LISTING_PAGES: Record<string, readonly string[]> = {
  "nodejs-blog": ["index.md"],
  "kubernetes-blog": ["_index.md"],
};

const FRONT_MATTER_START = /^\uFEFF?\s*-{3,}[ \t]*\r?\n/;
const DRAFT = /^draft:\s*true\s*$/im;

async function filesIn(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => relative(root, join(entry.parentPath, entry.name)).split("\\").join("/"));
}

for (const corpus of ["nodejs-blog", "kubernetes-blog"]) {
  describe(`the shared ${corpus} corpus`, { skip: absent }, () => {
    it("publishes one page for every article file that is neither a listing page nor a draft", async () => {
      const content = join(CORPORA, corpus, "content");
      const sources: string[] = [];
      let drafts = 0;
      for (const file of await filesIn(content)) {
        const text = await readFile(join(content, file), "utf8");
        if (!FRONT_MATTER_START.test(text) || LISTING_PAGES[corpus]?.includes(file)) continue;
        sources.push(file);
        const frontMatter = text.split(/\r?\n-{3}\s*\r?\n/)[0] ?? "";
        if (DRAFT.test(frontMatter)) drafts += 1;
      }

      const output = join(await temporaryFolder(), "site");
      const result = await runCli(["--content", content, "--output", output, "--config", join(PROJECT_ROOT, "tests/corpora", `${corpus}.json`)]);
      assert.equal(result.code, 0, result.stderr);
      const pages = (await filesIn(output)).filter((file) => /^\d{4}\/\d{2}\/\d{2}\/[^/]+\/index\.html$/.test(file));
      assert.ok(sources.length > 500, `found ${sources.length} article files`);
      assert.equal(pages.length, sources.length - drafts, `${sources.length} article files, ${drafts} drafts, ${pages.length} pages`);
      assert.match(result.stdout, new RegExp(`articles: ${sources.length} found, ${sources.length - drafts} published, ${drafts} draft\\(s\\) left out, 0 invalid left out`));
      // Every article is accounted for: published, left out as a draft, or reported with a reason.
      const [found, published, leftOutDrafts, invalid] = (/articles: (\d+) found, (\d+) published, (\d+) draft\(s\) left out, (\d+) invalid left out/.exec(result.stdout) ?? []).slice(1).map(Number);
      assert.equal(found, (published ?? 0) + (leftOutDrafts ?? 0) + (invalid ?? 0));

      const grid = await checkGridAgainstMonthPages(output);
      assert.equal(grid.articlesInGrid, pages.length, "the grid counts every published article");
      // Links inside the articles may point to files the corpus did not include; the site's own links may not.
      const report = await checkLinks(output, "/");
      assert.deepEqual(report.broken.filter((link) => !link.inArticleBody), []);
    });
  });
}

import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, it } from "node:test";
import { PROJECT_ROOT } from "../../src/core/project.ts";
import { temporaryFolder } from "../support/archive.ts";
import { readPage } from "../support/cli.ts";

describe("Eleventy run on its own with the project's config", () => {
  it("builds the sample archive: pages, feeds and search index", async () => {
    const output = join(await temporaryFolder(), "site");
    const eleventy = join(PROJECT_ROOT, "node_modules/@11ty/eleventy/cmd.cjs");
    const code = await new Promise<number | null>((resolve, reject) => {
      const child = spawn(process.execPath, ["--import", "tsx", eleventy, "--config=.eleventy.ts", `--output=${output}`, "--quiet"], {
        cwd: PROJECT_ROOT,
        stdio: "ignore",
      });
      child.on("error", reject);
      child.on("close", resolve);
    });
    assert.equal(code, 0);
    const home = await readPage(output, "index.html");
    const { title } = JSON.parse(await readFile(join(PROJECT_ROOT, "content/news-archive.json"), "utf8")) as { title: string };
    assert.equal(home.querySelector("title")?.textContent, title);
    const firstArticle = home.querySelector("main article a, main h2 a, main h3 a")?.getAttribute("href") ?? "";
    assert.match(firstArticle, /^\/\d{4}\/\d{2}\/\d{2}\/[^/]+\/$/);
    assert.ok(existsSync(join(output, firstArticle, "index.html")), `${firstArticle} was not written`);
    for (const file of ["archive/index.html", "feed.xml", "sitemap.xml", "search-index/entry.bin"])
      assert.ok(existsSync(join(output, file)), `${file} was not written`);
  });
});

import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { readFile, rm, stat } from "node:fs/promises";
import { join } from "node:path";
import { describe, it } from "node:test";
import { gunzipSync } from "node:zlib";
import { parseHTML } from "linkedom";
import { article, makeArchive, temporaryFolder, writeFiles } from "../support/archive.ts";
import { startCli, type Page } from "../support/cli.ts";
import { modificationTimes } from "../support/tree.ts";
import { PROBLEMS_OVERLAY_ID } from "../../src/publish/problems-overlay.ts";

const TIMEOUT_MS = 60_000;

/**
 * Polls until `check` holds, for a build running in another process. `edit`,
 * when given, is made once, first: npm start watches its sources from the
 * moment it starts, so no save is ever to be made twice.
 */
async function until(what: string, check: () => Promise<boolean>, edit?: () => Promise<unknown>): Promise<void> {
  const deadline = Date.now() + TIMEOUT_MS;
  await edit?.();
  while (!(await check().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The page the server sends for a path: what a browser gets, errors shown over it included. */
async function served(port: number, path: string): Promise<Page> {
  const response = await fetch(`http://127.0.0.1:${port}/${path}`);
  return parseHTML(await response.text()).document;
}

const problemsShown = async (port: number, path: string): Promise<string[]> =>
  [...(await served(port, path)).querySelectorAll(`#${PROBLEMS_OVERLAY_ID} li`)].map((item) => item.textContent ?? "");

const pageFile = (path: string): boolean => path.endsWith(".html");

const titlesListed = async (page: string): Promise<string[]> =>
  [...parseHTML(await readFile(page, "utf8")).document.querySelectorAll("main h2 a, main h3 a")].map((link) => link.textContent?.trim() ?? "");

describe("npm start after an edit", () => {
  it("rewrites only the pages the edit changed, moves an article whose date changed and removes a deleted one", async () => {
    const content = await makeArchive({
      "alpha.md": article({ title: "Alpha", date: "2021-03-01", category: "News" }),
      "bravo.md": article({ title: "Bravo", date: "2021-04-02", category: "News" }, "The summary lists show.\n\nFirst version."),
      "charlie.md": article({ title: "Charlie", date: "2021-05-01", category: "News" }),
    });
    const output = join(await temporaryFolder(), "site");
    const port = 20000 + Math.floor(Math.random() * 20000);
    startCli(["serve", "--no-cache", "--content", content, "--output", output, "--port", String(port)]);
    const bravo = join(output, "2021/04/02/bravo/index.html");
    await until("the first build has written the search index", async () => (await stat(join(output, "search-index/entry.bin"))).isFile());
    const before = await modificationTimes(output, pageFile);
    const searchEntry = join(output, "search-index/entry.bin");
    const searchIndexBefore = (await stat(searchEntry)).mtimeMs;

    // A later paragraph: lists show the first, so only the article's own page changes.
    const editBody = (): Promise<string> =>
      writeFiles(content, { "bravo.md": article({ title: "Bravo", date: "2021-04-02", category: "News" }, "The summary lists show.\n\nSecond version.") });
    await until("the edited article is rewritten", async () => (await readFile(bravo, "utf8")).includes("Second version."), editBody);
    // The search index is written after the pages: once it is new, every page of that build is written.
    await until("that build has written everything", async () => (await stat(searchEntry)).mtimeMs > searchIndexBefore);
    // The search page holds a copy of the index's entry, which an edit of an article's text changes, put in after the index.
    await until("the search page holds the new entry", async () => {
      const copy = parseHTML(await readFile(join(output, "search/index.html"), "utf8")).document.getElementById("search-entry-copy")?.textContent ?? "";
      return copy === gunzipSync(await readFile(searchEntry)).toString("utf8");
    });
    const afterBody = await modificationTimes(output, pageFile);
    const rewritten = [...afterBody]
      .filter(([file, time]) => before.get(file) !== time && file !== "search/index.html")
      .map(([file]) => file)
      .sort();
    assert.deepEqual(rewritten, ["2021/04/02/bravo/index.html"]);

    const editDate = (): Promise<string> =>
      writeFiles(content, { "bravo.md": article({ title: "Bravo", date: "2021-05-10", category: "News" }, "The summary lists show.\n\nSecond version.") });
    const moved = join(output, "2021/05/10/bravo/index.html");
    await until("the article is written at its new date", async () => (await stat(moved)).isFile(), editDate);
    await until("its old page is removed", async () => !existsSync(bravo));
    await until("its new month lists it", async () => (await titlesListed(join(output, "2021/05/index.html"))).includes("Bravo"));
    // April is left without articles, so it has no page any more.
    await until("the emptied month's page is removed", async () => !existsSync(join(output, "2021/04/index.html")));

    await rm(join(content, "charlie.md"));
    await until("a deleted article's page is removed", async () => !existsSync(join(output, "2021/05/01/charlie/index.html")));
    // The page goes as soon as the archive is loaded again; the month page is rewritten when the build has rendered.
    await until("its month lists only the article left", async () => (await titlesListed(join(output, "2021/05/index.html"))).join("\n") === "Bravo");
  });
});

describe("npm start after a settings, template or broken edit", () => {
  const start = async (files: Readonly<Record<string, string>>): Promise<{ content: string; output: string; port: number }> => {
    const content = await makeArchive(files);
    const output = join(await temporaryFolder(), "site");
    const port = 20000 + Math.floor(Math.random() * 20000);
    startCli(["serve", "--no-cache", "--content", content, "--output", output, "--port", String(port)]);
    await until("the first build has written the search index", async () => (await stat(join(output, "search-index/entry.bin"))).isFile());
    return { content, output, port };
  };
  const articles = {
    "alpha.md": article({ title: "Alpha", date: "2021-03-01", category: "News" }),
    "bravo.md": article({ title: "Bravo", date: "2021-04-02", category: "News" }),
    "news-archive.json": JSON.stringify({ title: "First title" }),
  };

  it("applies a settings edit, the site's title, to every page within seconds", async () => {
    const { content, output } = await start(articles);
    const titleOf = async (page: string): Promise<string> =>
      (await readFile(join(output, page), "utf8")).match(/<a class="site-name"[^>]*>([^<]*)</)?.[1] ?? "";
    assert.equal(await titleOf("2021/04/02/bravo/index.html"), "First title");
    await until(
      "every page shows the new title",
      async () =>
        (await titleOf("index.html")) === "Second title" &&
        (await titleOf("2021/04/02/bravo/index.html")) === "Second title" &&
        (await titleOf("2021/index.html")) === "Second title",
      () => writeFiles(content, { "news-archive.json": JSON.stringify({ title: "Second title" }) }),
    );
  });

  it("shows a broken article's error, with its file and line, over the pages it serves, and removes it once fixed", async () => {
    const { content, port } = await start(articles);
    assert.deepEqual(await problemsShown(port, ""), []);
    await until(
      "the error is shown over the pages",
      async () => (await problemsShown(port, "")).some((problem) => /bravo\.md:\d+: error: /.test(problem)),
      () => writeFiles(content, { "bravo.md": "---\ntitle: [Bravo\ndate: 2021-04-02\n---\n\nBody.\n" }),
    );
    // The article's own address, which now has no page, shows it too.
    assert.ok((await problemsShown(port, "2021/04/02/bravo/")).some((problem) => problem.includes("bravo.md")));
    await until(
      "the fixed article's page is back, with no error over it",
      async () =>
        (await problemsShown(port, "2021/04/02/bravo/")).length === 0 && (await served(port, "2021/04/02/bravo/")).querySelector("h1")?.textContent === "Bravo",
      () => writeFiles(content, { "bravo.md": articles["bravo.md"] }),
    );
  });

  it("shows invalid settings over the pages and keeps serving the last good site until they are fixed", async () => {
    const { content, port } = await start(articles);
    await until(
      "the settings' error is shown",
      async () => (await problemsShown(port, "")).some((problem) => problem.includes('unknown setting "titel"')),
      () => writeFiles(content, { "news-archive.json": JSON.stringify({ titel: "Typo" }) }),
    );
    assert.equal((await served(port, "")).querySelector(".site-name")?.textContent?.trim(), "First title");
  });

  it("renders the pages again when a template of the archive's own layouts changes", async () => {
    const { content, output } = await start({
      ...articles,
      "news-archive.json": JSON.stringify({ title: "First title", layouts: "../layouts" }),
      "../layouts/.keep": "",
    });
    const page = join(output, "2021/04/02/bravo/index.html");
    await until(
      "the article's page is printed by the archive's own template",
      async () => (await readFile(page, "utf8")).includes("Printed by our own template: Bravo"),
      () =>
        writeFiles(join(content, "../layouts"), {
          "article-page.njk": '{% extends "base.njk" %}{% block main %}<p>Printed by our own template: {{ entry.title }}</p>{% endblock %}',
        }),
    );
  });

  it("builds an article saved while the first build runs", async () => {
    const files = Object.fromEntries(
      Array.from({ length: 150 }, (_, index) => [
        `2020/a${index}.md`,
        article({ title: `Article ${index}`, date: `2020-0${1 + (index % 9)}-1${index % 10}`, category: "News" }),
      ]),
    );
    const content = await makeArchive(files);
    const output = join(await temporaryFolder(), "site");
    const port = 20000 + Math.floor(Math.random() * 20000);
    startCli(["serve", "--no-cache", "--content", content, "--output", output, "--port", String(port)]);
    // The first build marks its output folder once it has read the archive, before it renders: a save from then
    // on is in no page that build writes, and only the watch, there since the start, can bring it.
    await until("the first build has read the archive", async () => existsSync(join(output, ".news-archive-output")));
    await writeFiles(content, { "2020/a7.md": article({ title: "Article 7", date: "2020-08-17", category: "News" }, "Saved during the first build.") });
    await until("the article saved during the first build is on its page", async () =>
      (await readFile(join(output, "2020/08/17/a7/index.html"), "utf8")).includes("Saved during the first build."),
    );
  });
});

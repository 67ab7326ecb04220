import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { readFile, rm, stat } from "node:fs/promises";
import { join } from "node:path";
import { describe, it } from "node:test";
import { parseHTML } from "linkedom";
import { filesUnder } from "../../src/core/files.ts";
import { article, makeArchive, temporaryFolder, writeFiles } from "../support/archive.ts";
import { startCli } from "../support/cli.ts";

const TIMEOUT_MS = 60_000;

/**
 * Polls until `check` holds, for a build running in another process. `edit`,
 * when given, is made first and made again every few seconds: a file watcher
 * may miss a change made while it starts, as a person saving twice knows.
 */
async function until(what: string, check: () => Promise<boolean>, edit?: () => Promise<unknown>): Promise<void> {
  const deadline = Date.now() + TIMEOUT_MS;
  for (let attempt = 0; !(await check().catch(() => false)); attempt += 1) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    if (edit !== undefined && attempt % 50 === 0) await edit();
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function modificationTimes(dir: string): Promise<Map<string, number>> {
  const files = (await filesUnder(dir)).filter((file) => file.path.endsWith(".html"));
  return new Map(await Promise.all(files.map(async (file) => [file.path, (await stat(join(dir, file.path))).mtimeMs] as const)));
}

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
    const before = await modificationTimes(output);
    const searchEntry = join(output, "search-index/entry.bin");
    const searchIndexBefore = (await stat(searchEntry)).mtimeMs;

    // A later paragraph: lists show the first, so only the article's own page changes.
    const editBody = (): Promise<string> => writeFiles(content, { "bravo.md": article({ title: "Bravo", date: "2021-04-02", category: "News" }, "The summary lists show.\n\nSecond version.") });
    await until("the edited article is rewritten", async () => (await readFile(bravo, "utf8")).includes("Second version."), editBody);
    // The search index is written last: once it is new, every page of that build is written.
    await until("that build has written everything", async () => (await stat(searchEntry)).mtimeMs > searchIndexBefore);
    const afterBody = await modificationTimes(output);
    const rewritten = [...afterBody].filter(([file, time]) => before.get(file) !== time).map(([file]) => file).sort();
    assert.deepEqual(rewritten, ["2021/04/02/bravo/index.html"]);

    const editDate = (): Promise<string> => writeFiles(content, { "bravo.md": article({ title: "Bravo", date: "2021-05-10", category: "News" }, "The summary lists show.\n\nSecond version.") });
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

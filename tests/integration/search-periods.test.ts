import assert from "node:assert/strict";
import { existsSync, readdirSync, statSync } from "node:fs";
import { readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { before, describe, it } from "node:test";
import { article, makeArchive, temporaryFolder } from "../support/archive.ts";
import { runCli, type CliRun } from "../support/cli.ts";
import { indexSourceOf, openSiteSearch } from "../support/site-search.ts";
import type { IndexEntry } from "../../src/search/index-format.browser.ts";
import { IndexReader } from "../../src/search/index-reader.browser.ts";
import {
  makeSearchIndex,
  putSearchIndex,
  SEARCH_INDEX_DIR,
  writeSearchIndex,
  type PeriodsJob,
  type SearchIndexRequest,
} from "../../src/search/search-index.ts";
import { SearchIndexWorker } from "../../src/pipeline/build-workers.ts";
import { filesUnder } from "../../src/core/files.ts";
import { loadSite, openArticleCache } from "../../src/pipeline/load-site.ts";
import { resolveBuildRequest } from "../../src/pipeline/request.ts";

const carbon = (title: string, date: string, category: string, more = ""): string =>
  article({ title, date, category }, `A note on carbon, ${title.toLowerCase()}.${more}`);

// With at most two articles a period: 2018 and 2019 together, 2020 alone, and 2021 (three articles) by months.
const fixture = {
  "a.md": carbon("Old harbour carbon ledger", "2018-05-02", "News"),
  "b.md": carbon("Grain store", "2019-07-01", "Reports"),
  "c.md": carbon("Tram line", "2020-02-10", "News"),
  "d.md": carbon("Solar roofs", "2020-11-03", "News"),
  "e.md": carbon("Winter buses", "2021-01-20", "Reports"),
  "f.md": carbon("Spring tenders", "2021-03-04", "News"),
  "g.md": carbon("Bike lanes", "2021-03-28", "News"),
};
const settings = (more: Record<string, unknown> = {}): string => JSON.stringify({ title: "Periods", timeZone: "UTC", searchPeriodArticles: 2, ...more });

async function entryOf(output: string): Promise<IndexEntry> {
  return new IndexReader(indexSourceOf(output)).entry();
}

describe("a search index of an archive of several periods", () => {
  let output: string;
  let run: CliRun;
  let entry: IndexEntry;

  before(async () => {
    const content = await makeArchive({ ...fixture, "news-archive.json": settings() });
    output = join(await temporaryFolder(), "site");
    run = await runCli(["--content", content, "--output", output]);
    assert.equal(run.code, 0, run.stderr);
    entry = await entryOf(output);
  });

  it("is one index, its results' fragments in one folder per period, oldest first, and says so in the summary", async () => {
    assert.deepEqual(
      entry.periods.map((period) => [period.label, period.first]),
      [
        ["2018–2019", 0],
        ["2020", 2],
        ["2021-01", 4],
        ["2021-03", 5],
      ],
    );
    for (const [at, period] of entry.periods.entries()) {
      const held = (entry.periods[at + 1]?.first ?? entry.documents) - period.first;
      assert.equal((await readdir(join(output, SEARCH_INDEX_DIR, period.folder))).length, 2 * held, `${period.label}: a fragment and a text an article`);
    }
    assert.match(run.stdout, /search: 7 pages indexed, .* in \d+ files \(4 periods\)/);
  });

  it("ranks over the whole archive: the best match first, whatever its period, and counts every match", async () => {
    const search = openSiteSearch(output);
    const urls = await search.urls("carbon");
    assert.equal(urls[0], "2018/05/02/a/", "the oldest article, with the word in its title");
    assert.equal(urls.length, 7);
    assert.equal((await search.outcome("carbon")).count, 7);
    assert.deepEqual(await search.urls("carbon", { sort: "newest" }), [
      "2021/03/28/g/",
      "2021/03/04/f/",
      "2021/01/20/e/",
      "2020/11/03/d/",
      "2020/02/10/c/",
      "2019/07/01/b/",
      "2018/05/02/a/",
    ]);
    assert.deepEqual(await search.urls("carbon", { year: "2019" }), ["2019/07/01/b/"]);
  });
});

describe("a search index rebuilt after an edit", () => {
  it("keeps every file and period the edit did not change, linked from the previous output, and finds the edit", async () => {
    const content = await makeArchive({ ...fixture, "news-archive.json": settings() });
    const output = join(await temporaryFolder(), "site");
    assert.equal((await runCli(["--content", content, "--output", output])).code, 0);
    const before = await entryOf(output);
    const inodes = new Map(before.periods.map((period) => [period.folder, statSync(join(output, SEARCH_INDEX_DIR, period.folder, "0.bin")).ino]));
    const folderOf2020 = (entry: typeof before): string =>
      join(output, SEARCH_INDEX_DIR, entry.periods.find((period) => period.label === "2020")?.folder ?? "");
    const filesOf2020 = new Map(readdirSync(folderOf2020(before)).map((name) => [name, statSync(join(folderOf2020(before), name)).ino]));
    const tram = join(content, "c.md");
    await writeFile(tram, (await readFile(tram, "utf8")).replace("A note on carbon", "A note on carbon and trolleybuses"));
    const rebuilt = await runCli(["--content", content, "--output", output]);
    assert.equal(rebuilt.code, 0, rebuilt.stderr);
    assert.match(rebuilt.stdout, /\(4 periods\), \d+ unchanged and kept/);
    const after = await entryOf(output);
    const changed = after.periods.filter((period, at) => period.folder !== before.periods[at]?.folder).map((period) => period.label);
    assert.deepEqual(changed, ["2020"]);
    for (const period of after.periods.filter((candidate) => inodes.has(candidate.folder))) {
      assert.equal(
        statSync(join(output, SEARCH_INDEX_DIR, period.folder, "0.bin")).ino,
        inodes.get(period.folder),
        `${period.label}: linked, not written again`,
      );
    }
    // The changed period's folder has a new name; the files of its articles the edit did not change are linked into it.
    const linkedInto2020 = readdirSync(folderOf2020(after)).filter((name) => statSync(join(folderOf2020(after), name)).ino === filesOf2020.get(name));
    assert.equal(readdirSync(folderOf2020(after)).length, filesOf2020.size);
    assert.equal(linkedInto2020.length, filesOf2020.size - 1, "all but the edited article's text");
    const search = openSiteSearch(output);
    assert.deepEqual(await search.urls("trolleybuses"), ["2020/02/10/c/"]);
    assert.equal((await search.urls("carbon")).length, 7);
  });

  it("under npm start, which writes into the folder it serves, leaves unchanged files where they are and removes what the new index no longer has", async () => {
    const content = await makeArchive({ ...fixture, "news-archive.json": settings() });
    const output = join(await temporaryFolder(), "site");
    const resolved = await resolveBuildRequest({ content, output });
    assert.ok(resolved.ok);
    const index = async (periodArticles: number) => {
      const site = await loadSite(resolved.request, { articleCache: await openArticleCache(resolved.request), serving: true });
      return writeSearchIndex(output, { ...site.plan.search, periodArticles, portable: false, previousOutputDir: output });
    };
    const first = await index(2);
    assert.equal(first.filesReused, 0);
    const leftover = join(output, SEARCH_INDEX_DIR, "d-left-over.bin");
    await writeFile(leftover, "");
    const again = await index(2);
    assert.equal(again.filesWritten, 1, "the entry alone");
    assert.equal(again.filesWritten + again.filesReused, again.files);
    assert.equal(existsSync(leftover), false);
    const tram = join(content, "c.md");
    await writeFile(tram, (await readFile(tram, "utf8")).replace("A note on carbon", "A note on carbon and trolleybuses"));
    const edited = await index(2);
    assert.equal(edited.filesWritten + edited.filesReused, edited.files);
    // The entry, the shards and postings the new word changes, and the article's text; its period's three other files are linked.
    assert.ok(edited.filesWritten < 10 && edited.filesReused >= edited.files - 10, `${edited.filesWritten} written, ${edited.filesReused} kept`);
    const regrouped = await index(4);
    assert.equal(regrouped.periods, 2);
    const folders = (await readdir(join(output, SEARCH_INDEX_DIR))).filter((name) => name.startsWith("p-"));
    assert.equal(folders.length, 2, "the periods of the earlier grouping are gone");
  });
});

/** What the search index of the fixture is made from, at two articles a period (four periods). */
async function fixtureIndexRequest(): Promise<SearchIndexRequest> {
  const content = await makeArchive({ ...fixture, "news-archive.json": settings() });
  const resolved = await resolveBuildRequest({ content, output: join(await temporaryFolder(), "unused") });
  assert.ok(resolved.ok);
  const site = await loadSite(resolved.request, { articleCache: await openArticleCache(resolved.request), serving: false });
  return { ...site.plan.search, periodArticles: 2, portable: false };
}

describe("a search index whose periods' folders are written in other threads", () => {
  it("writes the same files as one written in a single thread or made in memory, and reports them in the same order", async () => {
    const request = await fixtureIndexRequest();
    const [here, there, put] = [join(await temporaryFolder(), "here"), join(await temporaryFolder(), "there"), join(await temporaryFolder(), "put")];
    // Two threads, whatever the machine's cores, so that the periods are shared out.
    const worker = new SearchIndexWorker(2);
    try {
      const alone = await writeSearchIndex(here, request);
      const helped = await writeSearchIndex(there, request, (job) => worker.writePeriodFolders(job));
      const inMemory = putSearchIndex(put, request, await makeSearchIndex(request));
      assert.equal(helped.periods, 4);
      for (const other of [alone, inMemory]) {
        assert.deepEqual(helped.listing, other.listing);
        assert.deepEqual([helped.files, helped.filesWritten, helped.filesReused], [other.files, other.filesWritten, other.filesReused]);
      }
      const files = filesUnder(here).map((file) => file.path);
      for (const folder of [there, put]) {
        assert.deepEqual(
          filesUnder(folder).map((file) => file.path),
          files,
        );
        for (const file of files) assert.deepEqual(await readFile(join(folder, file)), await readFile(join(here, file)), file);
      }
    } finally {
      await worker.close();
    }
  });
});

describe("a search index written over a previous one, its periods' folders written in another thread", () => {
  it("keeps the periods the previous index has, and sends the other thread the documents of those that changed alone", async () => {
    const request = await fixtureIndexRequest();
    const [first, again, edited] = [join(await temporaryFolder(), "first"), join(await temporaryFolder(), "again"), join(await temporaryFolder(), "edited")];
    const worker = new SearchIndexWorker(2);
    const sent: string[][] = [];
    const elsewhere = (job: PeriodsJob) => {
      sent.push(job.periods.filter((period) => "documents" in period).map((period) => period.label));
      return worker.writePeriodFolders(job);
    };
    try {
      const original = await writeSearchIndex(first, request, elsewhere);
      assert.deepEqual(sent, [["2018–2019", "2020", "2021-01", "2021-03"]]);
      const unchanged = await writeSearchIndex(again, { ...request, previousOutputDir: first }, elsewhere);
      assert.deepEqual(sent.at(-1), [], "every period kept, no documents sent");
      assert.deepEqual(unchanged.listing, original.listing);
      const tram = request.articles.findIndex((article) => article.title === "Tram line");
      const articles = request.articles.map((article, at) =>
        at === tram ? { ...article, record: { ...article.record, text: `${article.record.text} Trolleybuses.` } } : article,
      );
      const changed = await writeSearchIndex(edited, { ...request, articles, previousOutputDir: first }, elsewhere);
      assert.deepEqual(sent.at(-1), ["2020"]);
      // Listed in the same order, the one period's folder renamed.
      const folders = (report: typeof original) => [
        ...new Set(report.listing.map((file) => file.path.split("/")[0] ?? "").filter((name) => name.startsWith("p-"))),
      ];
      const [gone, made] = [
        folders(original).filter((name) => !folders(changed).includes(name)),
        folders(changed).filter((name) => !folders(original).includes(name)),
      ];
      assert.equal(gone.length, 1);
      assert.deepEqual(
        changed.listing.map((file) => file.path.replace(made[0] ?? "", gone[0] ?? "")),
        original.listing.map((file) => file.path),
      );
    } finally {
      await worker.close();
    }
  });
});

describe("a search index of one period", () => {
  it("has one folder of fragments, and no periods in the summary", async () => {
    const content = await makeArchive({ ...fixture, "news-archive.json": JSON.stringify({ title: "One period", timeZone: "UTC" }) });
    const output = join(await temporaryFolder(), "site");
    const run = await runCli(["--content", content, "--output", output]);
    assert.equal(run.code, 0, run.stderr);
    const entry = await entryOf(output);
    assert.deepEqual(
      entry.periods.map((period) => [period.label, period.first]),
      [["2018–2021", 0]],
    );
    assert.doesNotMatch(run.stdout, /periods\)/);
    assert.equal((await openSiteSearch(output).urls("carbon")).length, 7);
  });
});

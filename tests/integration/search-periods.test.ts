import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { before, describe, it } from "node:test";
import { article, makeArchive, temporaryFolder } from "../support/archive.ts";
import { runCli, type CliRun } from "../support/cli.ts";
import { openSiteSearch } from "../support/pagefind.ts";
import { parsePeriodsManifest, type PeriodsManifest } from "../../src/search/period-manifest.ts";
import { writeSearchIndex } from "../../src/search/search-index.ts";

const carbon = (title: string, date: string, category: string): string => article({ title, date, category }, `A note on carbon, ${title.toLowerCase()}.`);

// With at most two articles a period: 2018 and 2019 together, 2020 alone, and 2021 (three articles) by months.
const fixture = {
  "a.md": carbon("Old harbour", "2018-05-02", "News"),
  "b.md": carbon("Grain store", "2019-07-01", "Reports"),
  "c.md": carbon("Tram line", "2020-02-10", "News"),
  "d.md": carbon("Solar roofs", "2020-11-03", "News"),
  "e.md": carbon("Winter buses", "2021-01-20", "Reports"),
  "f.md": carbon("Spring tenders", "2021-03-04", "News"),
  "g.md": carbon("Bike lanes", "2021-03-28", "News"),
};

async function readManifest(output: string): Promise<PeriodsManifest> {
  return parsePeriodsManifest(JSON.parse(await readFile(join(output, "pagefind", "pagefind-periods.json"), "utf8")));
}

describe("a search index split by period", () => {
  let output: string;
  let run: CliRun;
  let manifest: PeriodsManifest;

  before(async () => {
    const content = await makeArchive({ ...fixture, "news-archive.json": JSON.stringify({ title: "Periods", timeZone: "UTC", searchPeriodArticles: 2 }) });
    output = join(await temporaryFolder(), "site");
    run = await runCli(["--content", content, "--output", output]);
    assert.equal(run.code, 0, run.stderr);
    manifest = await readManifest(output);
  });

  it("writes one bundle per period, the newest in pagefind/ and the older ones in pagefind/periods/, and says so in the summary", () => {
    assert.deepEqual(
      manifest.periods.map((period) => [period.id, period.bundle, period.first, period.last, period.articles]),
      [
        ["2021-03", "pagefind/", "2021-03", "2021-03", 2],
        ["2021-01", "pagefind/periods/2021-01/", "2021-01", "2021-01", 1],
        ["2020", "pagefind/periods/2020/", "2020", "2020", 2],
        ["2018-2019", "pagefind/periods/2018-2019/", "2018", "2019", 2],
      ],
    );
    for (const period of manifest.periods) assert.ok(existsSync(join(output, period.bundle, "pagefind.js")), period.bundle);
    assert.match(run.stdout, /search: 7 pages indexed, .* in \d+ files \(4 periods\)/);
  });

  it("puts each article in the bundle of its period only", async () => {
    const found = await Promise.all(manifest.periods.map(async (period) => (await openSiteSearch(output, period.bundle)).urls("carbon")));
    assert.deepEqual(found.map((urls) => urls.sort()), [
      ["/2021/03/04/f/", "/2021/03/28/g/"],
      ["/2021/01/20/e/"],
      ["/2020/02/10/c/", "/2020/11/03/d/"],
      ["/2018/05/02/a/", "/2019/07/01/b/"],
    ]);
  });

  it("counts each period's articles by category and by year, for the search page's filters", () => {
    assert.deepEqual(
      manifest.periods.map((period) => period.filters),
      [
        { category: { News: 2 }, year: { "2021": 2 } },
        { category: { Reports: 1 }, year: { "2021": 1 } },
        { category: { News: 2 }, year: { "2020": 2 } },
        { category: { News: 1, Reports: 1 }, year: { "2018": 1, "2019": 1 } },
      ],
    );
  });

  it("drops the bundles of periods that a later index written into the same folder no longer has, as `npm start` writes", async () => {
    const pages = Object.keys(fixture).map((file) => ({ file, date: /date: (\d{4})-(\d{2})-(\d{2})/.exec(fixture[file as keyof typeof fixture]) }));
    const report = await writeSearchIndex(output, {
      pages: pages.map(({ file, date }) => ({ permalink: `${date?.[1]}/${date?.[2]}/${date?.[3]}/${file.slice(0, -3)}/index.html`, year: Number(date?.[1]), month: Number(date?.[2]), category: "News", digest: file })),
      keepIndexUrl: false,
      periodArticles: 4,
    });
    assert.equal(report.pagesIndexed, 7);
    assert.deepEqual((await readManifest(output)).periods.map((period) => period.bundle), ["pagefind/", "pagefind/periods/2018-2020/"]);
    assert.deepEqual(await readdir(join(output, "pagefind", "periods")), ["2018-2020"]);
  });
});

describe("a search index rebuilt after an edit", () => {
  it("after an edit to an article's body, indexes again only its period, reuses the others' bundles, and finds the edit", async () => {
    const content = await makeArchive({ ...fixture, "news-archive.json": JSON.stringify({ title: "Periods", timeZone: "UTC", searchPeriodArticles: 2 }) });
    const output = join(await temporaryFolder(), "site");
    assert.equal((await runCli(["--content", content, "--output", output])).code, 0);
    const before = await readManifest(output);
    const tram = join(content, "c.md");
    await writeFile(tram, (await readFile(tram, "utf8")).replace("A note on carbon", "A note on carbon and trolleybuses"));
    const rebuilt = await runCli(["--content", content, "--output", output]);
    assert.equal(rebuilt.code, 0, rebuilt.stderr);
    assert.match(rebuilt.stdout, /\(4 periods, 3 unchanged and reused\)/);
    const after = await readManifest(output);
    const changed = after.periods.filter((period, at) => period.digest !== before.periods[at]?.digest).map((period) => period.id);
    assert.deepEqual(changed, ["2020"]);
    const searches = await Promise.all(after.periods.map((period) => openSiteSearch(output, period.bundle)));
    assert.deepEqual((await Promise.all(searches.map((search) => search.urls("trolleybuses")))).flat(), ["/2020/02/10/c/"]);
    assert.equal((await Promise.all(searches.map((search) => search.urls("carbon")))).flat().length, 7, "the reused bundles still find their articles");
  });

  it("under npm start, leaves unchanged periods' bundles in the folder it writes into and empties a changed one's before indexing it", async () => {
    const content = await makeArchive({ ...fixture, "news-archive.json": JSON.stringify({ title: "Periods", timeZone: "UTC", searchPeriodArticles: 2 }) });
    const output = join(await temporaryFolder(), "site");
    assert.equal((await runCli(["--content", content, "--output", output])).code, 0);
    const pages = Object.keys(fixture).map((file) => ({ file, date: /date: (\d{4})-(\d{2})-(\d{2})/.exec(fixture[file as keyof typeof fixture]) }));
    const index = (changed: string) =>
      writeSearchIndex(output, {
        pages: pages.map(({ file, date }) => ({ permalink: `${date?.[1]}/${date?.[2]}/${date?.[3]}/${file.slice(0, -3)}/index.html`, year: Number(date?.[1]), month: Number(date?.[2]), category: "News", digest: file === changed ? "edited" : file })),
        keepIndexUrl: false,
        periodArticles: 2,
        previous: { outputDir: output, identity: "the same code" },
      });
    assert.equal((await index("")).periodsReused, 0, "the CLI's build had another identity");
    const leftover = join(output, "pagefind", "periods", "2020", "fragment", "left-over.pf_fragment");
    await writeFile(leftover, "");
    const again = await index("c.md");
    assert.equal(again.periods, 4);
    assert.equal(again.periodsReused, 3);
    assert.equal(existsSync(leftover), false, "the changed period's folder was emptied first");
    assert.equal(again.pagesIndexed, 7);
  });

  it("indexes every period again when the settings change", async () => {
    const content = await makeArchive({ ...fixture, "news-archive.json": JSON.stringify({ title: "Periods", timeZone: "UTC", searchPeriodArticles: 2 }) });
    const output = join(await temporaryFolder(), "site");
    assert.equal((await runCli(["--content", content, "--output", output])).code, 0);
    await writeFile(join(content, "news-archive.json"), JSON.stringify({ title: "Periods, renamed", timeZone: "UTC", searchPeriodArticles: 2 }));
    const rebuilt = await runCli(["--content", content, "--output", output]);
    assert.equal(rebuilt.code, 0, rebuilt.stderr);
    assert.match(rebuilt.stdout, /\(4 periods\)/);
  });
});

describe("a search index of one period", () => {
  it("is the one bundle in pagefind/, with a list of one period beside it and no other bundle", async () => {
    const content = await makeArchive({ ...fixture, "news-archive.json": JSON.stringify({ title: "One period", timeZone: "UTC" }) });
    const output = join(await temporaryFolder(), "site");
    const run = await runCli(["--content", content, "--output", output]);
    assert.equal(run.code, 0, run.stderr);
    const manifest = await readManifest(output);
    assert.deepEqual(manifest.periods.map((period) => [period.id, period.bundle, period.articles]), [["2018-2021", "pagefind/", 7]]);
    assert.equal(existsSync(join(output, "pagefind", "periods")), false);
    assert.doesNotMatch(run.stdout, /periods\)/);
    assert.equal((await (await openSiteSearch(output)).urls("carbon")).length, 7);
  });
});

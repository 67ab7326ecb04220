import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, it } from "node:test";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { parseHTML } from "linkedom";
import { article, makeArchive, temporaryFolder } from "../support/archive.ts";
import { readPage, runCli, startCli } from "../support/cli.ts";
import { openSiteSearch } from "../support/site-search.ts";
import { treeDigest } from "../support/tree.ts";

/** 2026-12-01T00:00:00Z: a fixed build day, as a reproducible build sets it. */
const BUILD_DAY = "1796083200";

function manyArticles(count: number): Record<string, string> {
  const files: Record<string, string> = {};
  for (let index = 0; index < count; index += 1) {
    const day = String(1 + (index % 28)).padStart(2, "0");
    const month = String(1 + (index % 12)).padStart(2, "0");
    files[`a${index}.md`] = article(
      {
        title: `Article ${index}`,
        date: `20${10 + (index % 15)}-${month}-${day}`,
        category: ["News", "Events", "Reports"][index % 3] ?? "News",
        tags: "[energy]",
      },
      `Paragraph ${index} about procurement.\n\n## Part\n\nMore text.`,
    );
  }
  return files;
}

describe("determinism", () => {
  it("gives byte-identical output on every build, whatever the machine's time zone", async () => {
    const content = await makeArchive(manyArticles(30));
    const digests: Map<string, string>[] = [];
    for (const tz of ["UTC", "America/Los_Angeles", "Asia/Tokyo", "Pacific/Kiritimati"]) {
      const output = join(await temporaryFolder(), "site");
      const run = await runCli(["--content", content, "--output", output], { TZ: tz, SOURCE_DATE_EPOCH: BUILD_DAY });
      assert.equal(run.code, 0, run.stderr);
      digests.push(await treeDigest(output));
    }
    assert.ok((digests[0]?.size ?? 0) > 50);
    for (const digest of digests.slice(1)) assert.deepEqual(digest, digests[0]);
  });

  it("takes the build's day, which upcoming boxes and the grid's current month show, from SOURCE_DATE_EPOCH", async () => {
    const content = await makeArchive({
      "past.md": article({ title: "Past event", date: "2026-11-20", category: "Events" }),
      "soon.md": article({ title: "Soon", date: "2026-12-10", category: "Events" }),
      "news-archive.json": JSON.stringify({ sidebar: [{ type: "upcoming", category: "Events", title: "Events" }] }),
    });
    const boxFor = async (epoch: string): Promise<string[]> => {
      const output = join(await temporaryFolder(), "site");
      assert.equal((await runCli(["--content", content, "--output", output], { SOURCE_DATE_EPOCH: epoch })).code, 0);
      const page = await readPage(output, "index.html");
      return [...page.querySelectorAll(".sidebar-box a:not(.date-link)")].map((a) => a.textContent ?? "");
    };
    assert.deepEqual(await boxFor("1763164800"), ["Past event", "Soon"]); // 2025-11-15
    assert.deepEqual(await boxFor(BUILD_DAY), ["Soon"]); // 2026-12-01
  });

  it("moves an article across a month only by the archive's time zone setting", async () => {
    const files = { "late.md": article({ title: "Late", date: "2021-04-30T23:30:00-05:00", category: "News" }) };
    const pathIn = async (timeZone: string, tz: string): Promise<string[]> => {
      const content = await makeArchive({ ...files, "news-archive.json": JSON.stringify({ timeZone }) });
      const output = join(await temporaryFolder(), "site");
      assert.equal((await runCli(["--content", content, "--output", output], { TZ: tz })).code, 0);
      return (await readdir(output, { recursive: true })).filter((file) => file.endsWith("late/index.html"));
    };
    assert.deepEqual(await pathIn("UTC", "America/Chicago"), ["2021/05/01/late/index.html"]);
    assert.deepEqual(await pathIn("America/Chicago", "UTC"), ["2021/04/30/late/index.html"]);
  });
});

describe("atomic output", () => {
  it("leaves the previous output byte for byte as it was when a build fails", async () => {
    const content = await makeArchive(manyArticles(10));
    const output = join(await temporaryFolder(), "site");
    assert.equal((await runCli(["--content", content, "--output", output], { SOURCE_DATE_EPOCH: BUILD_DAY })).code, 0);
    const before = await treeDigest(output);
    await writeFile(join(content, "a0.md"), article({ title: "Changed", date: "2021-02-30", category: "News" }));
    await writeFile(join(content, "new.md"), article({ title: "New", date: "2021-03-01", category: "News" }));
    const failed = await runCli(["--content", content, "--output", output], { SOURCE_DATE_EPOCH: BUILD_DAY });
    assert.equal(failed.code, 1);
    assert.deepEqual(await treeDigest(output), before);
  });

  it("leaves the previous output as it was, and no half-written folder, when a build is interrupted", async () => {
    const content = await makeArchive(manyArticles(400));
    const parent = await temporaryFolder();
    const output = join(parent, "site");
    assert.equal((await runCli(["--content", content, "--output", output], { SOURCE_DATE_EPOCH: BUILD_DAY })).code, 0);
    const before = await treeDigest(output);
    await writeFile(join(content, "a1.md"), article({ title: "Changed", date: "2021-02-01", category: "News" }));

    const build = startCli(["build", "--content", content, "--output", output], ["ignore", "ignore", "pipe"]);
    let stderr = "";
    build.child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    // Interrupt once pages are being written into the staging folder beside the output.
    const deadline = Date.now() + 60_000;
    let staging: string | undefined;
    while (staging === undefined && Date.now() < deadline) {
      const candidate = (await readdir(parent)).find((name) => name.startsWith(".site.building-"));
      if (candidate !== undefined && existsSync(join(parent, candidate, "2010"))) staging = candidate;
      else await new Promise((resolve) => setTimeout(resolve, 20));
    }
    assert.ok(staging !== undefined, "the build wrote into a staging folder beside the output");
    // Ctrl+C in a terminal interrupts the build's whole process group.
    await build.stop("SIGINT");
    assert.equal(await build.exited, 130, stderr);
    assert.deepEqual(await treeDigest(output), before);
    assert.deepEqual(await readdir(parent), ["site"]);
  });
});

describe("hostile front matter", () => {
  const hostile = {
    title: `</title><script>alert("t")</script>"><img src=x onerror=alert(1)>`,
    summary: `"><img src=x onerror=alert(2)> javascript:alert(3) </title>`,
    category: `<script>alert(4)</script>`,
    tag: `"><svg onload=alert(5)>`,
  };
  const quoted = (text: string): string => JSON.stringify(text);

  it("is printed as text in pages, meta tags, feeds, the sitemap and the search index, never as markup", async () => {
    const content = await makeArchive({
      "x.md": article(
        {
          title: quoted(hostile.title),
          date: "2021-04-09",
          summary: quoted(hostile.summary),
          category: quoted(hostile.category),
          tags: `[${quoted(hostile.tag)}]`,
          slug: "x",
        },
        "Body.",
      ),
      "news-archive.json": JSON.stringify({ siteUrl: "https://example.org/", title: `Site <b>&</b> "name"` }),
    });
    const output = join(await temporaryFolder(), "site");
    const run = await runCli(["--content", content, "--output", output]);
    assert.equal(run.code, 0, run.stderr);

    const pages = (await readdir(output, { recursive: true })).filter((file) => file.endsWith(".html"));
    for (const file of pages) {
      const page = await readPage(output, file);
      assert.equal(page.querySelectorAll("[onerror], [onload], svg, b").length, 0, `${file}: no element from front matter`);
      // The search page's own inline script and its copy of the index's entry, checked below: no other page has one.
      const own = file === join("search", "index.html") ? "script[src], script:not([type='application/json'], [data-search-entry])" : "script";
      for (const script of page.querySelectorAll(own))
        assert.match(
          script.getAttribute("src") ?? "",
          /^\/assets\/(search|stem-en|highlight|offline|archive|category-filter|not-found)\.[0-9a-f]{10}\.js$/,
          file,
        );
    }
    // The search page's copy of the index's entry holds the category, and reads back whole: nothing of it became markup.
    const search = await readPage(output, "search/index.html");
    assert.equal(search.querySelectorAll("script:not([src])").length, 2);
    const copy = JSON.parse(search.querySelector("script[type='application/json']#search-entry-copy")?.textContent ?? "") as { categories: [string, number][] };
    assert.ok(copy.categories.some(([name]) => name === hostile.category));
    const page = await readPage(output, "2021/04/09/x/index.html");
    assert.equal(page.querySelector("h1")?.textContent, hostile.title);
    assert.equal(page.querySelector("title")?.textContent, `${hostile.title} · Site <b>&</b> "name"`);
    assert.equal(page.querySelector('meta[name="description"]')?.getAttribute("content"), hostile.summary);
    assert.equal(page.querySelector('meta[property="og:title"]')?.getAttribute("content"), hostile.title);
    assert.equal(page.querySelector(".article-category")?.textContent, hostile.category);
    assert.equal(page.querySelector(".article-tags a")?.textContent, hostile.tag);
    const category = page.querySelector(".article-category")?.getAttribute("href") ?? "";
    assert.match(category, /^\/category\/[a-z0-9-]+\/$/);

    const json = JSON.parse(await readFile(join(output, "feed.json"), "utf8")) as { items: { title: string; summary: string; tags: string[] }[] };
    assert.deepEqual([json.items[0]?.title, json.items[0]?.summary, json.items[0]?.tags], [hostile.title, hostile.summary, [hostile.category, hostile.tag]]);
    const atom = await readFile(join(output, "feed.xml"), "utf8");
    assert.equal(XMLValidator.validate(atom), true);
    // Atom titles and summaries are type="html": what a feed reader shows is the HTML's text.
    const entry = new XMLParser({ ignoreAttributes: false }).parse(atom).feed.entry as { title: { "#text": string }; summary: { "#text": string } };
    assert.equal(parseHTML(`<p>${entry.title["#text"]}</p>`).document.querySelector("p")?.textContent, hostile.title);
    assert.equal(parseHTML(`<p>${entry.summary["#text"]}</p>`).document.querySelector("p")?.textContent, hostile.summary);
    const sitemap = await readFile(join(output, "sitemap.xml"), "utf8");
    assert.equal(XMLValidator.validate(sitemap), true);
    assert.doesNotMatch(sitemap, /<script|onerror|<svg/);

    const [result] = await openSiteSearch(output).results("body");
    // The search page prints these as text; its excerpts are escaped (search/excerpt.browser.ts).
    assert.ok(result !== undefined && "title" in result);
    assert.equal(result.title, hostile.title);
    assert.equal(result.category, hostile.category);
    assert.doesNotMatch(await result.excerpt(), /<(?!\/?mark>)/);
  });

  it("with the sanitize setting, strips scripts and event handlers from bodies", async () => {
    const content = await makeArchive({
      "x.md": article(
        { title: "X", date: "2021-04-09", category: "News" },
        '<script>alert(1)</script>\n\n<a href="javascript:alert(2)" onclick="alert(3)">link</a>',
      ),
      "news-archive.json": JSON.stringify({ sanitize: true }),
    });
    const output = join(await temporaryFolder(), "site");
    assert.equal((await runCli(["--content", content, "--output", output])).code, 0);
    const body = (await readPage(output, "2021/04/09/x/index.html")).querySelector(".article-body");
    assert.equal(body?.querySelectorAll("script, [onclick]").length, 0);
    assert.equal(body?.querySelector("a")?.getAttribute("href"), null);
  });
});

import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { before, describe, it } from "node:test";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { DOMParser, parseHTML } from "linkedom";
import { z } from "zod";
import { checkLinks } from "../../src/publish/link-check.ts";
import { article, makeArchive, temporaryFolder } from "../support/archive.ts";
import { readPage, runCli, type CliRun } from "../support/cli.ts";

const fixture = {
  "2021/first.md": article(
    { title: '"Buyers & <suppliers>"', date: "2021-04-09", category: "News", summary: '"Tom & Jerry <b>"', author: "Ann Lee" },
    'See ![chart](/images/chart.png) and [the report](report.pdf).\n\n<pre>&lt;a href="/docs/"&gt;the docs&lt;/a&gt;</pre>',
  ),
  "2021/second/index.md": article(
    { title: "With a chart", date: "2021-05-01", category: "Reports", updated: "2021-06-01", authors: "[Bob Roe, Cy Dee]" },
    "![A chart](chart.svg) [older](/2021/04/09/first/)",
  ),
  "2021/second/chart.svg": '<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"/>',
  "2022/third.md": article({ title: "Third", date: "2022-01-02T10:00:00+01:00", category: "News", tags: "[energy]" }),
  "news-archive.json": JSON.stringify({
    title: "Test & archive",
    siteUrl: "https://example.org/",
    feedItems: 2,
    author: "The press office",
    authors: { "Bob Roe": { name: "Robert Roe", url: "https://example.org/bob" } },
  }),
};

const jsonFeedAuthors = z.array(z.strictObject({ name: z.string().min(1), url: z.url().optional() })).min(1);

/** JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/), the parts a feed must have and what it uses. */
const jsonFeed11 = z.strictObject({
  version: z.literal("https://jsonfeed.org/version/1.1"),
  title: z.string().min(1),
  home_page_url: z.url().optional(),
  feed_url: z.url().optional(),
  description: z.string().optional(),
  language: z.string().optional(),
  authors: jsonFeedAuthors.optional(),
  items: z.array(
    z.strictObject({
      id: z.string().min(1),
      url: z.url().optional(),
      title: z.string().optional(),
      content_html: z.string(),
      summary: z.string().optional(),
      date_published: z.iso.datetime({ offset: true }).optional(),
      date_modified: z.iso.datetime({ offset: true }).optional(),
      tags: z.array(z.string()).optional(),
      authors: jsonFeedAuthors.optional(),
      language: z.string().optional(),
    }),
  ),
});

interface AtomPerson {
  readonly name: string;
  readonly uri?: string;
}

interface AtomFeed {
  readonly id: string;
  readonly author?: readonly AtomPerson[];
  readonly entry?: readonly { readonly id: string; readonly author?: readonly AtomPerson[]; readonly link: readonly { readonly "@_href": string }[] }[];
}

/** An Atom feed parsed with fast-xml-parser, repeatable elements as lists. */
async function readAtom(file: string): Promise<AtomFeed> {
  const parser = new XMLParser({ ignoreAttributes: false, isArray: (name) => ["entry", "author", "link", "category"].includes(name) });
  return (parser.parse(await readFile(file, "utf8")) as { feed: AtomFeed }).feed;
}

/** Every Atom feed and JSON Feed a build wrote. */
async function feedFiles(output: string): Promise<{ atom: string[]; json: string[] }> {
  const files = await readdir(output, { recursive: true });
  return { atom: files.filter((file) => file.endsWith("feed.xml")), json: files.filter((file) => file.endsWith("feed.json")) };
}

/** The ids of every feed a build wrote and of their entries and items, Atom first. */
async function feedIds(output: string): Promise<string[]> {
  const { atom, json } = await feedFiles(output);
  const ids: string[] = [];
  for (const file of atom.sort()) {
    const feed = await readAtom(join(output, file));
    ids.push(feed.id, ...(feed.entry ?? []).map((entry) => entry.id));
  }
  // Not checked against jsonFeed11: without a site URL its other URLs stay relative.
  const jsonIds = z.object({ items: z.array(z.object({ id: z.string() })) });
  for (const file of json.sort()) ids.push(...jsonIds.parse(JSON.parse(await readFile(join(output, file), "utf8"))).items.map((item) => item.id));
  return ids;
}

/** An absolute IRI names its scheme (RFC 3987); "/x/" or "x/" does not. */
const ABSOLUTE_IRI = /^[A-Za-z][A-Za-z0-9+.-]*:/;

function parseXml(text: string): ReturnType<DOMParser["parseFromString"]> {
  return new DOMParser().parseFromString(text, "text/xml");
}

describe("publishing files of a build with a site URL", () => {
  let output: string;
  let run: CliRun;

  before(async () => {
    output = join(await temporaryFolder(), "site");
    run = await runCli(["--content", await makeArchive(fixture), "--output", output, "--check-links"]);
    assert.equal(run.code, 0, run.stderr);
  });

  it("writes well-formed XML for every feed and the sitemap", async () => {
    const files = (await readdir(output, { recursive: true })).filter((file) => file.endsWith(".xml"));
    assert.deepEqual(files.sort(), [
      "author/ann-lee/feed.xml",
      "author/bob-roe/feed.xml",
      "author/cy-dee/feed.xml",
      "category/news/feed.xml",
      "category/reports/feed.xml",
      "feed.xml",
      "sitemap.xml",
    ]);
    for (const file of files) assert.equal(XMLValidator.validate(await readFile(join(output, file), "utf8")), true, file);
  });

  it("writes an Atom feed of the latest articles, newest first, with absolute URLs and full content", async () => {
    const feed = parseXml(await readFile(join(output, "feed.xml"), "utf8"));
    assert.equal(feed.querySelector("feed > title")?.textContent, "Test & archive");
    assert.equal(feed.querySelector('feed > link[rel="self"]')?.getAttribute("href"), "https://example.org/feed.xml");
    const entries = [...feed.querySelectorAll("entry")];
    assert.deepEqual(
      entries.map((entry) => entry.querySelector("id")?.textContent),
      ["https://example.org/2022/01/02/third/", "https://example.org/2021/05/01/second/"],
    );
    const second = entries[1];
    assert.equal(second?.querySelector("updated")?.textContent, "2021-06-01T00:00:00.000Z");
    assert.equal(second?.querySelector("published")?.textContent, "2021-05-01T00:00:00.000Z");
    assert.deepEqual(
      [...(second?.querySelectorAll("category") ?? [])].map((category) => [category.getAttribute("term"), category.getAttribute("label")]),
      [["reports", "Reports"]],
    );
    const content = second?.querySelector("content")?.textContent ?? "";
    assert.match(content, /src="https:\/\/example\.org\/2021\/05\/01\/second\/chart\.svg"/);
    assert.match(content, /href="https:\/\/example\.org\/2021\/04\/09\/first\/"/);
  });

  it("names the feed's author from the settings and each entry's authors from its article, in Atom and JSON Feed", async () => {
    const { atom, json } = await feedFiles(output);
    for (const file of atom) assert.deepEqual((await readAtom(join(output, file))).author, [{ name: "The press office" }], file);
    for (const id of await feedIds(output)) assert.match(id, /^https:\/\/example\.org\//);
    const categoryFeed = await readAtom(join(output, "category/news/feed.xml"));
    // "Third" names nobody: it has the feed's author (RFC 4287, 4.2.1), so it carries none of its own.
    assert.deepEqual(
      categoryFeed.entry?.map((entry) => entry.author),
      [undefined, [{ name: "Ann Lee" }]],
    );
    const siteFeed = await readAtom(join(output, "feed.xml"));
    assert.deepEqual(siteFeed.entry?.[1]?.author, [{ name: "Robert Roe", uri: "https://example.org/bob" }, { name: "Cy Dee" }]);
    for (const file of json)
      assert.deepEqual(jsonFeed11.parse(JSON.parse(await readFile(join(output, file), "utf8"))).authors, [{ name: "The press office" }], file);
    const items = jsonFeed11.parse(JSON.parse(await readFile(join(output, "feed.json"), "utf8"))).items;
    assert.deepEqual(
      items.map((item) => item.authors),
      [undefined, [{ name: "Robert Roe", url: "https://example.org/bob" }, { name: "Cy Dee" }]],
    );
  });

  it("writes an Atom feed of each author's articles, with their summaries, and no JSON Feed for them", async () => {
    const feed = await readAtom(join(output, "author/ann-lee/feed.xml"));
    assert.deepEqual(
      feed.entry?.map((entry) => entry.id),
      ["https://example.org/2021/04/09/first/"],
    );
    const text = await readFile(join(output, "author/ann-lee/feed.xml"), "utf8");
    assert.doesNotMatch(text, /<content/);
    assert.match(text, /<summary type="html"><!\[CDATA\[Tom &amp; Jerry &lt;b&gt;\]\]><\/summary>/);
    assert.equal(feed.id, "https://example.org/author/ann-lee/");
    assert.deepEqual(
      (await feedFiles(output)).json.filter((file) => file.startsWith("author/")),
      [],
    );
  });

  it("writes a JSON Feed that follows version 1.1", async () => {
    const feed = jsonFeed11.parse(JSON.parse(await readFile(join(output, "feed.json"), "utf8")));
    assert.equal(feed.feed_url, "https://example.org/feed.json");
    assert.deepEqual(
      feed.items.map((item) => item.url),
      ["https://example.org/2022/01/02/third/", "https://example.org/2021/05/01/second/"],
    );
    assert.deepEqual(feed.items[0]?.tags, ["News", "energy"]);
    assert.equal(feed.items[0]?.date_published, "2022-01-02T09:00:00.000Z");
  });

  it("escapes titles and summaries holding & and < in both feeds", async () => {
    const categoryFeed = parseXml(await readFile(join(output, "category/news/feed.xml"), "utf8"));
    // Atom titles are type="html": the text a reader shows is that of the escaped HTML.
    const titles = [...categoryFeed.querySelectorAll("entry > title")].map(
      (title) => parseHTML(`<p>${title.textContent ?? ""}</p>`).document.querySelector("p")?.textContent,
    );
    assert.deepEqual(titles, ["Third", "Buyers & <suppliers>"]);
    const json = jsonFeed11.parse(JSON.parse(await readFile(join(output, "category/news/feed.json"), "utf8")));
    assert.equal(json.items[1]?.title, "Buyers & <suppliers>");
    assert.equal(json.items[1]?.summary, "Tom & Jerry <b>");
    assert.match(json.items[1]?.content_html ?? "", /src="https:\/\/example\.org\/images\/chart\.png"/);
    assert.match(json.items[1]?.content_html ?? "", /href="https:\/\/example\.org\/2021\/04\/09\/first\/report\.pdf"/);
  });

  it("writes a feed pair for each category and links the feeds from every page's head", async () => {
    for (const slug of ["news", "reports"]) {
      assert.ok(existsSync(join(output, "category", slug, "feed.xml")));
      assert.ok(existsSync(join(output, "category", slug, "feed.json")));
    }
    const pages = (await readdir(output, { recursive: true })).filter((file) => file.endsWith(".html"));
    for (const file of pages) {
      const page = await readPage(output, file);
      assert.equal(page.querySelector('link[rel="alternate"][type="application/atom+xml"]')?.getAttribute("href"), "/feed.xml", file);
      assert.equal(page.querySelector('link[rel="alternate"][type="application/feed+json"]')?.getAttribute("href"), "/feed.json", file);
    }
    const category = await readPage(output, "category/reports/index.html");
    assert.ok(category.querySelector('link[rel="alternate"][href="/category/reports/feed.xml"]'));
  });

  it("lists every published page in the sitemap, articles with their last modification, and points robots.txt to it", async () => {
    const sitemap = parseXml(await readFile(join(output, "sitemap.xml"), "utf8"));
    const entries = new Map(
      [...sitemap.querySelectorAll("url")].map((url) => [url.querySelector("loc")?.textContent ?? "", url.querySelector("lastmod")?.textContent]),
    );
    assert.equal(entries.get("https://example.org/2021/05/01/second/"), "2021-06-01");
    assert.equal(entries.get("https://example.org/2022/01/02/third/"), "2022-01-02");
    for (const url of [
      "https://example.org/",
      "https://example.org/archive/",
      "https://example.org/2021/",
      "https://example.org/2021/04/",
      "https://example.org/category/news/",
      "https://example.org/tag/energy/",
    ]) {
      assert.ok(entries.has(url), url);
    }
    assert.equal(entries.has("https://example.org/404.html"), false);
    // The page the service worker shows offline is not for search engines.
    assert.equal(entries.has("https://example.org/offline/"), false);
    // Day pages are linked from every date: they are listed too.
    assert.ok(entries.has("https://example.org/2021/05/01/"));
    const pages = (await readdir(output, { recursive: true })).filter((file) => file.endsWith("index.html") && file !== "offline/index.html");
    assert.equal(entries.size, pages.length);
    assert.match(await readFile(join(output, "robots.txt"), "utf8"), /^Sitemap: https:\/\/example\.org\/sitemap\.xml$/m);
  });

  it("gives every page a title, a description, a canonical URL, Open Graph and Twitter basics and a language", async () => {
    const page = await readPage(output, "2021/04/09/first/index.html");
    assert.equal(page.querySelector("title")?.textContent, "Buyers & <suppliers> · Test & archive");
    assert.equal(page.querySelector('meta[name="description"]')?.getAttribute("content"), "Tom & Jerry <b>");
    assert.equal(page.querySelector('link[rel="canonical"]')?.getAttribute("href"), "https://example.org/2021/04/09/first/");
    assert.equal(page.querySelector('meta[property="og:type"]')?.getAttribute("content"), "article");
    assert.equal(page.querySelector('meta[property="og:title"]')?.getAttribute("content"), "Buyers & <suppliers>");
    assert.equal(page.querySelector('meta[property="og:url"]')?.getAttribute("content"), "https://example.org/2021/04/09/first/");
    assert.equal(page.querySelector('meta[name="twitter:card"]')?.getAttribute("content"), "summary");
    assert.equal(page.documentElement.getAttribute("lang"), "en");
  });

  it("names theme files by their content, so they can be cached for long", async () => {
    const assets = (await readdir(join(output, "assets"))).sort();
    assert.equal(assets.length, 9);
    for (const file of assets)
      assert.match(file, /^(archive|category-filter|favicon|highlight|not-found|offline|search|stem-en|style)\.[0-9a-f]{10}\.(svg|js|css)$/);
    const page = await readPage(output, "index.html");
    assert.match(page.querySelector('link[rel="stylesheet"]')?.getAttribute("href") ?? "", /^\/assets\/style\.[0-9a-f]{10}\.css$/);
  });

  it("reports the link check: the site's own links all resolve, the two the articles' authors broke are counted", () => {
    assert.match(run.stdout, /links: \d+ internal links checked on 25 pages, 2 broken \(2 in article bodies, 0 in the site's pages\)/);
  });
});

describe("hosting under a sub-path and without folder indexes", () => {
  it("makes every link, asset, feed entry and sitemap entry carry the base path, and leaves a code sample showing a link as written", async () => {
    const output = join(await temporaryFolder(), "site");
    // The chart is a static file: a link to it leads into the archive, so it gets the base path.
    const run = await runCli(["--content", await makeArchive({ ...fixture, "static/images/chart.png": "png" }), "--output", output, "--base-path", "/news/"]);
    assert.equal(run.code, 0, run.stderr);
    const report = await checkLinks(output, "/news/");
    assert.deepEqual(
      report.broken.filter((link) => !link.inArticleBody),
      [],
    );
    const pages = (await readdir(output, { recursive: true })).filter((file) => file.endsWith(".html"));
    for (const file of pages) {
      const page = await readPage(output, file);
      for (const element of page.querySelectorAll("a[href], link[href], script[src], img[src]")) {
        const url = element.getAttribute("href") ?? element.getAttribute("src") ?? "";
        if (url.startsWith("/")) assert.ok(url.startsWith("/news/"), `${file}: ${url}`);
      }
    }
    const body = (await readPage(output, "2021/04/09/first/index.html")).querySelector(".article-body");
    assert.equal(body?.querySelector("img")?.getAttribute("src"), "/news/images/chart.png");
    // A raw-HTML code sample is text: its bytes are published as written, in the page and in the feeds (the block a scroll region).
    const sample = '<pre tabindex="0" role="region" aria-label="Code 1">&lt;a href="/docs/"&gt;the docs&lt;/a&gt;</pre>';
    assert.ok(body?.innerHTML.includes(sample), body?.innerHTML);
    assert.equal(body?.querySelector("pre")?.textContent, '<a href="/docs/">the docs</a>');
    const sitemap = parseXml(await readFile(join(output, "sitemap.xml"), "utf8"));
    for (const loc of sitemap.querySelectorAll("loc")) assert.ok(loc.textContent?.startsWith("https://example.org/news/"), loc.textContent ?? "");
    const feed = jsonFeed11.parse(JSON.parse(await readFile(join(output, "feed.json"), "utf8")));
    for (const item of feed.items) assert.ok(item.url?.startsWith("https://example.org/news/"));
    const first = jsonFeed11.parse(JSON.parse(await readFile(join(output, "category/news/feed.json"), "utf8"))).items[1];
    assert.ok(first?.content_html.includes(sample), first?.content_html);
    assert.match(first?.content_html ?? "", /src="https:\/\/example\.org\/news\/images\/chart\.png"/);
    assert.ok(existsSync(join(output, "2021/05/01/second/chart.svg")));
  });

  it("writes links ending in index.html with --clean-urls=false, all of which resolve", async () => {
    const output = join(await temporaryFolder(), "site");
    const run = await runCli(["--content", await makeArchive(fixture), "--output", output, "--clean-urls=false"]);
    assert.equal(run.code, 0, run.stderr);
    const page = await readPage(output, "2021/04/09/first/index.html");
    const internal = [...page.querySelectorAll("a[href]")]
      .map((a) => a.getAttribute("href") ?? "")
      .filter((href) => href.startsWith("/") && !href.includes("."));
    assert.deepEqual(
      internal.filter((href) => href.endsWith("/")),
      [],
    );
    assert.equal(page.querySelector(".breadcrumb a[href]")?.getAttribute("href"), "/index.html");
    const report = await checkLinks(output, "/");
    assert.deepEqual(
      report.broken.filter((link) => !link.inArticleBody),
      [],
    );
  });

  it("warns without a site URL and keeps feed and canonical URLs relative", async () => {
    const { "news-archive.json": _settings, ...withoutSettings } = fixture;
    const output = join(await temporaryFolder(), "site");
    const run = await runCli(["--content", await makeArchive(withoutSettings), "--output", output]);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stderr, /warning: no site URL is set/);
    const feed = parseXml(await readFile(join(output, "feed.xml"), "utf8"));
    assert.equal(feed.querySelector("entry > link")?.getAttribute("href"), "/2022/01/02/third/");
    assert.equal((await readPage(output, "index.html")).querySelector('link[rel="canonical"]')?.getAttribute("href"), "/");
  });

  it("gives every feed and entry an absolute id, the same without a site URL and in a portable build, and names the site as author by default", async () => {
    const { "news-archive.json": _settings, ...withoutSettings } = fixture;
    const content = await makeArchive(withoutSettings);
    const [plain, portable] = [join(await temporaryFolder(), "site"), join(await temporaryFolder(), "site")];
    assert.equal((await runCli(["--content", content, "--output", plain])).code, 0);
    assert.equal((await runCli(["--content", content, "--output", portable, "--portable"])).code, 0);
    const ids = await feedIds(plain);
    for (const id of ids) assert.match(id, ABSOLUTE_IRI);
    assert.ok(ids.includes("tag:news-archive,2026-11-30:news-archive/category/news/"));
    assert.ok(ids.includes("tag:news-archive,2026-11-30:news-archive/author/ann-lee/"));
    assert.ok(ids.includes("tag:news-archive,2026-11-30:news-archive/2022/01/02/third/"));
    assert.deepEqual(await feedIds(portable), ids);
    for (const file of (await feedFiles(plain)).atom) assert.deepEqual((await readAtom(join(plain, file))).author, [{ name: "News archive" }], file);
  });

  it("warns, naming the article, about each link in a body that points to nothing, and still publishes", async () => {
    const output = join(await temporaryFolder(), "site");
    const run = await runCli(["--content", await makeArchive(fixture), "--output", output, "--check-links"]);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stderr, /2021\/first\.md: warning: the link \/images\/chart\.png points to nothing \(images\/chart\.png does not exist\)/);
    assert.match(run.stderr, /2021\/first\.md: warning: the link report\.pdf points to nothing/);
    // Both were found as the archive was loaded, and reported in one warning.
    assert.match(
      run.stderr,
      /warning: 2 link\(s\) in 1 file\(s\) look internal \(root-relative, relative, or to the site's host\) but lead to no article, page or file of the archive, and were left as written: \/images\/chart\.png \(2021\/first\.md\), report\.pdf \(2021\/first\.md\)/,
    );
    assert.match(run.stdout, /^problems: 0 error\(s\), 3 warning\(s\) \(unmatched-links 1, broken-link-in-article 2\)$/m);
  });
});

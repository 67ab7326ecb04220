import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { describe, it } from "node:test";
import { PROJECT_ROOT } from "../../src/core/project.ts";
import matter from "gray-matter";
import { temporaryFolder } from "../support/archive.ts";
import { readPage, runCli, runImportCli } from "../support/cli.ts";
import { filePaths, modificationTimes } from "../support/tree.ts";

const FIXTURES = join(PROJECT_ROOT, "tests/fixtures/import");
const GAZETTE = join(FIXTURES, "gazette.xml");
const UPLOADS = join(FIXTURES, "uploads");

/**
 * Follows every old address (`redirect_from`) of every published imported
 * article on the built site, as a visitor would arrive: a path is the
 * article's page or a redirect page leading to it; an address with a query
 * ("/?p=12") is a `_redirects` line and an entry of the map the home page's
 * script reads. Returns how many were followed.
 */
async function followOldAddresses(content: string, output: string): Promise<number> {
  const redirectsFile = await readFile(join(output, "_redirects"), "utf8");
  const map = JSON.parse(await readFile(join(output, "redirects.json"), "utf8")) as Record<string, string>;
  const home = await readPage(output, "index.html");
  assert.equal(home.querySelector("script[data-map]")?.getAttribute("data-map"), "/redirects.json");
  const titleAt = async (href: string): Promise<string | undefined> =>
    (await readPage(output, `${decodeURI(href).slice(1)}${href.endsWith("/") ? "index.html" : ""}`)).querySelector("h1")?.textContent?.trim();
  let followed = 0;
  for (const file of filePaths(content).filter((name) => name.endsWith(".md"))) {
    const { data } = matter(await readFile(join(content, file), "utf8"), {});
    if (data["draft"] === true) continue;
    const title = String(data["title"]);
    for (const old of data["redirect_from"] as string[]) {
      const [path = "", query] = old.split("?");
      if (query === undefined) {
        const page = await readPage(output, `${decodeURI(path).slice(1)}${path.endsWith("/") ? "index.html" : ""}`);
        const refresh = page.querySelector('meta[http-equiv="refresh"]')?.getAttribute("content");
        const landing =
          refresh === null || refresh === undefined ? page.querySelector("h1")?.textContent?.trim() : await titleAt(refresh.replace(/^0; url=/, ""));
        assert.equal(landing, title, `${file}: ${old}`);
      } else {
        const target = map[old];
        assert.ok(target !== undefined, `${file}: ${old} is not in redirects.json`);
        assert.equal(await titleAt(target), title, `${file}: ${old}`);
        assert.ok(redirectsFile.split("\n").includes(`${path} ${query} ${target} 301`), `${file}: ${old} is not in _redirects`);
      }
      followed += 1;
    }
  }
  return followed;
}

describe("importing a WordPress export", () => {
  it("writes page bundles with their media and a report, and the archive builds with every old URL's article", async () => {
    const root = await temporaryFolder();
    const content = join(root, "content");
    const run = await runImportCli(["wordpress", GAZETTE, "--content", content, "--uploads", UPLOADS]);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /^Items: 15 \(post publish 6, attachment inherit 3, /m);
    assert.match(run.stdout, /^Articles: 9: 9 new, 0 replaced, 0 unchanged, 0 kept as they were$/m);
    assert.match(run.stdout, /^Drafts: 4 \(draft 1, future 1, password-protected 1, private 1\)/m);
    assert.match(run.stdout, /^Comments: 1 not imported/m);
    assert.match(run.stdout, /^Media: 5 copied beside their articles, 0 already there, 0 not found/m);
    assert.match(run.stdout, /^Time zone: Etc\/GMT\+7 .*news-archive\.json written with title, description, language, redirects, timeZone$/m);
    assert.match(run.stdout, /dynamic blocks dropped.*: latest-posts 1$/m);
    assert.match(run.stdout, /gazette\.xml:\d+: warning: "Members only" is protected by a password/);
    assert.deepEqual(JSON.parse(await readFile(join(content, "news-archive.json"), "utf8")), {
      title: "Desert Gazette",
      description: "News from the valley",
      language: "en-US",
      // WordPress's listing pages whose address here differs: the feed, a tag whose slug is not its name's, the authors by login.
      redirects: {
        "/feed/": "/feed.xml",
        "/tag/harbour-2/": "/tag/harbour/",
        "/author/editor/": "/author/dana-editor/",
        "/author/reporter/": "/author/sam-reporter/",
      },
      timeZone: "Etc/GMT+7",
    });
    assert.ok(filePaths(content).includes("2024/harbour-reopens/harbour.png"));

    const output = join(root, "site");
    const build = await runCli(["--content", content, "--output", output, "--check-links"]);
    assert.equal(build.code, 0, build.stdout + build.stderr);
    assert.match(build.stdout, /articles: 9 found, 5 published, 4 draft\(s\) left out, 0 invalid left out/);
    assert.match(build.stdout, /0 broken/);
    // Written at 22:30 in UTC−7, already March 10 in UTC: the page is on the day WordPress showed.
    const harbour = await readPage(output, "2024/03/09/harbour-reopens/index.html");
    assert.equal(harbour.querySelector("h1")?.textContent?.trim(), "Harbour reopens");
    assert.ok(existsSync(join(output, "2024/03/09/harbour-reopens/harbour.png")));
    assert.equal(harbour.querySelector(".article-body figure img")?.getAttribute("src"), "harbour.png");
    assert.ok(existsSync(join(output, "2024/03/05/privet-mir/index.html")));
    assert.ok(!existsSync(join(output, "2024/07/01/summer-fair-programme/index.html")), "a scheduled post is not published");
    for (const page of filePaths(output).filter((file) => file.endsWith(".html"))) {
      assert.doesNotMatch(await readFile(join(output, page), "utf8"), /<!-- \/?wp:/, page);
    }
    // Each published post's permalink and its /?p=ID.
    assert.equal(await followOldAddresses(content, output), 10);
  });

  it("changes nothing on a second run, keeps an edited article, and replaces it only with --overwrite", async () => {
    const content = join(await temporaryFolder(), "content");
    assert.equal((await runImportCli(["wordpress", GAZETTE, "--content", content, "--uploads", UPLOADS])).code, 0);
    const before = await modificationTimes(content);
    const again = await runImportCli(["wordpress", GAZETTE, "--content", content, "--uploads", UPLOADS]);
    assert.equal(again.code, 0, again.stderr);
    assert.match(again.stdout, /^Articles: 9: 0 new, 0 replaced, 9 unchanged, 0 kept as they were$/m);
    assert.match(again.stdout, /news-archive\.json unchanged/);
    assert.deepEqual(await modificationTimes(content), before);

    const edited = join(content, "2024/harbour-reopens/index.md");
    const text = `${await readFile(edited, "utf8")}\nAn editor's note.\n`;
    await writeFile(edited, text);
    const kept = await runImportCli(["wordpress", GAZETTE, "--content", content, "--uploads", UPLOADS]);
    assert.match(kept.stdout, /^Articles: 9: 0 new, 0 replaced, 8 unchanged, 1 kept as they were \(they differ from the import; --overwrite replaces them\)$/m);
    assert.equal(await readFile(edited, "utf8"), text);
    const replaced = await runImportCli(["wordpress", GAZETTE, "--content", content, "--uploads", UPLOADS, "--overwrite"]);
    assert.match(replaced.stdout, /^Articles: 9: 0 new, 1 replaced, 8 unchanged/m);
    assert.doesNotMatch(await readFile(edited, "utf8"), /editor's note/);
  });

  it("finds an article imported before by its wp_id after the publisher moved it", async () => {
    const content = join(await temporaryFolder(), "content");
    await runImportCli(["wordpress", GAZETTE, "--content", content]);
    await mkdir(join(content, "moved"));
    await rename(join(content, "2024/water-levels"), join(content, "moved/water-levels"));
    const again = await runImportCli(["wordpress", GAZETTE, "--content", content]);
    assert.match(again.stdout, /9 unchanged/);
    assert.ok(!existsSync(join(content, "2024/water-levels")), "not written a second time at its first place");
  });

  it("leaves the media at their old address without --uploads, and lists them", async () => {
    const content = join(await temporaryFolder(), "content");
    const run = await runImportCli(["wordpress", GAZETTE, "--content", content]);
    assert.match(run.stdout, /^Media: 3 file\(s\) of the old site's uploads are still linked at their old address/m);
    assert.match(run.stdout, /^ {2}https:\/\/gazette\.example\.org\/wp-content\/uploads\/2024\/03\/harbour\.png \(2024\/harbour-reopens\/index\.md\)$/m);
    assert.match(
      await readFile(join(content, "2024/water-levels/index.md"), "utf8"),
      /src="https:\/\/gazette\.example\.org\/wp-content\/uploads\/2024\/02\/chart\.png"/,
    );
  });

  it("imports pages with --pages", async () => {
    const content = join(await temporaryFolder(), "content");
    const run = await runImportCli(["wordpress", GAZETTE, "--content", content, "--pages"]);
    assert.match(run.stdout, /^Articles: 10: 10 new/m);
    assert.match(
      await readFile(join(content, "2024/about/index.md"), "utf8"),
      /category: Pages\n[\s\S]*redirect_from:\n {2}- \/about\/\n {2}- \/\?page_id=30\n/,
    );
  });

  it("keeps a time zone the settings already have, and says the export's differs; adds the redirects the settings lack", async () => {
    const content = join(await temporaryFolder(), "content");
    await mkdir(content);
    await writeFile(join(content, "news-archive.json"), '{ "title": "Ours", "timeZone": "Europe/Paris", "redirects": { "/feed/": "/news.xml" } }\n');
    const run = await runImportCli(["wordpress", GAZETTE, "--content", content]);
    assert.equal(run.code, 0);
    assert.match(run.stdout, /warning: .*news-archive\.json sets "timeZone": "Europe\/Paris", but the source's dates are in Etc\/GMT\+7/);
    assert.match(run.stdout, /news-archive\.json: 3 redirects added$/m);
    assert.deepEqual(JSON.parse(await readFile(join(content, "news-archive.json"), "utf8")), {
      title: "Ours",
      timeZone: "Europe/Paris",
      redirects: {
        "/feed/": "/news.xml",
        "/tag/harbour-2/": "/tag/harbour/",
        "/author/editor/": "/author/dana-editor/",
        "/author/reporter/": "/author/sam-reporter/",
      },
    });
  });
});

describe("importing a WordPress export whose categories nest", () => {
  it("keeps the hierarchy in the settings, files each post under its most specific category, and its listing pages' old addresses lead to the new ones", async () => {
    const root = await temporaryFolder();
    const content = join(root, "content");
    const run = await runImportCli(["wordpress", join(FIXTURES, "hierarchy.xml"), "--content", content]);
    assert.equal(run.code, 0, run.stderr);
    const settings = JSON.parse(await readFile(join(content, "news-archive.json"), "utf8")) as Record<string, unknown>;
    assert.deepEqual(settings["categories"], [
      { name: "Local", slug: "local", description: "The valley's towns." },
      { name: "Harbour", slug: "harbour", parent: "local" },
      { name: "Boats", slug: "boats", parent: "harbour" },
    ]);
    assert.deepEqual(settings["redirects"], {
      "/news/feed/": "/feed.xml",
      "/news/category/local/": "/category/local/",
      "/news/category/local/harbour/": "/category/harbour/",
      "/news/category/local/harbour/boats/": "/category/boats/",
      "/news/tag/c-plus-plus/": "/tag/c/",
      "/news/author/dana-e/": "/author/dana-editor/",
    });
    // Its deepest category is the article's; Local, above Harbour, is implied; Sport, beside it, becomes a tag.
    const pier = matter(await readFile(join(content, "2024/new-pier/index.md"), "utf8"), {}).data;
    assert.equal(pier["category"], "Harbour");
    assert.deepEqual(pier["tags"], ["Sport", "C++"]);

    // Built where the blog was: its old category page is the new one, the child's old address leads to it.
    const output = join(root, "site");
    const build = await runCli(["--content", content, "--output", output, "--site-url", "https://times.example.org/news/", "--check-links"]);
    assert.equal(build.code, 0, build.stdout + build.stderr);
    assert.match(build.stdout, /pages and redirects: 5 from the "redirects" setting/);
    const local = await readPage(output, "category/local/index.html");
    assert.deepEqual(
      [...local.querySelectorAll(".article-item-title a")].map((link) => link.textContent?.trim()),
      ["Regatta on Sunday", "New pier opens"],
    );
    const moved = await readPage(output, "category/local/harbour/index.html");
    assert.equal(moved.querySelector('meta[http-equiv="refresh"]')?.getAttribute("content"), "0; url=/news/category/harbour/");
    assert.equal((await readPage(output, "feed/index.html")).querySelector('meta[http-equiv="refresh"]')?.getAttribute("content"), "0; url=/news/feed.xml");
    assert.match(await readFile(join(output, "_redirects"), "utf8"), /^\/news\/author\/dana-e\/ \/news\/author\/dana-editor\/ 301$/m);
  });
});

describe("the import command's errors", () => {
  it("exits 1 naming the file when it is missing, not an export, or cut short", async () => {
    const root = await temporaryFolder();
    const content = join(root, "content");
    const missing = await runImportCli(["wordpress", join(root, "nope.xml"), "--content", content]);
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /^error: .*nope\.xml: no such file$/m);
    const feed = await runImportCli(["wordpress", join(FIXTURES, "feed.rss"), "--content", content]);
    assert.equal(feed.code, 1);
    assert.match(feed.stderr, /feed\.rss: is an RSS feed without <wp:wxr_version>, not a WordPress export; import it with `import feed`/);
    const cut = join(root, "cut.xml");
    await writeFile(cut, (await readFile(GAZETTE, "utf8")).slice(0, 5000));
    const truncated = await runImportCli(["wordpress", cut, "--content", content]);
    assert.equal(truncated.code, 1);
    assert.match(truncated.stderr, /cut\.xml: is not well-formed XML \(line \d+, column \d+: .*\); if the file was cut short, export or download it again/);
    await writeFile(join(root, "latin1.xml"), Buffer.from([0x3c, 0x72, 0xe9, 0x3e]));
    assert.match((await runImportCli(["wordpress", join(root, "latin1.xml"), "--content", content])).stderr, /is not UTF-8 text/);
    assert.ok(!existsSync(content), "nothing was written");
  });

  it("exits 2 on a wrong command line, with the usage", async () => {
    for (const args of [
      [],
      ["wordpress", GAZETTE],
      ["blogger", GAZETTE, "--content", "x"],
      ["feed", "a.xml", "--content", "x", "--pages"],
      ["wordpress", GAZETTE, "--content", "x", "--uploads", "/nonexistent/uploads"],
    ]) {
      const run = await runImportCli(args);
      assert.equal(run.code, 2, args.join(" "));
    }
    const help = await runImportCli(["--help"]);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /^Usage: news-archive import wordpress EXPORT\.xml --content DIR/);
  });
});

describe("importing a feed", () => {
  it("imports an RSS feed's entries with their dates' offsets, authors and categories", async () => {
    const content = join(await temporaryFolder(), "content");
    const run = await runImportCli(["feed", join(FIXTURES, "feed.rss"), "--content", content]);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /^Imported RSS feed "Valley Radio", https:\/\/radio\.example\.org\//m);
    assert.match(run.stdout, /^Time zone: Etc\/GMT\+7/m);
    const road = await readFile(join(content, "2024/road-closed/index.md"), "utf8");
    assert.match(
      road,
      /^title: Road closed & reopened\ndate: 2024-03-09T22:30:00-07:00\nslug: road-closed\ncategory: Traffic\ntags:\n {2}- Roads\nauthor: Lee Announcer\nsummary: The pass road was closed for two hours\.\nredirect_from:\n {2}- \/news\/road-closed\.html\n---/m,
    );
    assert.match(road, /The pass road was closed for \*\*two hours\*\*\./);
    assert.match(await readFile(join(content, "2024/weather/index.md"), "utf8"), /author: Kim Forecaster/);
  });

  it("refuses a feed of summaries only, and with --summaries imports them, each with a link to the original", async () => {
    const content = join(await temporaryFolder(), "content");
    const refused = await runImportCli(["feed", join(FIXTURES, "summaries.rss"), "--content", content]);
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /summaries\.rss: holds only summaries: none of its 2 entries has its full text .* or pass --summaries/);
    assert.ok(!existsSync(join(content, "2024")));
    const run = await runImportCli(["feed", join(FIXTURES, "summaries.rss"), "--content", content, "--summaries"]);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /summaries\.rss: warning: the feed holds only summaries: its 2 articles hold their summary and a link to the original/);
    const text = await readFile(join(content, "2024/cluster-upgrades/index.md"), "utf8");
    assert.match(
      text,
      /Upgrading a cluster takes three steps, the first of which\n\n\[Read the original\]\(https:\/\/weekly\.example\.org\/blog\/2024\/05\/02\/cluster-upgrades\/\)/,
    );
  });

  it("imports an Atom feed, and one fetched over HTTP", async () => {
    const atom = await readFile(join(FIXTURES, "feed.atom"));
    const server = createServer((request, response) => {
      if (request.url === "/feed.atom") response.writeHead(200, { "content-type": "application/atom+xml" }).end(atom);
      else response.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const content = join(await temporaryFolder(), "content");
      const run = await runImportCli(["feed", `http://127.0.0.1:${port}/feed.atom`, "--content", content]);
      assert.equal(run.code, 0, run.stderr);
      assert.match(run.stdout, /^Imported Atom feed "Le Journal du Lac"/m);
      const fete = await readFile(join(content, "2024/fete-du-lac/index.md"), "utf8");
      assert.match(fete, /^title: Fête <du> lac\ndate: 2024-07-14T23:30:00\+02:00\n/m);
      assert.match(fete, /category: Événements/);
      assert.match(await readFile(join(content, "2024/hiver/index.md"), "utf8"), /Le lac a gelé & fondu\./);
      const gone = await runImportCli(["feed", `http://127.0.0.1:${port}/missing.atom`, "--content", content]);
      assert.equal(gone.code, 1);
      assert.match(gone.stderr, /missing\.atom: answered 404/);
    } finally {
      await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    }
  });
});

const WORDPRESS_CORPORA = join(PROJECT_ROOT, "..", "shared", "corpora", "wordpress");
const corporaAbsent = existsSync(WORDPRESS_CORPORA) ? false : `the shared WordPress exports are not on this machine (${WORDPRESS_CORPORA} is absent)`;

/** The shared exports: how many posts each publishes. */
const SHARED_EXPORTS: readonly (readonly [string, number])[] = [
  ["theme-preview.xml", 7],
  ["block-test-data.xml", 61],
];

describe("the shared WordPress exports", { skip: corporaAbsent }, () => {
  for (const [name, published] of SHARED_EXPORTS) {
    it(`imports ${name} and builds it with every published post published, no block comment left, and every old address leading to its post`, async () => {
      const root = await temporaryFolder();
      const content = join(root, "content");
      const run = await runImportCli(["wordpress", join(WORDPRESS_CORPORA, name), "--content", content]);
      assert.equal(run.code, 0, run.stderr);
      assert.match(run.stdout, new RegExp(`^Articles: ${published}: ${published} new`, "m"));
      const output = join(root, "site");
      const build = await runCli(["--content", content, "--output", output, "--check-links"]);
      assert.equal(build.code, 0, build.stdout + build.stderr);
      assert.match(build.stdout, new RegExp(`articles: ${published} found, ${published} published, 0 draft\\(s\\) left out, 0 invalid left out`));
      assert.match(build.stdout, /, 0 in the site's pages\)/);
      for (const page of filePaths(output).filter((file) => file.endsWith(".html"))) {
        assert.doesNotMatch(await readFile(join(output, page), "utf8"), /<!-- \/?wp:/, page);
      }
      // Every post's /?p=ID, and its permalink where it differs.
      assert.ok((await followOldAddresses(content, output)) >= published);
    });
  }
});

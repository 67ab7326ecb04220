import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { LoadedArchive } from "../../src/content/load-archive.ts";
import { article } from "../support/archive.ts";
import { loadFiles } from "../support/load.ts";

const pathsOf = (archive: LoadedArchive): Record<string, string> =>
  Object.fromEntries(archive.articles.map((item) => [item.sourcePath, item.route.kind === "article" ? item.route.path : ""]));
const redirectsOf = (archive: LoadedArchive, file: string): string[] =>
  archive.articles.find((item) => item.sourcePath === file)?.redirects.map(({ path, query }) => `${path}${query}`) ?? [];
const problems = (archive: LoadedArchive): string[] =>
  archive.diagnostics
    .filter((item) => item.kind !== "missing-category")
    .map((item) => `${item.file}${item.line === undefined ? "" : `:${item.line}`} ${item.severity} ${item.message}`);

const toml = (lines: readonly string[], body = "Body."): string => `+++\n${lines.join("\n")}\n+++\n\n${body}\n`;

describe("where articles are published", () => {
  it("follows the permalink setting, and Zola's path whatever the style", async () => {
    const archive = await loadFiles(
      {
        "a.md": article({ title: "Annual report", date: "2021-04-09" }),
        "Rustup.md": toml(['path = "2019/10/15/Rustup-1.20.0"', 'title = "Rustup"']),
      },
      { permalink: "/news/:year/:title/" },
    );
    assert.deepEqual(pathsOf(archive), { "a.md": "/news/2021/annual-report/", "Rustup.md": "/2019/10/15/Rustup-1.20.0/" });
    assert.equal(archive.articles.find((item) => item.sourcePath === "Rustup.md")?.date.iso, "2019-10-15");
  });

  it("reads Hugo's url and Jekyll's permalink with their style only, and says how many it did not read", async () => {
    const files = {
      "a.md": article({ title: "A", date: "2021-04-09", url: "/Custom/Path-X" }),
      "b.md": article({ title: "B", date: "2021-04-10", permalink: "/custom/:title/" }),
    };
    const plain = await loadFiles(files);
    assert.deepEqual(pathsOf(plain), { "a.md": "/2021/04/09/a/", "b.md": "/2021/04/10/b/" });
    assert.deepEqual(problems(plain), [
      'a.md:4 warning it and 1 other article(s) name their own address with "url" or "permalink", which Jekyll and Hugo read; they are published at the "permalink" setting\'s address instead. To keep those addresses, set "permalinkStyle" to "jekyll" or "hugo"',
    ]);
    const hugo = await loadFiles(files, { permalinkStyle: "hugo" });
    assert.deepEqual(pathsOf(hugo), { "a.md": "/Custom/Path-X/", "b.md": "/custom/b/" });
  });

  it("refuses a path that leaves the site and a permalink with an unknown token, naming the file and line", async () => {
    const archive = await loadFiles(
      {
        "a.md": toml(['path = "../../outside"', 'title = "A"', "date = 2021-04-09"]),
        "b.md": article({ title: "B", date: "2021-04-10", permalink: "/:year/:nonsense/" }),
      },
      { permalinkStyle: "jekyll" },
    );
    assert.deepEqual(archive.articles, []);
    assert.deepEqual(problems(archive), [
      `a.md:2 error its "path" "../../outside" leaves the site (its ".." goes above the site's root); write the article's address from the site's root, such as "/2019/10/15/release/"`,
      `b.md:4 error its "permalink" "/:year/:nonsense/" is not a permalink pattern: unknown token ":nonsense" in the permalink "/:year/:nonsense/"; the tokens are :year :month :day :slug :title :filename :category :section`,
    ]);
  });

  it("never gives an article an address of the site's own pages", async () => {
    const archive = await loadFiles({
      "a.md": toml(['path = "archive"', 'title = "A"', "date = 2021-04-09"]),
      "b.md": toml(['path = "2021/04"', 'title = "B"', "date = 2021-04-09"]),
    });
    assert.deepEqual(archive.articles, []);
    assert.deepEqual(problems(archive), [
      `a.md:2 error would be published at /archive/, the site's own "/archive", a page of the site; change its "path" (nothing was overwritten: this one was left out)`,
      `b.md:2 error would be published at /2021/04/, the date page /2021/04/, a page of the site; change its "path" (nothing was overwritten: this one was left out)`,
    ]);
  });
});

describe("old addresses of articles", () => {
  it("become redirects: relative ones from the site's root, or from the article's folder as Hugo reads them", async () => {
    const files = {
      "a.md": article({ title: "A", date: "2021-04-09", aliases: "[old-a, /x/old.html, https://old.example.org/p/3/, /?p=12]", redirect_from: "/blog/?p=12" }),
    };
    assert.deepEqual(redirectsOf(await loadFiles(files), "a.md"), ["/old-a/", "/x/old.html", "/p/3/", "/?p=12", "/blog/?p=12"]);
    assert.deepEqual(redirectsOf(await loadFiles(files, { permalinkStyle: "hugo", permalink: "/blog/:year/:slug/" }), "a.md")[0], "/blog/2021/old-a/");
  });

  it("drop an old address that is the article's own, and refuse one that is another article's, another's old address or a page of the site", async () => {
    const archive = await loadFiles({
      "a.md": article({ title: "A", date: "2021-04-09", redirect_from: "[/2021/04/09/a/, /2021/04/10/b/, /search/, /old/]" }),
      "b.md": article({ title: "B", date: "2021-04-10", redirect_from: "[/OLD/, /other/]" }),
    });
    assert.deepEqual(redirectsOf(archive, "a.md"), ["/old/"]);
    assert.deepEqual(redirectsOf(archive, "b.md"), ["/other/"]);
    assert.deepEqual(problems(archive), [
      `a.md:4 error the old address "/2021/04/10/b/" in "redirect_from" is the URL of b.md, so it cannot lead here; remove it from one of them (no redirect was written for it)`,
      `a.md:4 error the old address "/search/" in "redirect_from" is the site's own "/search", a page of the site, so it cannot lead here; remove it from one of them (no redirect was written for it)`,
      `b.md:4 error the old address "/OLD/" in "redirect_from" is an old address of a.md too, so it cannot lead here; remove it from one of them (no redirect was written for it)`,
    ]);
  });

  it("are compared by the file each is written to: /x/index.html is the page /x/, /index.html the home page", async () => {
    const archive = await loadFiles({
      "a.md": article({ title: "A", date: "2021-04-09", redirect_from: "[/index.html, /2021/04/10/b/index.html, /2021/04/09/index.html]" }),
      "b.md": article({ title: "B", date: "2021-04-10" }),
      "c.md": toml(['path = "2021/04/10/b/index.html"', 'title = "C"', "date = 2021-04-11"]),
    });
    assert.deepEqual(redirectsOf(archive, "a.md"), []);
    assert.deepEqual(pathsOf(archive), { "a.md": "/2021/04/09/a/", "b.md": "/2021/04/10/b/" });
    assert.deepEqual(problems(archive), [
      `a.md:4 error the old address "/index.html" in "redirect_from" is the home page, a page of the site, so it cannot lead here; remove it from one of them (no redirect was written for it)`,
      `a.md:4 error the old address "/2021/04/10/b/index.html" in "redirect_from" is the URL of b.md, so it cannot lead here; remove it from one of them (no redirect was written for it)`,
      `a.md:4 error the old address "/2021/04/09/index.html" in "redirect_from" is the date page /2021/04/09/index.html, a page of the site, so it cannot lead here; remove it from one of them (no redirect was written for it)`,
      `c.md:2 error would be published at /2021/04/10/b/index.html, the URL of b.md; change its "path" (nothing was overwritten: this one was left out)`,
    ]);
  });

  it('are literal paths: a "*" or a part starting with ":", which hosts read as patterns in _redirects, is refused with its file and line', async () => {
    const archive = await loadFiles({
      "a.md": article({ title: "A", date: "2021-04-09", redirect_from: '["/*", "/:section/", "/a%2A/", "/?p=:id", "/ok/:kept/"]' }),
      "b.md": toml(['path = "/:splat/"', 'title = "B"', "date = 2021-04-10"]),
    });
    assert.deepEqual(redirectsOf(archive, "a.md"), []);
    assert.deepEqual(pathsOf(archive), { "a.md": "/2021/04/09/a/" });
    assert.deepEqual(
      problems(archive).map((line) => line.replace(/; write an old address.*$/, "")),
      [
        `a.md:4 error the old address "/*" in "redirect_from" has a "*", which hosts that read _redirects (Netlify, Cloudflare Pages) take for a wildcard matching every address; remove it`,
        `a.md:4 error the old address "/:section/" in "redirect_from" has a part starting with ":" (":section"), which hosts that read _redirects (Netlify, Cloudflare Pages) take for a placeholder matching any text; remove the ":" or put a letter before it`,
        `a.md:4 error the old address "/a%2A/" in "redirect_from" has a "*", which hosts that read _redirects (Netlify, Cloudflare Pages) take for a wildcard matching every address; remove it`,
        `a.md:4 error the old address "/?p=:id" in "redirect_from" has a query value starting with ":" (":id"), which hosts that read _redirects (Netlify, Cloudflare Pages) take for a placeholder matching any value; remove it`,
        `a.md:4 error the old address "/ok/:kept/" in "redirect_from" has a part starting with ":" (":kept"), which hosts that read _redirects (Netlify, Cloudflare Pages) take for a placeholder matching any text; remove the ":" or put a letter before it`,
        `b.md:2 error its "path" "/:splat/" has a part starting with ":" (":splat"), which hosts that read _redirects (Netlify, Cloudflare Pages) take for a placeholder matching any text; remove the ":" or put a letter before it; write the article's address from the site's root, such as "/2019/10/15/release/"`,
      ],
    );
  });

  it("are refused when they leave the site or are not text", async () => {
    const archive = await loadFiles({ "a.md": article({ title: "A", date: "2021-04-09", aliases: "[../../x, 3]" }) });
    assert.deepEqual(problems(archive), [
      'a.md:4 error "aliases" must be an old address or a list of them, written as text, such as ["/old/page.html"], not a number',
    ]);
    const leaving = await loadFiles({ "a.md": article({ title: "A", date: "2021-04-09", aliases: "../../x" }) });
    assert.match(problems(leaving)[0] ?? "", /^a\.md:4 error the old address "\.\.\/\.\.\/x" in "aliases" leaves the site/);
  });
});

describe("authors", () => {
  it("are one per slug, named as the settings say, with a warning for another spelling and for a name without a page", async () => {
    const archive = await loadFiles(
      {
        "a.md": article({ title: "A", date: "2021-04-09", author: "ashmaroli" }),
        "b.md": article({ title: "B", date: "2021-04-10", authors: "[Ann Lee, 张伟]" }),
        "c.md": article({ title: "C", date: "2021-04-11", author: "ann lee" }),
        "d.md": article({ title: "D", date: "2021-04-12", author: "Ann Lee" }),
      },
      { authors: { ashmaroli: { name: "Ashwin Maroli", bio: "Maintains Jekyll.", url: "https://example.org/ashwin" } } },
    );
    assert.deepEqual(
      archive.articles.map((item) => item.authors),
      [
        [{ slug: "ashmaroli", name: "Ashwin Maroli", bio: "Maintains Jekyll.", url: "https://example.org/ashwin" }],
        [
          { slug: "ann-lee", name: "Ann Lee" },
          { slug: "", name: "张伟" },
        ],
        [{ slug: "ann-lee", name: "Ann Lee" }],
        [{ slug: "ann-lee", name: "Ann Lee" }],
      ],
    );
    assert.deepEqual(problems(archive), [
      `b.md warning the author "张伟" has no letter or digit a URL can hold, so they have no author page; give them a "slug" in the "authors" setting ("authors": {"张伟": {"slug": "..."}})`,
      `c.md warning the author "ann lee" (in 1 article(s)) differs from "Ann Lee" only in case, accents or punctuation; both are shown as "Ann Lee". Write one spelling, or name them in the "authors" setting`,
    ]);
  });
});

describe("what else archives carry", () => {
  it("reads canonical, the card image, lastmod, description and excerpt under the names Jekyll, Hugo and Zola give them", async () => {
    const archive = await loadFiles({
      "a.md": article({
        title: "A",
        date: "2021-04-09",
        canonicalUrl: "https://example.org/original/",
        images: "[/img/a.png]",
        lastmod: "2021-05-01",
        description: "The description.",
      }),
      "b.md": article({ title: "B", date: "2021-04-10", cover: "{ image: cover.jpg }", excerpt: "The excerpt." }),
    });
    const [a, b] = archive.articles;
    assert.deepEqual([a?.canonical, a?.image, a?.updated?.iso, a?.summary], ["https://example.org/original/", "/img/a.png", "2021-05-01", "The description."]);
    assert.deepEqual([b?.image, b?.summary], ["cover.jpg", "The excerpt."]);
  });

  it("refuses a canonical address that is neither a URL nor a path from the site's root", async () => {
    const archive = await loadFiles({ "a.md": article({ title: "A", date: "2021-04-09", canonical: "example.org/a" }) });
    assert.match(problems(archive)[0] ?? "", /^a\.md:4 error "canonical" must be an absolute URL/);
  });

  it("takes the excerpt from before <!--more-->, and shows a title once when the body starts with it", async () => {
    const archive = await loadFiles({
      "a.md": article(
        { title: "Node v0.10.0 (Stable)", date: "2021-04-09" },
        "# Node v0.10.0 (stable)\n\nFirst part.\n\n- a point\n\n<!--more-->\n\nThe rest.",
      ),
      "b.md": article({ title: "B", date: "2021-04-10" }, "# Another heading\n\nText."),
    });
    const [a, b] = archive.articles;
    assert.equal(a?.excerpt, "First part. a point");
    assert.doesNotMatch(a?.bodyHtml ?? "", /<h1>/);
    // Kept, one level below the page's title.
    assert.match(b?.bodyHtml ?? "", /<h2>Another heading<\/h2>/);
  });

  it("leaves out, with a warning, a file with front matter but no title, date or text: a page only a template used", async () => {
    const archive = await loadFiles({ "a.md": article({ title: "A", date: "2021-04-09" }), "latest.md": toml(['template = "latest.html"'], "") });
    assert.deepEqual([archive.articles.length, archive.counts.articleFiles, archive.counts.skippedFiles, archive.counts.invalidLeftOut], [1, 1, 1, 0]);
    assert.match(problems(archive)[0] ?? "", /^latest\.md:1 warning has neither a title, a date nor any text/);
  });
});

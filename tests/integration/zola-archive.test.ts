import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { before, describe, it } from "node:test";
import { PROJECT_ROOT } from "../../src/core/project.ts";
import { temporaryFolder } from "../support/archive.ts";
import { readPage, runCli, type CliRun } from "../support/cli.ts";

/** tests/fixtures/zola: an archive written as Zola writes one (see its README). */
const content = join(PROJECT_ROOT, "tests/fixtures/zola/content");

/** Each page's `path` and `aliases`, as its front matter writes them. */
const PAGES = [
  { path: "2019/10/15/Toolchain-1.20.0", aliases: ["2019/10/15/Toolchain-1.20.0.html"], title: "Announcing Toolchain 1.20.0" },
  { path: "2026/03/26/1.94.1-release", aliases: ["releases/1.94.1"], title: "Announcing 1.94.1" },
  { path: "inside-rust/2020/07/27/1.45.1-prerelease", aliases: ["inside-rust/2020/07/27/1.45.1-prerelease.html"], title: "1.45.1 prerelease testing" },
  { path: "2024/02/19/2023-Survey-results", aliases: [], title: "2023 Survey results" },
];

/** The file a browser gets for a path: a folder's index.html, or the .html file itself. */
const fileOf = (path: string): string => (path.endsWith(".html") ? path : `${path}/index.html`);

describe("building a Zola archive with no settings", () => {
  let output: string;
  let run: CliRun;

  before(async () => {
    output = join(await temporaryFolder(), "site");
    run = await runCli(["--content", content, "--output", output, "--check-links"]);
  });

  it("publishes every page, and leaves out the _index.md section files and a page only a template uses, with a warning each", () => {
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /^articles: 4 found, 4 published/m);
    assert.match(run.stderr, /releases\/latest\.md:1: warning: has neither a title, a date nor any text, so it is not an article/);
    assert.match(run.stderr, /_index\.md: warning: is not an article/);
    assert.match(run.stderr, /inside-rust\/_index\.md: warning: is not an article/);
    assert.doesNotMatch(run.stderr, /error:/);
  });

  it("puts every page at its path exactly, case and dots kept, dated by the path when it has no date", async () => {
    for (const page of PAGES) {
      const html = await readPage(output, fileOf(page.path));
      assert.equal(html.querySelector("h1")?.textContent, page.title, page.path);
    }
    const toolchain = await readPage(output, fileOf(PAGES[0]?.path ?? ""));
    assert.equal(toolchain.querySelector(".article-meta time")?.getAttribute("datetime"), "2019-10-15");
    // Listed on the day its path names.
    const day = await readPage(output, "2019/10/15/index.html");
    assert.deepEqual(
      [...day.querySelectorAll(".article-item-title a")].map((link) => link.getAttribute("href")),
      ["/2019/10/15/Toolchain-1.20.0/"],
    );
  });

  it("makes every alias a redirect page to its article, and lists them all in _redirects", async () => {
    const redirects = (await readFile(join(output, "_redirects"), "utf8")).trim().split("\n");
    const aliases = PAGES.flatMap((page) => page.aliases.map((alias) => ({ alias, page })));
    assert.equal(redirects.length, aliases.length);
    for (const { alias, page } of aliases) {
      const redirect = await readPage(output, fileOf(alias));
      assert.equal(redirect.querySelector('meta[http-equiv="refresh"]')?.getAttribute("content"), `0; url=/${page.path}/`);
      assert.equal(redirect.querySelector('meta[name="robots"]')?.getAttribute("content"), "noindex");
      assert.equal(redirect.querySelector('link[rel="canonical"]')?.getAttribute("href"), `/${page.path}/`);
      assert.equal(redirect.querySelector("a")?.getAttribute("href"), `/${page.path}/`);
      assert.ok(redirects.includes(`/${alias}${alias.endsWith(".html") ? "" : "/"} /${page.path}/ 301`), alias);
    }
    assert.match(run.stdout, /^links: \d+ internal links checked on \d+ pages, 0 broken/m);
  });

  it("reads the authors lists, [extra], [taxonomies], description and updated of TOML front matter", async () => {
    const survey = await readPage(output, fileOf(PAGES[3]?.path ?? ""));
    assert.deepEqual(
      [...survey.querySelectorAll(".byline a")].map((link) => [link.textContent, link.getAttribute("href")]),
      [
        ["The Survey Team", "/author/the-survey-team/"],
        ["Ann Lee", "/author/ann-lee/"],
      ],
    );
    assert.deepEqual(
      [...survey.querySelectorAll(".article-tags a")].map((link) => link.textContent),
      ["survey", "community"],
    );
    assert.equal(survey.querySelector(".article-updated time")?.getAttribute("datetime"), "2024-03-01");
    assert.equal(survey.querySelector('meta[property="og:image"]')?.getAttribute("content"), "/2024/02/19/2023-Survey-results/chart.svg");
    assert.ok(existsSync(join(output, "2024/02/19/2023-Survey-results/chart.svg")));
    const release = await readPage(output, fileOf(PAGES[1]?.path ?? ""));
    assert.equal(release.querySelector('meta[name="description"]')?.getAttribute("content"), "A point release that fixes two regressions.");
    // The body's "# Announcing 1.94.1" repeats the title: the page shows it once.
    assert.equal(release.querySelectorAll("h1").length, 1);
    assert.ok(existsSync(join(output, "author/the-release-team/feed.xml")));
  });

  it("links Zola's internal links (@/page.md) to the page", async () => {
    const prerelease = await readPage(output, fileOf(PAGES[2]?.path ?? ""));
    assert.equal(prerelease.querySelector(".article-body a")?.getAttribute("href"), "/2019/10/15/Toolchain-1.20.0/#top");
  });
});

import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, it } from "node:test";
import { article, makeArchive, temporaryFolder } from "../support/archive.ts";
import { readPage, runCli } from "../support/cli.ts";
import { treeDigest } from "../support/tree.ts";

/**
 * Issue 28, cases 1 and 2: what an author's page bundle can publish. Its
 * files stay under the article's own folder, no written file replaces
 * another, and with "sanitize" on no bundle file runs script on the site.
 */

const victim = { "2021/ok.md": article({ title: "Another author's article", date: "2021-01-02", category: "News", slug: "ok" }, "The real text.") };

/** A bundle whose files are named like the site's own files and another author's page. */
const hostileBundleFiles = {
  "evil/index.html": "<h1>defaced</h1>",
  "evil/404.html": "<h1>defaced 404</h1>",
  "evil/_redirects": "/* https://evil.example 301!\n",
  "evil/2021/01/02/ok/index.html": "<h1>defaced article</h1>",
  "evil/assets/x.css": "body{display:none}",
  "evil/sw.js": "self.addEventListener('fetch', () => {});",
  "evil/chart.svg": '<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"/>',
};

describe("a page bundle's files", () => {
  it("are published under the article's own folder, even when its address is a file at the site's root, and its links still find them", async () => {
    const content = await makeArchive({
      ...victim,
      ...hostileBundleFiles,
      "evil/index.md": article({ title: "Evil", date: "2021-01-03", category: "News", path: '"/foo.html"' }, "![A chart](chart.svg)"),
    });
    const output = join(await temporaryFolder(), "site");
    const run = await runCli(["--content", content, "--output", output]);
    assert.equal(run.code, 0, run.stderr);

    assert.equal((await readPage(output, "index.html")).querySelector("h1")?.textContent?.includes("defaced"), false);
    assert.equal((await readPage(output, "2021/01/02/ok/index.html")).querySelector("h1")?.textContent, "Another author's article");
    assert.doesNotMatch(await readFile(join(output, "404.html"), "utf8"), /defaced/);
    assert.doesNotMatch(await readFile(join(output, "sw.js"), "utf8"), /addEventListener\('fetch', \(\) => \{\}\)/);
    assert.equal(existsSync(join(output, "_redirects")), false, "no article has an old address, so there is no _redirects");
    assert.deepEqual(
      (await readdir(join(output, "assets"))).filter((name) => name === "x.css"),
      [],
    );

    const bundle = (await readdir(join(output, "foo"), { recursive: true })).sort();
    assert.deepEqual(bundle, [
      "2021",
      "2021/01",
      "2021/01/02",
      "2021/01/02/ok",
      "2021/01/02/ok/index.html",
      "404.html",
      "_redirects",
      "assets",
      "assets/x.css",
      "chart.svg",
      "index.html",
      "sw.js",
    ]);
    const image = (await readPage(output, "foo.html")).querySelector(".article-body img")?.getAttribute("src");
    assert.equal(image, "foo/chart.svg");
    assert.ok(existsSync(join(output, image)), "the article's link leads to its bundle's file");
  });

  it("may not replace any other written file: the build names both, writes nothing, and --keep-going leaves only that file out", async () => {
    const content = await makeArchive({
      ...victim,
      "report/index.md": article({ title: "Report", date: "2021-01-03", category: "News", slug: "report" }, "Text."),
      "report/index.html": "<h1>defaced</h1>",
      "report/data.csv": "a,b\n",
    });
    const output = join(await temporaryFolder(), "site");
    const first = await runCli(["--content", content, "--output", output, "--keep-going"]);
    assert.equal(first.code, 0, first.stderr);
    assert.match(
      first.stderr,
      /report\/index\.html: error: the page-bundle file report\/index\.html would be written at \/2021\/01\/03\/report\/index\.html, where the article report\/index\.md is written; it was left out/,
    );
    assert.equal((await readPage(output, "2021/01/03/report/index.html")).querySelector("h1")?.textContent, "Report");
    assert.ok(existsSync(join(output, "2021/01/03/report/data.csv")));

    const before = await treeDigest(output);
    const failed = await runCli(["--content", content, "--output", output]);
    assert.equal(failed.code, 1);
    assert.match(
      failed.stderr,
      /report\/index\.html: error: the page-bundle file report\/index\.html would be written at \/2021\/01\/03\/report\/index\.html, where the article report\/index\.md is written/,
    );
    assert.deepEqual(await treeDigest(output), before);
  });
});

describe('a page bundle with the "sanitize" setting on', () => {
  it("publishes its SVG images sanitized, and refuses its pages and scripts with an error naming each", async () => {
    const content = await makeArchive({
      "report/index.md": article({ title: "Report", date: "2021-01-03", category: "News", slug: "report" }, "![Chart](chart.svg)"),
      "report/chart.svg":
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 4 4" onload="alert(1)"><script>alert(2)</script><rect width="4" height="4" fill="#2f6b3f"/></svg>',
      "report/evil.html": "<script>alert(3)</script>",
      "report/lib/app.js": "alert(4)",
      "report/data.csv": "a,b\n",
      "news-archive.json": JSON.stringify({ sanitize: true }),
    });
    const output = join(await temporaryFolder(), "site");
    const failed = await runCli(["--content", content, "--output", output]);
    assert.equal(failed.code, 1);
    assert.match(
      failed.stderr,
      /report\/evil\.html: error: is a page or a script \(\.html\), which would run on the site's pages; "sanitize" is on, so a page bundle publishes no file that runs script on the site/,
    );
    assert.match(failed.stderr, /report\/lib\/app\.js: error: is a page or a script \(\.js\)/);
    assert.match(
      failed.stderr,
      /report\/chart\.svg: warning: held what could run or fetch something \(event handler 1, script 1\), which was removed as "sanitize" is on/,
    );
    assert.equal(existsSync(output), false);

    const kept = await runCli(["--content", content, "--output", output, "--keep-going"]);
    assert.equal(kept.code, 0, kept.stderr);
    const folder = join(output, "2021/01/03/report");
    assert.deepEqual((await readdir(folder)).sort(), ["chart.svg", "data.csv", "index.html"]);
    const svg = await readFile(join(folder, "chart.svg"), "utf8");
    assert.doesNotMatch(svg, /script|onload|alert/);
    assert.match(svg, /<rect width="4" height="4" fill="#2f6b3f">/);
  });

  it("is published as it is with the setting off, as the documentation says", async () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>';
    const content = await makeArchive({
      "report/index.md": article({ title: "Report", date: "2021-01-03", category: "News", slug: "report" }),
      "report/chart.svg": svg,
      "report/page.html": "<p>x</p>",
    });
    const output = join(await temporaryFolder(), "site");
    assert.equal((await runCli(["--content", content, "--output", output])).code, 0);
    assert.equal(await readFile(join(output, "2021/01/03/report/chart.svg"), "utf8"), svg);
    assert.ok(existsSync(join(output, "2021/01/03/report/page.html")));
  });
});

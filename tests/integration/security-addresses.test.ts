import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, it } from "node:test";
import { article, makeArchive, temporaryFolder } from "../support/archive.ts";
import { runCli } from "../support/cli.ts";

/**
 * Issue 28, cases 3 and 11: what an author or a setting can put into
 * `_redirects`, robots.txt and the pages' image links.
 */
describe("old addresses and own paths as hosts read _redirects", () => {
  it("refuses wildcards and placeholders with file and line, and writes only literal rules", async () => {
    const content = await makeArchive({
      "hijack.md": article({ title: "Hijack", date: "2021-01-02", category: "News", redirect_from: '["/*", "/:section/", "/old/page.html"]' }),
      "splat.md": article({ title: "Splat", date: "2021-01-03", category: "News", path: '"/:splat/"' }),
    });
    const output = join(await temporaryFolder(), "site");
    const failed = await runCli(["--content", content, "--output", output]);
    assert.equal(failed.code, 1);
    assert.match(
      failed.stderr,
      /hijack\.md:5: error: the old address "\/\*" in "redirect_from" has a "\*", which hosts that read _redirects \(Netlify, Cloudflare Pages\) take for a wildcard/,
    );
    assert.match(failed.stderr, /hijack\.md:5: error: the old address "\/:section\/" in "redirect_from" has a part starting with ":"/);
    assert.match(failed.stderr, /splat\.md:5: error: its "path" "\/:splat\/" has a part starting with ":"/);
    assert.equal(existsSync(output), false);

    const kept = await runCli(["--content", content, "--output", output, "--keep-going"]);
    assert.equal(kept.code, 0, kept.stderr);
    assert.deepEqual((await readFile(join(output, "_redirects"), "utf8")).split("\n"), ["/old/page.html /2021/01/02/hijack/ 301", ""]);
  });
});

describe("settings that reach _redirects and robots.txt", () => {
  it("refuses a base path or site URL holding a line break, quotes or a pattern", async () => {
    const content = await makeArchive({ "a.md": article({ title: "A", date: "2021-01-02", category: "News" }) });
    const output = join(await temporaryFolder(), "site");
    for (const [flag, value] of [
      ["--base-path", "/news/\nDisallow: /"],
      ["--base-path", '/news"/'],
      ["--base-path", "/:lang/"],
      ["--site-url", "https://example.org/*/"],
      ["--site-url", "https://example.org/\nDisallow: /x"],
      ["--site-url", 'https://example.org/"x'],
    ] as const) {
      const run = await runCli(["--content", content, "--output", output, flag, value]);
      assert.equal(run.code, 2, `${flag} ${JSON.stringify(value)}: ${run.stderr}`);
      assert.match(
        run.stderr,
        flag === "--base-path" || value.includes("*") ? /basePath|base path/ : /expected an absolute http\(s\) URL/,
        JSON.stringify(value),
      );
    }
    assert.equal(existsSync(output), false);
  });
});

describe("an article's card image", () => {
  it("refuses javascript: and data: addresses with file and line", async () => {
    const content = await makeArchive({
      "a.md": article({ title: "A", date: "2021-01-02", category: "News", image: '"javascript:alert(1)"' }),
      "b.md": article({ title: "B", date: "2021-01-03", category: "News", cover: '" data:text/html,<script>alert(1)</script>"' }),
      "c.md": article({ title: "C", date: "2021-01-04", category: "News", image: '"https://example.org/c.png"' }),
    });
    const output = join(await temporaryFolder(), "site");
    const run = await runCli(["--content", content, "--output", output]);
    assert.equal(run.code, 1);
    assert.match(
      run.stderr,
      /a\.md:5: error: "image" must name an image: a file beside the article, a path from the site's root or an http\(s\) URL, not a javascript: address/,
    );
    assert.match(
      run.stderr,
      /b\.md:5: error: "cover" must name an image: a file beside the article, a path from the site's root or an http\(s\) URL, not a data: address/,
    );
    assert.doesNotMatch(run.stderr, /c\.md/);
  });
});

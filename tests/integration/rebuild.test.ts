import assert from "node:assert/strict";
import { readdir, rm, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, it } from "node:test";
import { article, makeArchive, temporaryFolder, writeFiles } from "../support/archive.ts";
import { runCli } from "../support/cli.ts";
import { treeDigest } from "../support/tree.ts";

/** 2021-06-15: every build prints the same day. */
const BUILD_DAY = "1623758400";

const fixture = {
  "2021/alpha.md": article({ title: "Alpha", date: "2021-03-01", category: "News", tags: "[energy]" }, "The summary lists show.\n\nFirst version."),
  "2021/bravo.md": article({ title: "Bravo", date: "2021-04-02", category: "News" }),
  "2021/charlie.md": article({ title: "Charlie", date: "2021-05-01", category: "Events", tags: "[energy]" }),
  "news-archive.json": JSON.stringify({ title: "Rebuilt archive", timeZone: "UTC", siteUrl: "https://example.org/" }),
};

const inode = async (file: string): Promise<number> => (await stat(file)).ino;

describe("a rebuild over the previous output", () => {
  it("links the unchanged pages from the previous output, renders the edited ones, and writes the same bytes as a build from scratch", async () => {
    const content = await makeArchive(fixture);
    const root = await temporaryFolder();
    const output = join(root, "site");
    const cached = ["--content", content, "--output", output, "--cache-dir", join(root, "cache")];
    const first = await runCli(cached, { SOURCE_DATE_EPOCH: BUILD_DAY });
    assert.equal(first.code, 0, first.stderr);
    assert.match(first.stdout, /^pages: (\d+) written to .* \(\1 rendered by 1 worker thread\)$/m);
    const [bravoPage, alphaPage] = [join(output, "2021/04/02/bravo/index.html"), join(output, "2021/03/01/alpha/index.html")];
    const [bravoBefore, alphaBefore] = [await inode(bravoPage), await inode(alphaPage)];

    // A later paragraph of Alpha: lists show the first, so only its own page changes.
    await writeFiles(content, {
      "2021/alpha.md": article({ title: "Alpha", date: "2021-03-01", category: "News", tags: "[energy]" }, "The summary lists show.\n\nSecond version."),
    });
    const second = await runCli(cached, { SOURCE_DATE_EPOCH: BUILD_DAY });
    assert.equal(second.code, 0, second.stderr);
    const pages = /^pages: (\d+) written to .* \(1 rendered by 1 worker thread, (\d+) unchanged, kept from the previous build\)$/m.exec(second.stdout);
    assert.ok(pages !== null, second.stdout);
    assert.equal(Number(pages[2]), Number(pages[1]) - 1);
    assert.equal(await inode(bravoPage), bravoBefore, "an unchanged page is the previous build's file");
    assert.notEqual(await inode(alphaPage), alphaBefore, "the edited page is written anew");

    const fresh = join(root, "fresh");
    const scratch = await runCli(["--content", content, "--output", fresh, "--no-cache"], { SOURCE_DATE_EPOCH: BUILD_DAY });
    assert.equal(scratch.code, 0, scratch.stderr);
    assert.deepEqual(await treeDigest(output), await treeDigest(fresh));
  });

  it("renders every page again when the settings change what every page prints", async () => {
    const content = await makeArchive(fixture);
    const root = await temporaryFolder();
    const output = join(root, "site");
    const cached = ["--content", content, "--output", output, "--cache-dir", join(root, "cache")];
    assert.equal((await runCli(cached)).code, 0);
    await writeFile(join(content, "news-archive.json"), JSON.stringify({ title: "Renamed archive", timeZone: "UTC", siteUrl: "https://example.org/" }));
    const renamed = await runCli(cached);
    assert.equal(renamed.code, 0, renamed.stderr);
    assert.match(renamed.stdout, /^pages: (\d+) written to .* \(\1 rendered by 1 worker thread\)$/m);
  });

  it("writes a page edited by hand in the output folder anew instead of linking it", async () => {
    const content = await makeArchive(fixture);
    const root = await temporaryFolder();
    const output = join(root, "site");
    const cached = ["--content", content, "--output", output, "--cache-dir", join(root, "cache")];
    assert.equal((await runCli(cached, { SOURCE_DATE_EPOCH: BUILD_DAY })).code, 0);
    const page = join(output, "2021/04/02/bravo/index.html");
    const expected = await treeDigest(output);
    await writeFile(page, "edited by hand");
    const again = await runCli(cached, { SOURCE_DATE_EPOCH: BUILD_DAY });
    assert.equal(again.code, 0, again.stderr);
    assert.match(again.stdout, /\(1 rendered by 1 worker thread, \d+ unchanged, kept from the previous build\)/);
    assert.deepEqual(await treeDigest(output), expected);
  });
});

describe("a rebuild over the output the build before replaced", () => {
  /** The output the last build replaced and kept in the build cache, to start the next from. */
  const keptOutput = async (cache: string): Promise<string> => {
    const kept = (await readdir(cache, { recursive: true })).filter((path) => path.endsWith(".replaced"));
    assert.equal(kept.length, 1, `one kept output in the cache: ${kept.join(", ")}`);
    return join(cache, kept[0] ?? "");
  };

  it("never writes into the output it replaces, removes what the site no longer has, and writes the same bytes as a build from scratch", async () => {
    const content = await makeArchive(fixture);
    const root = await temporaryFolder();
    const [output, cache] = [join(root, "site"), join(root, "cache")];
    const cached = ["--content", content, "--output", output, "--cache-dir", cache];
    const alpha = (paragraph: string): string =>
      article({ title: "Alpha", date: "2021-03-01", category: "News", tags: "[energy]" }, `The summary lists show.\n\n${paragraph}`);
    const edits: readonly (() => Promise<void>)[] = [
      async () => void (await writeFiles(content, { "2021/alpha.md": alpha("Second version.") })),
      // Bravo goes, Delta comes: a page and its folder to remove from the output the build starts from.
      async () => {
        await rm(join(content, "2021/bravo.md"));
        await writeFiles(content, { "2021/delta.md": article({ title: "Delta", date: "2021-07-01", category: "Events" }) });
      },
      // Back to the first version: the index's period folder of the output the build starts from is the one wanted.
      async () => void (await writeFiles(content, { "2021/alpha.md": alpha("First version.") })),
      async () => undefined,
    ];
    assert.equal((await runCli(cached, { SOURCE_DATE_EPOCH: BUILD_DAY })).code, 0);
    for (const [index, edit] of edits.entries()) {
      await edit();
      const before = await treeDigest(output);
      const build = await runCli(cached, { SOURCE_DATE_EPOCH: BUILD_DAY });
      assert.equal(build.code, 0, build.stderr);
      const kept = await treeDigest(await keptOutput(cache));
      // With the record of what made it, which the next build takes out.
      assert.ok(kept.delete(".news-archive-record.bin"), "the kept output's record is in it");
      assert.deepEqual(kept, before, `build ${index + 2}: the output replaced is as it was`);
      const fresh = join(root, `fresh-${index}`);
      assert.equal((await runCli(["--content", content, "--output", fresh, "--no-cache"], { SOURCE_DATE_EPOCH: BUILD_DAY })).code, 0);
      assert.deepEqual(await treeDigest(output), await treeDigest(fresh), `build ${index + 2}: the same bytes as a build from scratch`);
    }
    assert.deepEqual((await readdir(root)).filter((name) => !name.startsWith("fresh-")).sort(), ["cache", "site"], "nothing left beside the output");
  });
});

describe("a build cache that cannot be written", () => {
  it("is a warning, whether the site is written or errors stop the build", async () => {
    const content = await makeArchive(fixture);
    const root = await temporaryFolder();
    // A file where the cache's folder should be: no folder can be made there.
    const cacheDir = join(root, "cache");
    await writeFile(cacheDir, "not a folder");
    const args = ["--content", content, "--output", join(root, "site"), "--cache-dir", cacheDir];
    const built = await runCli(args, { SOURCE_DATE_EPOCH: BUILD_DAY });
    assert.equal(built.code, 0, built.stderr);
    assert.match(built.stderr, /: warning: .*the build cache could not be written \(E[A-Z]+\), so the next build reads every article/);

    await writeFiles(content, { "2021/broken.md": article({ title: "Broken", date: "2021-02-30", category: "News" }) });
    const stopped = await runCli(args, { SOURCE_DATE_EPOCH: BUILD_DAY });
    assert.equal(stopped.code, 1);
    assert.match(stopped.stderr, /the build cache could not be written \(E[A-Z]+\)/);
    assert.match(stopped.stderr, /build failed: 1 error\(s\) above/);
  });
});

describe("a worker thread's failure", () => {
  it("fails the build with the template's error and what caused it, and leaves the previous output and no staging folder", async () => {
    const content = await makeArchive(fixture);
    const root = await temporaryFolder();
    const output = join(root, "site");
    assert.equal((await runCli(["--content", content, "--output", output, "--no-cache"], { SOURCE_DATE_EPOCH: BUILD_DAY })).code, 0);
    const before = await treeDigest(output);
    await writeFiles(content, {
      "layouts/article-page.njk": '{% extends "base.njk" %}{% block main %}{{ entry.title | nosuchfilter }}{% endblock %}',
      "news-archive.json": JSON.stringify({ title: "Rebuilt archive", timeZone: "UTC", siteUrl: "https://example.org/", layouts: "layouts" }),
    });
    const failed = await runCli(["--content", content, "--output", output, "--no-cache"], { SOURCE_DATE_EPOCH: BUILD_DAY });
    assert.notEqual(failed.code, 0);
    assert.match(failed.stderr, /Having trouble rendering njk template[^\n]*\n\s+caused by:[\s\S]*filter not found: nosuchfilter/);
    assert.deepEqual(await treeDigest(output), before);
    assert.deepEqual(await readdir(root), ["site"]);
  });
});

import assert from "node:assert/strict";
import { chmod, readdir, readFile, symlink } from "node:fs/promises";
import { join } from "node:path";
import { describe, it } from "node:test";
import { PROJECT_ROOT } from "../../src/core/project.ts";
import { formatDiagnostic } from "../../src/core/diagnostics.ts";
import { article, makeArchive, temporaryFolder, writeFiles } from "../support/archive.ts";
import { runCli, runProgram } from "../support/cli.ts";
import { loadFolder } from "../support/load.ts";

const FIXTURES = join(PROJECT_ROOT, "tests/fixtures/bad-input");
const cases = JSON.parse(await readFile(join(FIXTURES, "cases.json"), "utf8")) as Record<string, string>;

async function whatTheLoaderSays(contentDir: string): Promise<string[]> {
  const archive = await loadFolder(contentDir);
  return [`published: ${archive.articles.length}`, ...archive.diagnostics.map((diagnostic) => formatDiagnostic(diagnostic, "content"))];
}

describe("bad input in tests/fixtures/bad-input", () => {
  it("has a sentence for every case folder, and at least 30 cases", async () => {
    const folders = (await readdir(FIXTURES, { withFileTypes: true }))
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();
    assert.deepEqual(folders, Object.keys(cases).sort());
    assert.ok(folders.length >= 30);
  });

  for (const [name, sentence] of Object.entries(cases)) {
    it(`${name}: ${sentence}`, async () => {
      const expected = (await readFile(join(FIXTURES, name, "expected.txt"), "utf8")).trimEnd().split("\n");
      assert.deepEqual(await whatTheLoaderSays(join(FIXTURES, name, "content")), expected);
    });
  }
});

describe("bad input that needs the file system in a special state", () => {
  it("refuses to follow a symbolic link that leads out of the content folder", async () => {
    const outside = await writeFiles(await temporaryFolder(), { "secret.md": article({ title: "Secret", date: "2021-01-01" }) });
    const content = await makeArchive({ "a.md": article({ title: "A", date: "2021-01-01", category: "News" }) });
    await symlink(join(outside, "secret.md"), join(content, "linked.md"));
    const said = await whatTheLoaderSays(content);
    assert.equal(said[0], "published: 1");
    assert.equal(
      said[1],
      `content/linked.md: error: is a symbolic link to ${join(outside, "secret.md")}, outside the content folder, and was not followed; copy the file into the content folder instead`,
    );
  });

  it("refuses a symbolic link out of the content folder inside a page bundle once, and counts it once", async () => {
    const content = await makeArchive({ "report/index.md": article({ title: "Report", date: "2021-01-01", category: "News" }), "report/chart.svg": "<svg/>" });
    await symlink("/etc/passwd", join(content, "report", "passwd.txt"));
    const said = await whatTheLoaderSays(content);
    assert.deepEqual(said, [
      "published: 1",
      "content/report/passwd.txt: error: is a symbolic link to /etc/passwd, outside the content folder, and was not followed; copy the file into the content folder instead",
    ]);
  });

  it("refuses a file it may not read, naming it", async (t) => {
    const root = await temporaryFolder();
    const content = await writeFiles(join(root, "content"), {
      "a.md": article({ title: "A", date: "2021-01-01", category: "News" }),
      "locked.md": article({ title: "Locked", date: "2021-01-01", category: "News" }),
    });
    await chmod(join(content, "locked.md"), 0o000);
    const asRoot = process.getuid?.() === 0;
    // Root reads any file. It is run without that power (CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH), as itself, so
    // that it still reaches this clone's code wherever the clone lies (another user cannot enter a 0700 home folder).
    const wrapper = asRoot ? ["setpriv", "--bounding-set=-dac_override,-dac_read_search"] : [];
    const probe = asRoot ? await runProgram(wrapper[0] ?? "", [...wrapper.slice(1), "cat", join(content, "locked.md")], {}).catch(() => undefined) : undefined;
    if (asRoot && probe?.stderr.includes("Permission denied") !== true) {
      t.skip("run as root, and setpriv (util-linux) could not take away root's power to read any file, so no file is unreadable here");
      return;
    }
    const result = await runCli(["--content", content, "--output", join(root, "site")], {}, { wrapper });
    assert.equal(result.code, 1, result.stderr);
    assert.match(result.stderr, /locked\.md: error: cannot be read \(EACCES\); fix the file's permissions/);
  });

  it("publishes a 5 MB article, with a warning that the page will load slowly", async () => {
    const paragraph = "Green procurement criteria for public tenders, with life-cycle costs and eco-labels. ";
    const body = Array.from({ length: (5 * 1024 * 1024) / paragraph.length / 10 }, () => `${paragraph.repeat(10)}\n\n`).join("");
    const content = await makeArchive({ "big.md": article({ title: "Big", date: "2021-01-01", category: "News" }, body) });
    const said = await whatTheLoaderSays(content);
    assert.equal(said[0], "published: 1");
    assert.match(said[1] ?? "", /^content\/big\.md: warning: is 5\.0 MB; it is published, but a page this large loads slowly/);
  });

  it("refuses a content folder that does not exist, saying which and what to give", async () => {
    const result = await runCli(["--content", "/nonexistent/archive", "--output", join(await temporaryFolder(), "site")]);
    assert.equal(result.code, 2);
    assert.equal(
      result.stderr.trim(),
      "error: /nonexistent/archive: the content folder does not exist or is not a folder; give the folder that holds your Markdown articles with --content DIR",
    );
  });

  it("refuses an empty content folder", async () => {
    const content = await makeArchive({});
    const result = await runCli(["--content", content, "--output", join(await temporaryFolder(), "site")]);
    assert.equal(result.code, 1);
    assert.match(
      result.stderr,
      /: no articles found \(no \.md or \.markdown files\); put your Markdown articles in this folder or give another with --content DIR/,
    );
  });

  it("refuses an output folder inside the content folder", async () => {
    const content = await makeArchive({ "a.md": article({ title: "A", date: "2021-04-09" }) });
    const result = await runCli(["--content", content, "--output", join(content, "_site")]);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /_site: the output folder is inside the content folder .*; choose an output folder outside it/);
  });

  it("refuses a permalink with an unknown token, or with no part that tells two articles of a day apart, naming the file and line", async () => {
    for (const [permalink, said] of [
      [
        "/:year/:categories/:title/",
        'unknown token ":categories" in the permalink "/:year/:categories/:title/"; the tokens are :year :month :day :slug :title :filename :category :section',
      ],
      [
        "/:year/:month/:day/",
        'the permalink "/:year/:month/:day/" has no part that tells two articles of one day apart, so they would share a URL; add :slug, :title or :filename, as in "/:year/:month/:day/:slug/"',
      ],
    ]) {
      const content = await makeArchive({
        "a.md": article({ title: "A", date: "2021-04-09" }),
        "news-archive.json": JSON.stringify({ title: "News", permalink, permalinkStyle: "jekyll" }, null, 2),
      });
      const result = await runCli(["--content", content, "--output", join(await temporaryFolder(), "site")]);
      assert.equal(result.code, 2);
      assert.equal(result.stderr.trim(), `error: ${join(content, "news-archive.json")}:3:3: setting "permalink": ${said}`);
    }
  });

  it("refuses a settings file with a wrong type, naming the file, the setting and its line", async () => {
    const content = await makeArchive({
      "a.md": article({ title: "A", date: "2021-04-09" }),
      "news-archive.json": JSON.stringify({ itemsPerPage: "ten", timeZone: 3 }, null, 2),
    });
    const result = await runCli(["--content", content, "--output", join(await temporaryFolder(), "site")]);
    assert.equal(result.code, 2);
    assert.deepEqual(
      new Set(result.stderr.trim().split("\n")),
      new Set([
        `error: ${join(content, "news-archive.json")}:3:3: setting "timeZone": expected a string`,
        `error: ${join(content, "news-archive.json")}:2:3: setting "itemsPerPage": expected a number`,
      ]),
    );
  });
});

describe("a build over many bad articles", () => {
  it("reports all errors together, exits non-zero, and writes nothing anywhere", async () => {
    const root = await temporaryFolder();
    const content = join(root, "content");
    for (const name of ["slug-dot-dot", "slug-slash", "slug-backslash", "slug-encoded-dots", "date-impossible", "missing-title"]) {
      const source = join(FIXTURES, name, "content", "a.md");
      await writeFiles(content, { [`${name}.md`]: await readFile(source) });
    }
    await writeFiles(content, { "good.md": article({ title: "Good", date: "2021-01-01", category: "News" }) });
    const failed = await runCli(["--content", content, "--output", join(root, "site")]);
    assert.equal(failed.code, 1);
    assert.equal(failed.stderr.match(/: error: /g)?.length, 6);
    assert.deepEqual((await readdir(root)).sort(), ["content"]);

    const published = await runCli(["--content", content, "--output", join(root, "site"), "--keep-going"]);
    assert.equal(published.code, 0, published.stderr);
    assert.deepEqual((await readdir(root)).sort(), ["content", "site"]);
    const written = await readdir(join(root, "site"), { recursive: true });
    assert.ok(
      written.every((file) => !file.includes("..") && !file.includes("etc")),
      "no slug left its folder",
    );
    assert.match(published.stdout, /7 found, 1 published, 0 draft\(s\) left out, 6 invalid left out/);
  });
});

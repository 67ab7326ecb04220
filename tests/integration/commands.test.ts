import assert from "node:assert/strict";
import { readdir, readFile, rm } from "node:fs/promises";
import { join, relative } from "node:path";
import { before, describe, it } from "node:test";
import { PROJECT_ROOT } from "../../src/core/project.ts";
import { makeArchive, temporaryFolder, writeFiles } from "../support/archive.ts";
import { readPage, runCommand, type CliRun } from "../support/cli.ts";

const COMMAND_NAMES = ["init", "new", "build", "serve", "preview", "check"];

describe("the news-archive command", () => {
  it("lists every command under --help, and each command's options under its own --help", async () => {
    const help = await runCommand(["--help"]);
    assert.equal(help.code, 0, help.stderr);
    for (const name of COMMAND_NAMES) assert.match(help.stdout, new RegExp(`^ {2}${name}\\b`, "m"));
    const helps = await Promise.all(COMMAND_NAMES.map((name) => runCommand([name, "--help"])));
    helps.forEach((run, index) => {
      assert.equal(run.code, 0, run.stderr);
      assert.match(run.stdout, new RegExp(`^Usage: news-archive ${COMMAND_NAMES[index] ?? ""}\\b`));
    });
  });

  it("refuses a missing or unknown command, and an unknown option, with exit code 2 and the usage", async () => {
    const [none, unknown, option] = await Promise.all([runCommand([]), runCommand(["publish"]), runCommand(["check", "--colour"])]);
    assert.equal(none.code, 2);
    assert.match(none.stderr, /give a command[\s\S]*Usage: news-archive COMMAND/);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /^error: unknown command "publish"\n\nUsage: news-archive COMMAND/);
    assert.equal(option.code, 2);
    assert.match(option.stderr, /^error: unknown option --colour\n\nUsage: news-archive check/);
  });

  it("suggests the closest command and option, and says in its own words what is wrong with an option", async () => {
    const runs = await Promise.all([
      runCommand(["biuld"]),
      runCommand(["--verison"]),
      runCommand(["build", "--outptu", "x"]),
      runCommand(["build", "--output"]),
      runCommand(["build", "--output", "--drafts"]),
      runCommand(["build", "--drafts=yes"]),
      runCommand(["import", "wordpres", "x.xml", "--content", "x"]),
      runCommand(["import", "wordpress", "x.xml", "--contnet", "x"]),
    ]);
    const said = runs.map((run) => {
      assert.equal(run.code, 2, run.stderr);
      return run.stderr.split("\n")[0];
    });
    assert.deepEqual(said, [
      'error: unknown command "biuld"; did you mean "build"?',
      "error: unknown option --verison; did you mean --version?",
      "error: unknown option --outptu; did you mean --output?",
      'error: --output needs a value; write --output VALUE, or --output=VALUE for a value starting with "-"',
      'error: --output needs a value (it is followed by the option --drafts); write --output VALUE, or --output=VALUE for a value starting with "-"',
      'error: --drafts takes no value (it was given "yes"); write --drafts alone',
      '"wordpres": expected wordpress or feed; did you mean "wordpress"?',
      "unknown option --contnet; did you mean --content?",
    ]);
    for (const run of runs) assert.doesNotMatch(run.stderr, /positional|ERR_PARSE_ARGS|To specify/);
  });
});

describe("init, new, build and check in a new archive, each run in its folder", () => {
  let archive: string;
  let init: CliRun;
  let added: CliRun;
  let build: CliRun;

  before(async () => {
    const root = await temporaryFolder();
    archive = join(root, "my-news");
    init = await runCommand(["init", "my-news"], { cwd: root });
    added = await runCommand(["new", "Annual report: 2021", "--category", "Reports", "--date", "2021-04-09"], { cwd: archive });
    build = await runCommand(["build"], { cwd: archive });
  });

  it("init writes the settings, a welcome article, package.json, .gitignore and the deploy examples", async () => {
    assert.equal(init.code, 0, init.stderr);
    const files = (await readdir(archive, { recursive: true })).map((file) => file.split("\\").join("/")).sort();
    const welcome = files.find((file) => /^content\/\d{4}\/\d{4}-\d{2}-\d{2}-welcome\.md$/.test(file));
    assert.ok(welcome, files.join("\n"));
    for (const file of [
      ".gitignore",
      "package.json",
      "content/news-archive.jsonc",
      "deploy/github-pages.yml",
      "deploy/netlify.toml",
      "deploy/cloudflare-pages.yml",
      "deploy/_headers",
    ])
      assert.ok(files.includes(file), `${file} missing`);
    const manifest = JSON.parse(await readFile(join(archive, "package.json"), "utf8")) as {
      scripts: Record<string, string>;
      dependencies: Record<string, string>;
    };
    assert.equal(manifest.scripts["start"], "news-archive serve");
    // Run from this repository's folder, the package is that folder.
    assert.deepEqual(manifest.dependencies, { "news-archive": `file:${relative(archive, PROJECT_ROOT)}` });
    assert.match(init.stdout, /^package\.json depends on news-archive from the folder .*: "file:/m);
    assert.match(await readFile(join(archive, welcome), "utf8"), /^# featured: true/m);
  });

  it("init refuses a folder holding anything but a repository's and npm's files, and leaves it as it was", async () => {
    const before = await readFile(join(archive, "package.json"), "utf8");
    const again = await runCommand(["init", "."], { cwd: archive });
    assert.equal(again.code, 1);
    assert.match(
      again.stderr,
      /^\.: error: the folder holds _site, content, deploy; init starts an archive only in a new or empty folder, or one holding no more than what git init and npm init write \(init --help lists them\)/,
    );
    assert.equal(await readFile(join(archive, "package.json"), "utf8"), before);
  });

  it("new writes the article at YYYY/YYYY-MM-DD-slug.md with its front matter, and prints its file and URL", async () => {
    assert.equal(added.code, 0, added.stderr);
    assert.equal(added.stdout, "written: content/2021/2021-04-09-annual-report-2021.md\nurl: /2021/04/09/annual-report-2021/\n");
    assert.equal(
      await readFile(join(archive, "content/2021/2021-04-09-annual-report-2021.md"), "utf8"),
      '---\ntitle: "Annual report: 2021"\ndate: 2021-04-09\ncategory: Reports\nsummary: ""\ntags: []\n---\n\n',
    );
  });

  it("new never overwrites an article", async () => {
    const again = await runCommand(["new", "Annual report: 2021", "--date", "2021-04-09"], { cwd: archive });
    assert.equal(again.code, 1);
    assert.match(again.stderr, /2021-04-09-annual-report-2021\.md: error: this file exists already/);
    assert.match(await readFile(join(archive, "content/2021/2021-04-09-annual-report-2021.md"), "utf8"), /category: Reports/);
  });

  it("build reads ./content and writes ./_site, with the new article at the URL new printed", async () => {
    assert.equal(build.code, 0, build.stderr);
    assert.match(build.stdout, /articles: 2 found, 2 published/);
    const page = await readPage(join(archive, "_site"), "2021/04/09/annual-report-2021/index.html");
    assert.equal(page.querySelector("h1")?.textContent?.trim(), "Annual report: 2021");
    // The settings init wrote are valid and complete; the only warnings are the missing site URL and the empty new article.
    assert.match(build.stdout, /problems: 0 error\(s\), 2 warning\(s\) \(no-site-url 1, empty-body 1\)/);
  });

  it("check finds every link of the built site, then names the page of a link that breaks", async () => {
    const clean = await runCommand(["check"], { cwd: archive });
    assert.equal(clean.code, 0, clean.stderr);
    assert.match(clean.stdout, /^links: \d+ internal links checked on \d+ pages, 0 broken/);
    // From a folder with no content/: the site alone is checked, under the default base path.
    const elsewhere = await runCommand(["check", "--output", join(archive, "_site")], { cwd: await temporaryFolder() });
    assert.equal(elsewhere.code, 0, elsewhere.stderr);
    assert.equal(elsewhere.stdout, clean.stdout);
    await rm(join(archive, "_site/2021/04/09/annual-report-2021"), { recursive: true });
    const broken = await runCommand(["check"], { cwd: archive });
    assert.equal(broken.code, 1);
    assert.match(broken.stderr, /^index\.html: error: the link \/2021\/04\/09\/annual-report-2021\/ points to nothing/m);
    const missing = await runCommand(["check", "--output", "nowhere"], { cwd: archive });
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /nowhere: no built site here/);
  });
});

describe("new in an archive with settings", () => {
  it("dates the article today in the archive's time zone (SOURCE_DATE_EPOCH's day) and prints its absolute URL, reading settings with comments", async () => {
    const content = await makeArchive({
      "news-archive.jsonc": '{\n  // Tokyo is ahead of UTC\n  "timeZone": "Asia/Tokyo",\n  "siteUrl": "https://example.org/news/",\n}\n',
    });
    // 23:30 on April 9 in UTC is April 10 in Tokyo.
    const run = await runCommand(["new", "Hello", "--content", content, "--draft"], {
      env: { SOURCE_DATE_EPOCH: String(Date.UTC(2021, 3, 9, 23, 30) / 1000) },
    });
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /^url: https:\/\/example\.org\/news\/2021\/04\/10\/hello\/ \(a draft/m);
    const text = await readFile(join(content, "2021/2021-04-10-hello.md"), "utf8");
    assert.match(text, /^date: 2021-04-10$/m);
    assert.match(text, /^draft: true$/m);
  });

  it("refuses a date that is not YYYY-MM-DD, a title without letters and two settings files, with exit code 2, writing nothing", async () => {
    const content = await makeArchive({ "news-archive.json": "{}" });
    const badDate = await runCommand(["new", "Hello", "--content", content, "--date", "2021-02-30"]);
    assert.equal(badDate.code, 2);
    assert.match(badDate.stderr, /--date 2021-02-30: expected a calendar date written YYYY-MM-DD/);
    const noLetters = await runCommand(["new", "???", "--content", content]);
    assert.equal(noLetters.code, 2);
    assert.match(noLetters.stderr, /the title "\?\?\?" has no letters or digits/);
    const twoSettings = await makeArchive({ "news-archive.json": "{}", "news-archive.jsonc": "{}" });
    const refused = await runCommand(["new", "Hello", "--content", twoSettings]);
    assert.equal(refused.code, 2);
    assert.match(refused.stderr, /two settings files; keep one of them/);
    assert.deepEqual(await readdir(content), ["news-archive.json"]);
    assert.deepEqual((await readdir(twoSettings)).sort(), ["news-archive.json", "news-archive.jsonc"]);
  });
});

describe("init in a folder that git init and npm init made", () => {
  it("starts the archive beside .git, a README and package.json, adding to package.json and .gitignore only what they lack", async () => {
    const folder = await writeFiles(await temporaryFolder(), {
      ".git/HEAD": "ref: refs/heads/main\n",
      "README.md": "# Our news\n",
      ".gitignore": "node_modules\n.env",
      "package.json": `${JSON.stringify({ name: "our-news", version: "1.0.0", scripts: { test: "echo no test", build: "make site" } }, null, 2)}\n`,
    });
    const init = await runCommand(["init", "."], { cwd: folder });
    assert.equal(init.code, 0, init.stderr);
    assert.match(init.stdout, /^ {2}package\.json \(kept, with script "start", script "preview", script "check", dependency "news-archive" added\)$/m);
    assert.match(init.stdout, /^ {2}\.gitignore \(kept, with _site\/ added\)$/m);
    const manifest = JSON.parse(await readFile(join(folder, "package.json"), "utf8")) as {
      name: string;
      scripts: Record<string, string>;
      dependencies: Record<string, string>;
    };
    assert.equal(manifest.name, "our-news");
    assert.deepEqual(manifest.scripts, {
      test: "echo no test",
      build: "make site",
      start: "news-archive serve",
      preview: "news-archive preview",
      check: "news-archive check",
    });
    assert.ok(manifest.dependencies["news-archive"]?.startsWith("file:"));
    assert.equal(await readFile(join(folder, ".gitignore"), "utf8"), "node_modules\n.env\n_site/\n");
    assert.equal(await readFile(join(folder, "README.md"), "utf8"), "# Our news\n");
    assert.ok((await readdir(join(folder, "content"))).includes("news-archive.jsonc"));
  });
});

import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { cp, mkdir, readdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, it } from "node:test";
import { PROJECT_ROOT } from "../../src/core/project.ts";
import { temporaryFolder } from "../support/archive.ts";
import { readPage, runCli, type Page } from "../support/cli.ts";

/**
 * The URLs Jekyll and Hugo themselves write for the archives in
 * tests/fixtures/permalinks, against this tool's for the same pattern and
 * `permalinkStyle`. The tools are Debian's `jekyll` and `hugo` packages
 * (.ci/run installs them); where one is missing, its tests say so and skip.
 */
const run = promisify(execFile);
const FIXTURES = join(PROJECT_ROOT, "tests/fixtures/permalinks");

/** Whether a command runs: `jekyll --version`, `hugo version`. */
async function installed(command: string, versionArgs: readonly string[]): Promise<boolean> {
  return run(command, [...versionArgs]).then(
    () => true,
    () => false,
  );
}

const skipUnless = async (command: string, versionArgs: readonly string[]): Promise<{ skip: string | false }> => ({
  skip: (await installed(command, versionArgs)) ? false : `${command} is not installed here (apt-get install ${command}); .ci/run installs it`,
});

/** Every HTML file of a built site, with its parsed document, by path from the output folder. */
async function pagesOf(output: string): Promise<Map<string, Page>> {
  const files = (await readdir(output, { recursive: true })).filter((file) => file.endsWith(".html")).sort();
  return new Map(await Promise.all(files.map(async (file) => [file, await readPage(output, file)] as const)));
}

/** The file of each article page, and each redirect page with where it leads (its meta refresh). */
function addressesOf(pages: ReadonlyMap<string, Page>, isArticle: (page: Page) => boolean): { articles: string[]; redirects: Map<string, string> } {
  const articles: string[] = [];
  const redirects = new Map<string, string>();
  for (const [file, page] of pages) {
    const refresh = page.querySelector('meta[http-equiv="refresh"]')?.getAttribute("content");
    // Compared as the page each names: Hugo leaves a title's first "#" unescaped ("c#-f%23-x"), which a browser takes for a fragment.
    if (refresh !== null && refresh !== undefined)
      redirects.set(file, decodeURI((/url=(.*)$/i.exec(refresh)?.[1] ?? "").replace(/^https?:\/\/[^/]+/, "")).replaceAll("%23", "#"));
    else if (isArticle(page)) articles.push(file);
  }
  return { articles: articles.sort(), redirects };
}

/** Builds a content folder with this tool and the given settings; returns its article and redirect pages. */
async function ourAddresses(content: string, settings: Record<string, unknown>): Promise<ReturnType<typeof addressesOf>> {
  const folder = await temporaryFolder();
  const config = join(folder, "settings.json");
  await writeFile(config, JSON.stringify(settings));
  const output = join(folder, "site");
  const built = await runCli(["--content", content, "--output", output, "--config", config, "--no-cache"]);
  assert.equal(built.code, 0, built.stderr);
  return addressesOf(await pagesOf(output), (page) => page.querySelector("article.article") !== null);
}

describe("permalinks as Jekyll writes them", await skipUnless("jekyll", ["--version"]), () => {
  const posts = join(FIXTURES, "jekyll/_posts");

  /** Builds the posts with Jekyll under a permalink pattern; a layout marks each post's page. */
  async function jekyllAddresses(permalink: string): Promise<ReturnType<typeof addressesOf>> {
    const site = await temporaryFolder();
    await cp(posts, join(site, "_posts"), { recursive: true });
    await mkdir(join(site, "_layouts"));
    await writeFile(join(site, "_layouts/probe.html"), "<p class=post>{{ page.path }}</p>\n");
    const config = [
      "timezone: America/Los_Angeles",
      `permalink: ${permalink}`,
      "defaults:",
      '  - scope: { path: "" }',
      "    values: { layout: probe, render_with_liquid: false }",
    ];
    await writeFile(join(site, "_config.yml"), `${config.join("\n")}\n`);
    const output = join(site, "_site");
    await run("jekyll", ["build", "--source", site, "--destination", output, "--quiet"], { cwd: site });
    return addressesOf(await pagesOf(output), (page) => page.querySelector("p.post") !== null);
  }

  for (const permalink of ["/news/:year/:month/:day/:title/", "/:year/:month/:day/:title.html", "/:slug/"]) {
    it(`writes every post where Jekyll does under "${permalink}"`, async () => {
      const jekyll = await jekyllAddresses(permalink);
      const ours = await ourAddresses(posts, { permalink, permalinkStyle: "jekyll", timeZone: "America/Los_Angeles", extensions: [".markdown"] });
      assert.equal(jekyll.articles.length, 10);
      assert.deepEqual(ours.articles, jekyll.articles);
    });
  }
});

describe("permalinks and aliases as Hugo writes them", await skipUnless("hugo", ["version"]), () => {
  const content = join(FIXTURES, "hugo/content");

  /** Builds the content folder with Hugo under a permalink pattern for its blog section; a layout marks each page. */
  async function hugoAddresses(permalink: string): Promise<ReturnType<typeof addressesOf>> {
    const site = await temporaryFolder();
    const config = [
      'baseURL = "https://example.org/"',
      `contentDir = ${JSON.stringify(content)}`,
      'disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]',
      "[permalinks]",
      `blog = ${JSON.stringify(permalink)}`,
    ];
    await writeFile(join(site, "hugo.toml"), `${config.join("\n")}\n`);
    await mkdir(join(site, "layouts/_default"), { recursive: true });
    await writeFile(join(site, "layouts/_default/single.html"), "<p class=post>{{ .File.Path }}</p>\n");
    await writeFile(join(site, "layouts/_default/list.html"), "<p>list</p>\n");
    const output = join(site, "public");
    // Hugo's cache defaults to $TMPDIR/hugo_cache, shared by every user of the machine: another user's is not writable.
    await run("hugo", ["--source", site, "--destination", output, "--cacheDir", join(site, ".hugo_cache"), "--quiet"], { cwd: site });
    return addressesOf(await pagesOf(output), (page) => page.querySelector("p.post") !== null);
  }

  for (const permalink of ["/:section/:year/:month/:day/:slug/", "/:section/:title/", "/posts/:year/:filename/"]) {
    it(`writes every page and every alias where Hugo does under "${permalink}"`, async () => {
      const hugo = await hugoAddresses(permalink);
      const ours = await ourAddresses(content, { permalink, permalinkStyle: "hugo" });
      assert.equal(hugo.articles.length, 7);
      assert.deepEqual(ours.articles, hugo.articles);
      assert.equal(hugo.redirects.size, 4);
      assert.deepEqual(ours.redirects, hugo.redirects);
    });
  }
});

import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { describe, it } from "node:test";
import { promisify } from "node:util";
import { loadArchive } from "../../src/content/load-archive.ts";
import { createMarkdownRenderer } from "../../src/content/markdown.ts";
import { PROJECT_ROOT } from "../../src/core/project.ts";
import { routePath } from "../../src/core/urls.ts";
import { settingsWith } from "../support/articles.ts";
import { temporaryFolder } from "../support/archive.ts";
import { checkLinks } from "../../src/publish/link-check.ts";
import { readPage, runCli } from "../support/cli.ts";
import { checkGridAgainstMonthPages } from "../support/grid.ts";
import { filePaths } from "../support/tree.ts";

const CORPORA = join(PROJECT_ROOT, "..", "shared", "corpora");
const absent = existsSync(CORPORA) ? false : `the shared corpora are not on this machine (${CORPORA} is absent)`;

/** The corpora's listing pages, which their settings files exclude (by the "_" rule or an "ignore" pattern). */
const LISTING_PAGES: Record<string, readonly string[]> = {
  "nodejs-blog": ["index.md"],
  "kubernetes-blog": ["_index.md"],
};

const FRONT_MATTER_START = /^\uFEFF?\s*-{3,}[ \t]*\r?\n/;
const DRAFT = /^draft:\s*true\s*$/im;

for (const corpus of ["nodejs-blog", "kubernetes-blog"]) {
  describe(`the shared ${corpus} corpus`, { skip: absent }, () => {
    it("publishes one page for every article file that is neither a listing page nor a draft", async () => {
      const content = join(CORPORA, corpus, "content");
      const sources: string[] = [];
      let drafts = 0;
      for (const file of filePaths(content)) {
        const text = await readFile(join(content, file), "utf8");
        if (!FRONT_MATTER_START.test(text) || LISTING_PAGES[corpus]?.includes(file)) continue;
        sources.push(file);
        const frontMatter = text.split(/\r?\n-{3}\s*\r?\n/)[0] ?? "";
        if (DRAFT.test(frontMatter)) drafts += 1;
      }

      const output = join(await temporaryFolder(), "site");
      const result = await runCli(["--content", content, "--output", output, "--config", join(PROJECT_ROOT, "tests/corpora", `${corpus}.json`)]);
      assert.equal(result.code, 0, result.stderr);
      const pages = filePaths(output).filter((file) => /^\d{4}\/\d{2}\/\d{2}\/[^/]+\/index\.html$/.test(file));
      assert.ok(sources.length > 500, `found ${sources.length} article files`);
      assert.equal(pages.length, sources.length - drafts, `${sources.length} article files, ${drafts} drafts, ${pages.length} pages`);
      assert.match(
        result.stdout,
        new RegExp(`articles: ${sources.length} found, ${sources.length - drafts} published, ${drafts} draft\\(s\\) left out, 0 invalid left out`),
      );
      // Every article is accounted for: published, left out as a draft, or reported with a reason.
      const [found, published, leftOutDrafts, invalid] = (
        /articles: (\d+) found, (\d+) published, (\d+) draft\(s\) left out, (\d+) invalid left out/.exec(result.stdout) ?? []
      )
        .slice(1)
        .map(Number);
      assert.equal(found, (published ?? 0) + (leftOutDrafts ?? 0) + (invalid ?? 0));

      const grid = await checkGridAgainstMonthPages(output);
      assert.equal(grid.articlesInGrid, pages.length, "the grid counts every published article");
      // Links inside the articles may point to files the corpus did not include; the site's own links may not.
      const report = await checkLinks(output, "/");
      assert.deepEqual(
        report.broken.filter((link) => !link.inArticleBody),
        [],
      );

      // Every article's date and breadcrumb link its day's page, which lists it.
      for (const page of pages) {
        const day = `/${page.slice(0, "YYYY/MM/DD/".length)}`;
        const article = await readPage(output, page);
        assert.equal(article.querySelector(".article-meta time")?.parentElement?.getAttribute("href"), day, page);
        assert.equal(article.querySelectorAll(".breadcrumb a")[3]?.getAttribute("href"), day, page);
        const listed = [...(await readPage(output, `${day.slice(1)}index.html`)).querySelectorAll(".article-item-title a")].map((link) =>
          link.getAttribute("href"),
        );
        assert.ok(listed.includes(`/${page.slice(0, -"index.html".length)}`), `${day} lists ${page}`);
      }
    });
  });
}

const hugoMissing = await promisify(execFile)("hugo", ["version"]).then(
  () => false,
  () => "hugo is not installed here (apt-get install hugo); .ci/run installs it",
);

/** Hugo's `hugo list all` output: CSV, a field holding a comma or a quote in quotes, a quote in one doubled. */
function csvRows(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index] ?? "";
    if (quoted && char === '"' && text[index + 1] === '"') {
      field += '"';
      index += 1;
    } else if (char === '"') {
      quoted = !quoted;
    } else if (!quoted && (char === "," || char === "\n")) {
      row.push(field);
      field = "";
      if (char === "\n") {
        rows.push(row);
        row = [];
      }
    } else {
      field += char;
    }
  }
  return rows;
}

describe("the shared kubernetes-blog corpus as Hugo places it", { skip: absent || hugoMissing }, () => {
  it("puts every article where Hugo puts it with the blog's permalink, /:section/:year/:month/:day/:slug/", async () => {
    const content = join(CORPORA, "kubernetes-blog", "content");
    // A Hugo site whose blog section is the corpus, with an empty template for each shortcode the posts use.
    const site = await temporaryFolder();
    const config = [
      'baseURL = "https://kubernetes.io/"',
      "[permalinks]",
      'blog = "/:section/:year/:month/:day/:slug/"',
      "[[module.mounts]]",
      `source = ${JSON.stringify(content)}`,
      'target = "content/blog"',
    ];
    await writeFile(join(site, "hugo.toml"), `${config.join("\n")}\n`);
    await mkdir(join(site, "layouts/shortcodes"), { recursive: true });
    const bodies = await Promise.all(filePaths(content).map((file) => readFile(join(content, file), "utf8")));
    for (const name of new Set(bodies.flatMap((text) => [...text.matchAll(/\{\{[<%]\s*([\w-]+)/g)].map((match) => match[1] ?? "")))) {
      const closed = bodies.some((text) => new RegExp(`\\{\\{[<%]\\s*/\\s*${name}\\s*[>%]\\}\\}`).test(text));
      await writeFile(join(site, "layouts/shortcodes", `${name}.html`), closed ? "{{ .Inner }}" : "");
    }
    // Not Hugo's default cache, $TMPDIR/hugo_cache: another user of the machine may own it (hugo list takes no --cacheDir).
    const { stdout } = await promisify(execFile)("hugo", ["list", "all", "--source", site], {
      maxBuffer: 16 * 1024 * 1024,
      env: { ...process.env, HUGO_CACHEDIR: join(site, ".hugo_cache") },
    });
    const [header = [], ...rows] = csvRows(stdout);
    const column = (name: string): number => header.indexOf(name);
    const hugo = rows
      .filter((row) => row[column("draft")] === "false")
      .map((row) => [relative(content, row[column("path")] ?? ""), decodeURI(new URL(row[column("permalink")] ?? "").pathname)] as const);

    const settings = settingsWith({
      permalink: "/blog/:year/:month/:day/:slug/",
      permalinkStyle: "hugo",
      include: ["_posts/2022/kubernetes-1.2[34]-release-interview"],
    });
    const archive = await loadArchive({
      contentDir: content,
      settings,
      includeDrafts: false,
      knownFiles: [],
      excludedDirs: [],
      renderMarkdown: createMarkdownRenderer(),
    });
    const ours = new Map(archive.articles.map((article) => [article.sourcePath, routePath(article.route)]));
    // Hugo 0.111 writes a `url` with tokens at its literal path, all such posts at one; Hugo 0.131 and this tool
    // expand them (here the content folder is the blog section itself, so :section is its first folder, _posts).
    const literal = hugo.filter(([, path]) => path.includes(":"));
    const placed = hugo.filter(([, path]) => !path.includes(":"));
    assert.ok(placed.length > 500, `${placed.length} articles compared`);
    assert.deepEqual(
      placed.filter(([source, path]) => ours.get(source) !== path),
      [],
    );
    for (const [source] of literal) assert.match(ours.get(source) ?? "", /^\/_posts\/\d{4}\/\d{2}\/[^:]+\/$/, source);
  });
});

describe("the shared corpora moved with their old addresses and people", { skip: absent }, () => {
  const load = (corpus: string, settings: Record<string, unknown>) =>
    loadArchive({
      contentDir: join(CORPORA, corpus, "content"),
      settings: settingsWith(settings),
      includeDrafts: false,
      knownFiles: [],
      excludedDirs: [],
      renderMarkdown: createMarkdownRenderer({ sanitize: false, highlightCode: false }),
    });

  it("gives the Node.js blog's links to old addresses their articles' new ones, and each co-author every article they wrote", async () => {
    const settings = JSON.parse(await readFile(join(PROJECT_ROOT, "tests/corpora/nodejs-blog.json"), "utf8")) as Record<string, unknown>;
    const archive = await load("nodejs-blog", {
      ...settings,
      oldPermalinks: ["/blog/:section/:filename/"],
      authors: { "Isaac Z. Schlueter": { aliases: ["Isaac Schlueter"] } },
    });
    // The blog linked its articles as /blog/<category>/<file>/: every such link now names the article's page.
    assert.ok(archive.counts.links.rewritten >= 300, `${archive.counts.links.rewritten} links rewritten`);
    const byName = (name: string) =>
      archive.articles
        .filter((article) => article.authors.some((author) => author.name === name))
        .map((article) => article.sourcePath)
        .sort();
    // "Matteo Collina and Joyee Cheung", "Chengzhong Wu, Joyee Cheung", "Joyee Cheung, Chengzhong Wu": one person, on each.
    assert.equal(byName("Joyee Cheung").length, 5);
    assert.equal(byName("Isaac Z. Schlueter").length, 37);
    for (const article of archive.articles) {
      for (const link of article.bodyHtml.matchAll(/href="(\/blog\/[a-z]+\/[^"/#]+\/?)"/g))
        assert.fail(`${article.sourcePath} still links to the old address ${link[1] ?? ""}`);
    }
  });

  it("reads the Kubernetes blog's Author: and Description: whatever their case, and its urls from the host's root when built as kubernetes.io/blog/", async () => {
    const settings = {
      include: ["_posts/2022/kubernetes-1.2[34]-release-interview"],
      ignore: ["_index.md"],
      permalinkStyle: "hugo",
      permalink: "/:year/:month/:day/:slug/",
      siteUrl: "https://kubernetes.io/blog/",
    };
    const archive = await load("kubernetes-blog", settings);
    const capitalised = archive.articles.find((article) => article.sourcePath === "_posts/2025/kubectl-kuberc-beta.md");
    assert.ok(capitalised !== undefined && capitalised.authors.length > 0, "Author: is read");
    const pod = archive.articles.find((article) => article.sourcePath === "_posts/2020/introducing-podtopologyspread.md");
    // url: /blog/2020/05/Introducing-PodTopologySpread is the site's /2020/05/..., served at /blog/2020/05/...
    assert.equal(pod?.route.path.toLowerCase(), "/2020/05/introducing-podtopologyspread/");
    assert.equal(archive.articles.filter((article) => article.route.path.startsWith("/blog/")).length, 0);
  });
});

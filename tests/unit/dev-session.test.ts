import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { describe, it } from "node:test";
import { countPages } from "../../src/model/page-changes.ts";
import { PAGE_KIND_NAMES, type SiteViews } from "../../src/model/pages.ts";
import { DevSession } from "../../src/pipeline/dev-session.ts";
import { resolveBuildRequest } from "../../src/pipeline/request.ts";
import { article, makeArchive, temporaryFolder } from "../support/archive.ts";

/** Seven articles whose first paragraph, which lists show, is prose: an edit below it changes the article's page alone. */
const fixture = Object.fromEntries(
  Array.from({ length: 7 }, (_, index) => [
    `2021/article-${index}.md`,
    article(
      { title: `Article ${index}`, date: `2021-0${1 + (index % 3)}-1${index}`, category: "News" },
      "The first paragraph, which lists show.\n\nA later paragraph.",
    ),
  ]),
);

async function session(content: string): Promise<DevSession> {
  const resolved = await resolveBuildRequest({ content, output: join(await temporaryFolder(), "site"), cacheDir: false });
  assert.ok(resolved.ok);
  return new DevSession(resolved.request, () => undefined);
}

/** A session over a new copy of the fixture, with its first build written through a recorder. */
async function builtSession(): Promise<{ readonly content: string; readonly dev: DevSession } & ReturnType<typeof recorder>> {
  const content = await makeArchive(fixture);
  const dev = await session(content);
  const recorded = recorder(dev);
  await dev.write(await dev.load(), recorded.render);
  return { content, dev, ...recorded };
}

/** Writes each page rendered as an empty file, so that removals can be seen, and keeps the views rendered. */
function recorder(dev: DevSession): { readonly rendered: SiteViews[]; render: (views: SiteViews) => Promise<void> } {
  const rendered: SiteViews[] = [];
  return {
    rendered,
    render: async (views) => {
      rendered.push(views);
      for (const name of PAGE_KIND_NAMES) {
        for (const page of views.pages[name]) {
          const file = join(dev.request.outputDir, page.permalink);
          await mkdir(dirname(file), { recursive: true });
          await writeFile(file, "");
        }
      }
    },
  };
}

const files = (pages: readonly { readonly permalink: string }[]): string[] => pages.map((page) => page.permalink);

const pageFiles = (views: SiteViews): string[] => PAGE_KIND_NAMES.flatMap((name) => views.pages[name].map((page) => page.permalink));

async function edit(content: string, file: string, from: string, to: string): Promise<void> {
  const path = join(content, file);
  await writeFile(path, (await readFile(path, "utf8")).replace(from, to));
}

describe("npm start's builds", () => {
  it("renders every page first, then, after a body edit, makes that article's view alone again and renders its page alone", async () => {
    const content = await makeArchive(fixture);
    const dev = await session(content);
    const { rendered, render } = recorder(dev);
    const first = await dev.load();
    await dev.write(first, render);
    assert.equal(countPages(rendered[0] ?? first.changes.views), countPages(first.site.plan.views));

    await edit(content, "2021/article-4.md", "A later paragraph.", "A later paragraph!");
    const second = await dev.load();
    assert.deepEqual(pageFiles(second.changes.views), ["2021/02/14/article-4/index.html"]);
    // Every other view is the previous one, not made again.
    for (const name of PAGE_KIND_NAMES) {
      second.site.plan.views.pages[name].forEach((page, index) => {
        if (page.permalink !== "2021/02/14/article-4/index.html") assert.equal(page, first.site.plan.views.pages[name][index], page.permalink);
      });
    }
    assert.equal(second.site.plan.views.site, first.site.plan.views.site);
    await dev.write(second, render);
    assert.equal(rendered.length, 2);
  });

  it("after a body edit that changes its subject, makes the views again, so that the articles it was related to list what they now relate to", async () => {
    const content = await makeArchive(fixture);
    const dev = await session(content);
    const { render } = recorder(dev);
    const first = await dev.load();
    await dev.write(first, render);
    await edit(content, "2021/article-4.md", "A later paragraph.", "Harbour cranes lift containers; harbour cranes, harbour cranes.");
    const second = await dev.load();
    const related = (load: typeof first): string[][] => load.site.plan.views.pages.article.map((page) => page.related.map((other) => other.href));
    const pagesRelatedChanged = second.site.plan.views.pages.article
      .filter((_page, index) => JSON.stringify(related(second)[index]) !== JSON.stringify(related(first)[index]))
      .map((page) => page.permalink);
    assert.ok(
      pagesRelatedChanged.some((file) => file !== "2021/02/14/article-4/index.html"),
      "another article's related list changed",
    );
    const rendered = pageFiles(second.changes.views);
    for (const file of pagesRelatedChanged) assert.ok(rendered.includes(file), `${file} is rendered again`);
  });

  it("after a title edit, renders the pages that list or link the article too, not every page", async () => {
    const { content, dev } = await builtSession();
    await edit(content, "2021/article-4.md", "Article 4", "Article four");
    const next = await dev.load();
    const files = pageFiles(next.changes.views);
    assert.ok(files.includes("2021/02/14/article-4/index.html") && files.includes("2021/02/index.html"), files.join(", "));
    assert.ok(next.changes.pages < countPages(next.site.plan.views), "not every page again");
  });

  it("reads again only the files a watcher named, when told which", async () => {
    const { content, dev, render } = await builtSession();
    await edit(content, "2021/article-4.md", "A later paragraph.", "A later paragraph!");
    await edit(content, "2021/article-5.md", "A later paragraph.", "A later paragraph!");
    const named = await dev.load((file) => file === "2021/article-4.md");
    assert.deepEqual(pageFiles(named.changes.views), ["2021/02/14/article-4/index.html"]);
    await dev.write(named, render);
    const all = await dev.load();
    assert.deepEqual(pageFiles(all.changes.views), ["2021/03/15/article-5/index.html"]);
  });

  it("after a failed render, renders every page in the next build and still removes the pages that are gone", async () => {
    const { content, dev, render } = await builtSession();
    const gone = join(dev.request.outputDir, "2021/02/14/article-4/index.html");
    assert.ok(existsSync(gone));
    await edit(content, "2021/article-1.md", "Article 1", "Article one");
    const failing = await dev.load();
    await assert.rejects(
      dev.write(failing, async () => Promise.reject(new Error("a template failed"))),
      /a template failed/,
    );
    await edit(content, "2021/article-4.md", "date: 2021-02-14", "date: 2021-03-30");
    const next = await dev.load();
    assert.equal(next.changes.pages, countPages(next.site.plan.views));
    await dev.write(next, render);
    assert.equal(existsSync(gone), false);
    assert.ok(existsSync(join(dev.request.outputDir, "2021/03/30/article-4/index.html")));
  });

  it("compares every page anew under a new request, as after a settings edit", async () => {
    const { content, dev } = await builtSession();
    const renamed = await resolveBuildRequest({ content, output: dev.request.outputDir, cacheDir: false, siteUrl: "https://example.org/news/" });
    assert.ok(renamed.ok);
    dev.useRequest(renamed.request);
    const next = await dev.load();
    assert.equal(next.changes.pages, countPages(next.site.plan.views));
  });
});

describe("npm start's edit shown at once", () => {
  it("renders the edited article's page alone at once, with its new body and its links put in, the page the load that follows makes", async () => {
    const { content, dev, rendered, render } = await builtSession();
    await edit(content, "2021/article-4.md", "A later paragraph.", "A later paragraph, beside [the first article](article-1.md).");
    const shown = await dev.showEditedArticles(new Set([join(content, "2021/article-4.md")]), render);
    assert.equal(shown, 1);
    const views = rendered.at(-1);
    assert.ok(views !== undefined);
    assert.deepEqual(pageFiles(views), ["2021/02/14/article-4/index.html"]);
    const page = views.pages.article[0];
    assert.match(page?.bodyHtml ?? "", /A later paragraph, beside <a href="\/2021\/02\/11\/article-1\/">the first article<\/a>\./);
    const next = await dev.load((file) => file === "2021/article-4.md");
    assert.equal(next.site.plan.views.pages.article.find((view) => view.permalink === page?.permalink)?.bodyHtml, page?.bodyHtml);
    // Its new words change other articles' related lists, which the load renders; the page shown is the one it makes.
    assert.ok(!pageFiles(next.changes.views).includes(page?.permalink ?? ""), "the edited page is not rendered again");
  });

  it("shows a new date at once: the page at its new address between its new neighbours, the old page removed, the load that follows rendering what else changed", async () => {
    const { content, dev, rendered, render } = await builtSession();
    const [oldFile, newFile] = ["2021/02/14/article-4/index.html", "2021/03/30/article-4/index.html"];
    assert.ok(existsSync(join(dev.request.outputDir, oldFile)));
    await edit(content, "2021/article-4.md", "date: 2021-02-14", "date: 2021-03-30");
    assert.equal(await dev.showEditedArticles(new Set([join(content, "2021/article-4.md")]), render), 1);
    const shown = rendered.at(-1)?.pages.article ?? [];
    assert.deepEqual(files(shown), [newFile]);
    assert.equal(shown[0]?.previous?.href, "/2021/03/15/article-5/", "the article before its new date");
    assert.equal(shown[0]?.next, undefined, "the newest now");
    assert.equal(existsSync(join(dev.request.outputDir, oldFile)), false, "the old page is removed");

    const next = await dev.load((file) => file === "2021/article-4.md");
    const made = next.site.plan.views.pages.article.find((page) => page.permalink === newFile);
    assert.deepEqual({ ...shown[0], related: [] }, { ...made, related: [] }, "the page the load makes, but for related articles it finds anew");
    const renderedNext = pageFiles(next.changes.views);
    assert.ok(renderedNext.includes("2021/03/15/article-5/index.html"), "its new neighbour's link is the load's to render");
    assert.ok(renderedNext.includes("2021/03/index.html") && !renderedNext.includes(oldFile));
    await dev.write(next, render);
    assert.ok(existsSync(join(dev.request.outputDir, newFile)));
    assert.equal(existsSync(join(dev.request.outputDir, "2021/02/14/index.html")), false, "the day left empty loses its page");
  });

  it("shows a new title at once, and leaves an address another article holds to the load, which reports it", async () => {
    const { content, dev, rendered, render } = await builtSession();
    await edit(content, "2021/article-4.md", "Article 4", "Article four");
    assert.equal(await dev.showEditedArticles(new Set([join(content, "2021/article-4.md")]), render), 1);
    assert.deepEqual(
      rendered.at(-1)?.pages.article.map((page) => page.title),
      ["Article four"],
    );
    const renders = rendered.length;
    await writeFile(
      join(content, "2021/article-5.md"),
      (await readFile(join(content, "2021/article-5.md"), "utf8"))
        .replace("date: 2021-03-15", "date: 2021-02-14")
        .replace("title: Article 5", "title: Article 5\nslug: article-4"),
    );
    assert.equal(await dev.showEditedArticles(new Set([join(content, "2021/article-5.md")]), render), 0);
    assert.equal(rendered.length, renders, "nothing rendered");
    const next = await dev.load((file) => file === "2021/article-5.md");
    assert.ok(next.site.archive.diagnostics.some((problem) => problem.kind === "duplicate-url"));
  });

  it("removes a moved article's old page before it renders the new one, and a revert before the load puts the old page back and removes the new", async () => {
    const { content, dev, render } = await builtSession();
    const [oldFile, newFile] = ["2021/02/14/article-4/index.html", "2021/03/30/article-4/index.html"];
    const oldOnDisk = (): boolean => existsSync(join(dev.request.outputDir, oldFile));
    let oldWhenRendered: boolean | undefined;
    await edit(content, "2021/article-4.md", "date: 2021-02-14", "date: 2021-03-30");
    const shown = await dev.showEditedArticles(new Set([join(content, "2021/article-4.md")]), async (views) => {
      oldWhenRendered = oldOnDisk();
      await render(views);
    });
    assert.equal(shown, 1);
    assert.equal(oldWhenRendered, false, "removed before the new page is written: the same file where case is ignored");
    await edit(content, "2021/article-4.md", "date: 2021-03-30", "date: 2021-02-14");
    const next = await dev.load((file) => file === "2021/article-4.md");
    await dev.write(next, render);
    assert.ok(oldOnDisk(), "the old page is rendered again");
    assert.equal(existsSync(join(dev.request.outputDir, newFile)), false, "the page shown at once is removed");
  });

  it("shows only the first by path of two articles edited together onto one address, and leaves the move of a page bundle with files to the load", async () => {
    const content = await makeArchive({
      ...fixture,
      "2021/photo-story/index.md": article({ title: "Photo story", date: "2021-01-20", category: "News" }, "![A photo](photo.png)"),
      "2021/photo-story/photo.png": "not really a PNG",
    });
    const dev = await session(content);
    const { rendered, render } = recorder(dev);
    await dev.write(await dev.load(), render);
    await edit(content, "2021/article-4.md", "date: 2021-02-14", "date: 2021-03-30");
    await edit(content, "2021/article-5.md", "title: Article 5", "title: Article 5\nslug: article-4");
    await edit(content, "2021/article-5.md", "date: 2021-03-15", "date: 2021-03-30");
    const both = ["2021/article-4.md", "2021/article-5.md"].map((file) => join(content, file));
    assert.equal(await dev.showEditedArticles(new Set(both), render), 1);
    assert.deepEqual(
      rendered.at(-1)?.pages.article.map((page) => page.title),
      ["Article 4"],
    );
    await edit(content, "2021/photo-story/index.md", "date: 2021-01-20", "date: 2021-01-21");
    assert.equal(await dev.showEditedArticles(new Set([join(content, "2021/photo-story/index.md")]), render), 0, "a bundle's files move with the whole load");
    await edit(content, "2021/photo-story/index.md", "date: 2021-01-21", "date: 2021-01-20");
    await edit(content, "2021/photo-story/index.md", "title: Photo story", "title: A photo story");
    assert.equal(await dev.showEditedArticles(new Set([join(content, "2021/photo-story/index.md")]), render), 1, "a bundle that stays is shown at once");
  });

  it("leaves to the load what is not a published article edited in its own page: a new category, a draft, a new file, a folder, an editor's backup", async () => {
    const content = await makeArchive(fixture);
    const dev = await session(content);
    const { rendered, render } = recorder(dev);
    const atOnce = (...files: string[]): Promise<number> => dev.showEditedArticles(new Set(files.map((file) => join(content, file))), render);
    assert.equal(await atOnce("2021/article-4.md"), 0, "before a first build");
    await dev.write(await dev.load(), render);
    const renders = rendered.length;
    await edit(content, "2021/article-4.md", "category: News", "category: Events");
    assert.equal(await atOnce("2021/article-4.md"), 0, "a category");
    await edit(content, "2021/article-6.md", "category: News", "category: News\ndraft: true");
    assert.equal(await atOnce("2021/article-6.md"), 0, "a draft");
    await writeFile(join(content, "2021/article-9.md"), article({ title: "Article 9", date: "2021-03-19", category: "News" }, "New."));
    await writeFile(join(content, "2021/article-5.md~"), "a backup");
    assert.equal(await atOnce("2021/article-9.md", "2021", "2021/article-5.md~", "../elsewhere.md"), 0, "a new article, a folder, a backup, a path outside");
    assert.equal(rendered.length, renders);
    await edit(content, "2021/article-5.md", "A later paragraph.", "A later paragraph!");
    assert.equal(
      await atOnce("2021/article-5.md", "2021/article-4.md", "2021/article-5.md~", "2021/4913"),
      1,
      "a body beside a category, a backup and a probe file",
    );
    const shown = rendered.at(-1);
    assert.ok(shown !== undefined && rendered.length === renders + 1);
    assert.deepEqual(pageFiles(shown), ["2021/03/15/article-5/index.html"]);
  });

  it("renders every page in the load that follows a failed render of an edit shown at once", async () => {
    const { content, dev } = await builtSession();
    await edit(content, "2021/article-4.md", "A later paragraph.", "A later paragraph!");
    await assert.rejects(
      dev.showEditedArticles(new Set([join(content, "2021/article-4.md")]), async () => Promise.reject(new Error("the worker stopped"))),
      /the worker stopped/,
    );
    const next = await dev.load((file) => file === "2021/article-4.md");
    assert.equal(next.changes.pages, countPages(next.site.plan.views));
    assert.match(next.site.plan.views.pages.article.find((page) => page.title === "Article 4")?.bodyHtml ?? "", /A later paragraph!/);
  });
});

import assert from "node:assert/strict";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, it } from "node:test";
import { countPages } from "../../src/model/page-changes.ts";
import type { SiteViews } from "../../src/model/pages.ts";
import { DevSession } from "../../src/pipeline/dev-session.ts";
import { resolveBuildRequest } from "../../src/pipeline/request.ts";
import { article, makeArchive, temporaryFolder } from "../support/archive.ts";

const fixture = Object.fromEntries(
  Array.from({ length: 7 }, (_, index) => [`2021/article-${index}.md`, article({ title: `Article ${index}`, date: `2021-0${1 + (index % 3)}-1${index}`, category: "News" })]),
);

async function session(content: string, pagesPerRenderPass: number): Promise<DevSession> {
  const resolved = await resolveBuildRequest({ content, output: join(await temporaryFolder(), "site"), cacheDir: false });
  assert.ok(resolved.ok);
  return new DevSession({ ...resolved.request, pagesPerRenderPass }, { reloaded: () => undefined, pagesWritten: () => undefined });
}

const articlePages = (views: SiteViews): string[] => views.pages.article.map((page) => page.permalink);

describe("npm start's first build", () => {
  it("renders a large archive's pages in passes, each page once, and leaves none of them to the watch's first build", async () => {
    const dev = await session(await makeArchive(fixture), 10);
    const passes: SiteViews[] = [];
    const total = countPages((await dev.load()).site.views);
    assert.equal(await dev.renderInPasses(async (views) => void passes.push(views)), Math.ceil(total / 10));
    assert.ok(passes.every((views) => countPages(views) <= 10));
    const rendered = passes.flatMap(articlePages);
    assert.equal(new Set(rendered).size, 7);
    assert.equal(passes.reduce((sum, views) => sum + countPages(views), 0), (await dev.load()).pagesToRender);
    assert.equal(countPages(await dev.viewsToRender()), 0);
  });

  it("after an edit, gives the watch the pages the edit changed, the edited article's among them", async () => {
    const content = await makeArchive(fixture);
    const dev = await session(content, 3);
    await dev.renderInPasses(async () => undefined);
    const source = join(content, "2021/article-4.md");
    await writeFile(source, (await readFile(source, "utf8")).replace("Article 4", "Article four"));
    dev.changed({ everyPage: false });
    const next = await dev.viewsToRender();
    assert.ok(countPages(next) > 0);
    assert.ok(countPages(next) < countPages((await dev.load()).site.views), "not every page again");
    assert.deepEqual(articlePages(next).filter((file) => file.includes("article-4")).length, 1);
  });

  it("leaves an archive that fits in one pass to the watch", async () => {
    const dev = await session(await makeArchive(fixture), 100);
    let renders = 0;
    assert.equal(await dev.renderInPasses(async () => void (renders += 1)), 0);
    assert.equal(renders, 0);
    assert.equal(articlePages(await dev.viewsToRender()).length, 7);
  });
});

import assert from "node:assert/strict";
import { cp, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { before, describe, it } from "node:test";
import type { BrowserContext, Page } from "playwright-core";
import { archiveCacheName } from "../../src/core/offline-types.ts";
import { SAMPLE_CONTENT_DIR } from "../../src/core/project.ts";
import { startStaticServer } from "../../src/publish/static-server.ts";
import { article, makeArchive, temporaryFolder } from "../support/archive.ts";
import { runCli } from "../support/cli.ts";
import { launchBrowser, serveSite } from "./browser.ts";

const BUILD_DAY = { SOURCE_DATE_EPOCH: "1796083200" };
const CANTEEN_TITLES = ["Webinar series: sustainable food in public canteens", "School canteens survey: what 62 kitchens told us", "Less waste, better food: results from 48 school kitchens"];
const VISITED = "2022/03/15/lcc-survey-results/";

async function build(args: readonly string[]): Promise<void> {
  const run = await runCli(args, BUILD_DAY);
  assert.equal(run.code, 0, run.stderr);
}

interface StoppableServer {
  readonly url: string;
  readonly stop: () => Promise<void>;
}

/** A server this test can stop, so "offline" means no server at all, not only an emulated network. */
async function stoppableServer(root: string): Promise<StoppableServer> {
  const { server, url } = await startStaticServer({ root, basePath: "/", port: 0 });
  return {
    url,
    stop: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

async function newContext(): Promise<BrowserContext> {
  return (await launchBrowser()).newContext({ viewport: { width: 1280, height: 800 } });
}

/** Builds the archive `args` name into a new folder, serves it with a server the test can stop, and opens a browser context on nothing yet. */
async function hostBuild(args: readonly string[]): Promise<{ server: StoppableServer; context: BrowserContext }> {
  const output = join(await temporaryFolder(), "site");
  await build([...args, "--output", output]);
  return { server: await stoppableServer(output), context: await newContext() };
}

/** Waits until the service worker has installed (shell and index saved) and controls the page. */
async function waitForServiceWorker(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

/**
 * Runs `missing` in the page every 200 ms until it finds nothing missing
 * (returns ""), or fails after two minutes with what it last found missing.
 * Playwright's waitForFunction would not wait for an async function's result.
 */
async function waitInPage(page: Page, missing: (arg: string) => Promise<string>, arg: string): Promise<void> {
  let lacking = "";
  for (const deadline = Date.now() + 120_000; Date.now() < deadline; await page.waitForTimeout(200)) {
    lacking = await page.evaluate(missing, arg);
    if (lacking === "") return;
  }
  assert.fail(`still missing after two minutes: ${lacking}`);
}

/**
 * What keeps the new build's worker from having taken over: it must be
 * active, with no other worker installing or waiting, and its activation must
 * have deleted the caches of the build `earlier` names. Only the registration
 * and the caches are looked at, never a worker messaged, which would keep the
 * old worker busy.
 */
async function earlierBuildKept(earlier: string): Promise<string> {
  const registration = await navigator.serviceWorker.getRegistration();
  if (registration === undefined) return "a registration";
  if (registration.installing !== null) return "the new worker installing";
  if (registration.waiting !== null) return "the new worker waiting";
  if (registration.active?.state !== "activated") return `an active worker, not one in state ${registration.active?.state ?? "none"}`;
  const kept = (await caches.keys()).filter((name) => name.endsWith(`-${earlier}`));
  return kept.length > 0 ? `the earlier build's caches deleted: ${kept.join(", ")}` : "";
}

/** The theme's stylesheet moves the skip link out of sight: a sign it was applied. */
function skipLinkPosition(page: Page): Promise<string> {
  return page.locator(".skip-link").evaluate((link) => getComputedStyle(link).position);
}

async function searchTitles(page: Page, url: string, expected: number): Promise<string[]> {
  await page.goto(url);
  await page.waitForFunction((count) => document.querySelectorAll("#search-results li").length === count && /found/.test(document.querySelector("#search-status")?.textContent ?? ""), expected);
  return page.locator("#search-results h2").allTextContents();
}

/** The whole archive control's status, once it says something. */
async function archiveStatus(page: Page): Promise<string> {
  await page.locator("#archive-save:not([hidden]) .archive-save-status:not(:empty)").waitFor();
  return (await page.locator("#archive-save .archive-save-status").textContent()) ?? "";
}

describe("reading the hosted sample archive offline after a first visit", () => {
  it("saves a small archive whole on a first visit, so it reads and searches all of it with the server gone", async () => {
    const { server, context } = await hostBuild([]);
    try {
      const page = await context.newPage();
      await page.goto(server.url);
      await waitForServiceWorker(page);
      await page.goto(`${server.url}search/`);
      await page.waitForFunction(() => /whole archive is saved/.test(document.querySelector("#archive-save .archive-save-status")?.textContent ?? ""));
      assert.match(await archiveStatus(page), /^The whole archive is saved on this device \(\d+ files, 1\.\d MB\)/);

      await server.stop();
      await context.setOffline(true);

      await page.goto(`${server.url}${VISITED}`);
      assert.equal(await page.locator("h1").textContent(), "Life-cycle costing survey: half of our members now use it");
      assert.equal(await skipLinkPosition(page), "absolute", "the stylesheet comes from the cache too");
      assert.deepEqual(new Set(await searchTitles(page, `${server.url}search/?q=canteen`, 3)), new Set(CANTEEN_TITLES));
      assert.deepEqual(
        new Set(await searchTitles(page, `${server.url}search/?q=canteen&category=Reports`, 2)),
        new Set(["Less waste, better food: results from 48 school kitchens", "School canteens survey: what 62 kitchens told us"]),
      );
      assert.equal(await page.locator(".search-result-unsaved").count(), 0, "every page is saved");
      await page.goto(`${server.url}2023/02/13/food-waste-report/`);
      assert.equal(await page.locator("h1").textContent(), "Less waste, better food: results from 48 school kitchens", "a page never opened is saved too");
    } finally {
      await context.close();
    }
  });

  it("leaves the whole archive to the reader when the browser saves data, and saves it, stoppably, when asked", async () => {
    const { server, context } = await hostBuild([]);
    try {
      // A reader whose browser asks to save data (Save-Data): nothing but the shell and what is opened.
      await context.addInitScript(() => Object.defineProperty(navigator, "connection", { value: { saveData: true } }));
      const page = await context.newPage();
      await page.goto(server.url);
      await waitForServiceWorker(page);
      await page.goto(`${server.url}${VISITED}`);
      const title = await page.locator("h1").textContent();
      await searchTitles(page, `${server.url}search/?q=canteen`, 3);
      assert.match(await archiveStatus(page), /^This device keeps the pages you open/);
      assert.match((await page.locator("#archive-save .archive-save-start").textContent()) ?? "", /^Save the whole archive \(1\.\d MB\)$/);

      await context.setOffline(true);
      await page.goto(`${server.url}${VISITED}`);
      assert.equal(await page.locator("h1").textContent(), title, "a page read is saved");
      await searchTitles(page, `${server.url}search/?q=canteen`, 3);
      assert.equal(await page.locator(".search-result-unsaved").count(), 3, "offline, the results never opened say so");
      await page.goto(`${server.url}2023/02/13/food-waste-report/`);
      assert.equal(await page.locator("h1").textContent(), "Not saved for offline reading");

      // Online again, the reader saves the archive: progress, a stop, then the rest.
      await context.setOffline(false);
      await page.route("**/*", async (route) => {
        await new Promise((resolve) => setTimeout(resolve, 30));
        await route.continue();
      });
      await page.goto(`${server.url}offline/`);
      await archiveStatus(page);
      await page.locator("#archive-save .archive-save-start").click();
      await page.waitForFunction(() => /^Saving the archive: [1-9]\d* of/.test(document.querySelector("#archive-save .archive-save-status")?.textContent ?? ""));
      assert.equal(await page.locator("#archive-save progress").isVisible(), true);
      await page.locator("#archive-save .archive-save-stop").click();
      await page.waitForFunction(() => /are saved on this device/.test(document.querySelector("#archive-save .archive-save-status")?.textContent ?? ""));
      assert.match((await page.locator("#archive-save .archive-save-start").textContent()) ?? "", /^Save the rest \([\d.]+ MB\)$/);
      await page.unroute("**/*");
      await page.locator("#archive-save .archive-save-start").click();
      await page.waitForFunction(() => /whole archive is saved/.test(document.querySelector("#archive-save .archive-save-status")?.textContent ?? ""));

      await server.stop();
      await context.setOffline(true);
      await page.goto(`${server.url}2023/02/13/food-waste-report/`);
      assert.equal(await page.locator("h1").textContent(), "Less waste, better food: results from 48 school kitchens");
    } finally {
      await context.close();
    }
  });

  it("replaces what an earlier build saved once the reader is online again", async () => {
    const content = join(await temporaryFolder(), "content");
    await cp(SAMPLE_CONTENT_DIR, content, { recursive: true });
    const output = join(await temporaryFolder(), "site");
    await build(["--content", content, "--output", output]);
    const siteUrl = await serveSite(output);
    const context = await newContext();
    try {
      const page = await context.newPage();
      await page.goto(siteUrl);
      await waitForServiceWorker(page);
      await page.goto(`${siteUrl}${VISITED}`);
      // The caches of a build are named by its worker's version; the new worker deletes the old build's.
      const version = async (): Promise<string> => /"version":"([0-9a-f]+)"/.exec(await readFile(join(output, "sw.js"), "utf8"))?.[1] ?? "";
      const earlier = await version();
      await waitInPage(page, async (version) => ((await caches.keys()).includes(`news-archive-pages-${version}`) ? "" : "the first build's pages cache"), earlier);

      const source = join(content, "2022", "lcc-survey-results", "index.md");
      await writeFile(source, (await readFile(source, "utf8")).replace(/^title: .*$/m, 'title: "Life-cycle costing survey, corrected"'));
      await build(["--content", content, "--output", output]);
      assert.notEqual(await version(), earlier, "the edit changes the worker");

      await page.goto(`${siteUrl}${VISITED}`);
      assert.equal(await page.locator("h1").textContent(), "Life-cycle costing survey, corrected", "online, the new build's page is shown at once");
      await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
      await waitInPage(page, earlierBuildKept, earlier);
      // The page asked for the small archive to be saved while the new worker installed: the new worker saves it, once it has taken over.
      await waitInPage(
        page,
        async (cache) => ((await caches.has(cache)) && (await (await caches.open(cache)).match(`${location.origin}/2023/02/13/food-waste-report/`)) !== undefined ? "" : `a page never opened in ${cache}`),
        archiveCacheName(await version()),
      );

      await context.setOffline(true);
      await page.goto(`${siteUrl}${VISITED}`);
      assert.equal(await page.locator("h1").textContent(), "Life-cycle costing survey, corrected", "offline, the saved page is the new build's");
      await page.goto(`${siteUrl}2023/02/13/food-waste-report/`);
      assert.equal(await page.locator("h1").textContent(), "Less waste, better food: results from 48 school kitchens", "a page never opened is saved from the new build");
    } finally {
      await context.close();
    }
  });
});

describe("searching offline an archive whose index is split by period", () => {
  it("searches every period offline that the reader's searches loaded online, with nothing saved whole", async () => {
    const dates = ["2019-03-05", "2019-09-12", "2020-02-10", "2020-10-21", "2021-04-09", "2021-06-30"];
    const content = await makeArchive({
      ...Object.fromEntries(dates.map((date) => [`${date}.md`, article({ title: `Carbon note ${date}`, date, category: "News" }, "What the city measured of carbon.")])),
      // Two articles a period: three bundles, 2021 in pagefind/, 2020 and 2019 in pagefind/periods/.
      "news-archive.json": JSON.stringify({ title: "Periods", timeZone: "UTC", searchPeriodArticles: 2, offline: { wholeArchiveMB: 0 } }),
    });
    const { server, context } = await hostBuild(["--content", content]);
    try {
      const page = await context.newPage();
      await page.goto(server.url);
      await waitForServiceWorker(page);
      const searchEveryPeriod = async (): Promise<string[]> => {
        await searchTitles(page, `${server.url}search/?q=carbon&sort=newest`, 2);
        for (const shown of [4, 6]) {
          await page.click("#search-more");
          await page.waitForFunction((count) => document.querySelectorAll("#search-results li").length === count, shown);
        }
        return page.locator("#search-results h2").allTextContents();
      };
      const online = await searchEveryPeriod();
      assert.deepEqual(online, [...dates].reverse().map((date) => `Carbon note ${date}`));

      await server.stop();
      await context.setOffline(true);
      // Going to the very URL shown would be a reload, which restores the six results shown: the search starts anew from another page.
      await page.goto("about:blank");
      assert.deepEqual(await searchEveryPeriod(), online);
      assert.equal(await page.locator("#search-status").textContent(), "6 articles found for “carbon”.");
    } finally {
      await context.close();
    }
  });
});

describe("the portable build opened from a folder on disk", () => {
  let output: string;
  let home: string;

  before(async () => {
    output = join(await temporaryFolder(), "portable");
    await build(["--portable", "--output", output]);
    home = pathToFileURL(join(output, "index.html")).href;
  });

  it("goes from the home page through the month grid to an article, styled, without any network request", async () => {
    const context = await newContext();
    try {
      const page = await context.newPage();
      const requests: string[] = [];
      page.on("request", (request) => requests.push(request.url()));
      await page.goto(home);
      await page.locator(".site-nav").getByRole("link", { name: "Archive" }).click();
      assert.equal(page.url(), pathToFileURL(join(output, "archive/index.html")).href);
      await page.locator('table a[href$="2022/03/index.html"]').click();
      assert.equal(await page.locator("h1").textContent(), "March 2022");
      await page.locator(`a[href$="${VISITED}index.html"]`).first().click();
      assert.equal(page.url(), pathToFileURL(join(output, VISITED, "index.html")).href);
      assert.equal(await skipLinkPosition(page), "absolute", "the stylesheet loads from disk");
      assert.deepEqual(
        requests.filter((url) => !url.startsWith("file:")),
        [],
      );
    } finally {
      await context.close();
    }
  });

  it("searches from the header box, narrows with a filter and opens a result", async () => {
    const context = await newContext();
    try {
      const page = await context.newPage();
      await page.goto(pathToFileURL(join(output, VISITED, "index.html")).href);
      await page.fill("#site-search-query", "canteen");
      await page.press("#site-search-query", "Enter");
      await page.waitForFunction(() => document.querySelectorAll("#search-results li").length === 3);
      assert.deepEqual(new Set(await page.locator("#search-results h2").allTextContents()), new Set(CANTEEN_TITLES));
      assert.equal(await page.locator("#search-status").textContent(), "3 articles found for “canteen”.");
      assert.ok((await page.locator("#search-results mark").count()) > 0, "matched words are marked in the excerpts");
      await page.selectOption("#search-category", "Reports");
      await page.selectOption("#search-sort", "newest");
      await page.waitForFunction(() => document.querySelector("#search-status")?.textContent === "2 articles found for “canteen” in Reports.");
      await page.waitForFunction(() => document.querySelectorAll("#search-results li").length === 2);
      assert.deepEqual(await page.locator("#search-results .article-item-meta").allTextContents(), ["February 13, 2023 · Reports", "April 23, 2018 · Reports"]);
      await page.locator("#search-results h2 a").first().click();
      assert.equal(await page.locator("h1").textContent(), "Less waste, better food: results from 48 school kitchens");
      assert.match(page.url(), /^file:.*\/2023\/02\/13\/food-waste-report\/index\.html$/);
    } finally {
      await context.close();
    }
  });

  it("finds the same articles from disk as Pagefind finds when the same build is hosted", async () => {
    const hosted = await serveSite(output);
    const context = await newContext();
    try {
      const page = await context.newPage();
      for (const query of ["procurement", "green public", "school kitchens", "purch", "february", "food waste&year=2023", "tender&category=Reports"]) {
        const count = async (url: string): Promise<string[]> => {
          await page.goto(url);
          await page.waitForFunction(() => /found/.test(document.querySelector("#search-status")?.textContent ?? ""));
          const wanted = Number(/^(\d+)/.exec((await page.locator("#search-status").textContent()) ?? "")?.[1] ?? 0);
          await page.waitForFunction((count) => document.querySelectorAll("#search-results li").length === Math.min(count, 10), wanted);
          for (let shown = Math.min(wanted, 10); shown < wanted; shown = Math.min(wanted, shown + 10)) {
            await page.locator("#search-more").click();
            await page.waitForFunction((count) => document.querySelectorAll("#search-results li").length === count, Math.min(wanted, shown + 10));
          }
          return (await page.locator("#search-results h2").allTextContents()).sort();
        };
        const path = `search/index.html?q=${query.replace(" ", "+")}`;

        const fromDisk = await count(new URL(path, home).href);
        const fromServer = await count(`${hosted}${path}`);
        assert.ok(fromDisk.length > 0, `${query} finds something`);
        assert.deepEqual(fromDisk, fromServer, query);
      }
    } finally {
      await context.close();
    }
  });
});

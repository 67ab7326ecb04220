import assert from "node:assert/strict";
import { cp, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, it } from "node:test";
import type { BrowserContext, Page } from "playwright-core";
import { archiveCacheName } from "../../src/core/offline-types.browser.ts";
import { SAMPLE_CONTENT_DIR } from "../../src/core/project.ts";
import { startStaticServer } from "../../src/publish/static-server.ts";
import { article, makeArchive, temporaryFolder } from "../support/archive.ts";
import { buildSite, CANTEEN_TITLES, newContext, SAMPLE_ARTICLE as VISITED, serveSite, skipLinkPosition, waitForServiceWorker } from "../support/browser.ts";

/** A sample article the rebuild test never opens. */
const NEVER_OPENED = "2023/02/13/food-waste-report/";

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

/** Builds the archive `args` name into a new folder, serves it with a server the test can stop, and opens a browser context on nothing yet. */
async function hostBuild(args: readonly string[]): Promise<{ server: StoppableServer; context: BrowserContext }> {
  const output = join(await temporaryFolder(), "site");
  await buildSite([...args, "--output", output]);
  return { server: await stoppableServer(output), context: await offlineAwareContext() };
}

/** The cookie that tells a document of the context that the device is offline (see `goOffline`). */
const OFFLINE_COOKIE = "emulated-offline";

/**
 * A browser context (newContext) whose documents read `navigator.onLine`
 * from OFFLINE_COOKIE, which `goOffline` sets: Chromium 150's emulation of an
 * offline network no longer reaches `navigator.onLine` in a document loaded
 * after it (true there, while every request fails), which an offline
 * device's documents say is false.
 */
async function offlineAwareContext(): Promise<BrowserContext> {
  const context = await newContext();
  // As text: a function would be sent as tsx compiled it, naming its inner functions with a helper the page lacks.
  await context.addInitScript({
    content: `Object.defineProperty(Navigator.prototype, "onLine", { configurable: true, get: () => !document.cookie.split("; ").includes("${OFFLINE_COOKIE}=1") });`,
  });
  return context;
}

/**
 * Takes the network of a context made by offlineAwareContext offline, or
 * online again, as a device's would go: its documents are told by the
 * cookie of the site's origin, set first, and those open then by the
 * emulation too (with an "offline" or "online" event).
 */
async function goOffline(context: BrowserContext, siteUrl: string, offline: boolean): Promise<void> {
  if (offline) await context.addCookies([{ name: OFFLINE_COOKIE, value: "1", url: siteUrl }]);
  else await context.clearCookies({ name: OFFLINE_COOKIE });
  await context.setOffline(offline);
}

/**
 * Runs `missing` in the page every 200 ms until it finds nothing missing
 * (returns ""), or fails after two minutes with what it last found missing.
 * Playwright's waitForFunction calls an async predicate once and stops,
 * whatever its promise yields.
 */
async function waitInPage(page: Page, missing: (args: string[]) => Promise<string>, args: string[]): Promise<void> {
  let lacking = "";
  for (const deadline = Date.now() + 120_000; Date.now() < deadline; await page.waitForTimeout(200)) {
    lacking = await page.evaluate(missing, args);
    if (lacking === "") return;
  }
  assert.fail(`still missing after two minutes: ${lacking}`);
}

/** What the cache named lacks of the page at the path given (from the site's root): the page, or the text given. */
async function whatCacheLacks([cache = "", path = "", text = ""]: string[]): Promise<string> {
  const saved = (await caches.has(cache)) ? await (await caches.open(cache)).match(`${location.origin}/${path}`) : undefined;
  if (saved === undefined) return `${path} in ${cache}`;
  return (await saved.text()).includes(text) ? "" : `"${text}" in ${path} in ${cache}`;
}

/**
 * What keeps the new build's worker from having taken over: it must be
 * active, with no other worker installing or waiting, and its activation must
 * have deleted the caches of the build `earlier` names. Only the registration
 * and the caches are looked at, never a worker messaged, which would keep the
 * old worker busy.
 */
async function whatKeepsEarlierBuild([earlier]: string[]): Promise<string> {
  const registration = await navigator.serviceWorker.getRegistration();
  if (registration === undefined) return "a registration";
  if (registration.installing !== null) return "the new worker installing";
  if (registration.waiting !== null) return "the new worker waiting";
  if (registration.active?.state !== "activated") return `an active worker, not one in state ${registration.active?.state ?? "none"}`;
  const kept = (await caches.keys()).filter((name) => name.endsWith(`-${earlier ?? ""}`));
  return kept.length > 0 ? `the earlier build's caches deleted: ${kept.join(", ")}` : "";
}

async function searchTitles(page: Page, url: string, expected: number): Promise<string[]> {
  await page.goto(url);
  await page.waitForFunction(
    (count) => document.querySelectorAll("#search-results li").length === count && /found/.test(document.querySelector("#search-status")?.textContent ?? ""),
    expected,
  );
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
      await goOffline(context, server.url, true);

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

      await goOffline(context, server.url, true);
      await page.goto(`${server.url}${VISITED}`);
      assert.equal(await page.locator("h1").textContent(), title, "a page read is saved");
      await searchTitles(page, `${server.url}search/?q=canteen`, 3);
      assert.equal(await page.locator(".search-result-unsaved").count(), 3, "offline, the results never opened say so");
      await page.goto(`${server.url}2023/02/13/food-waste-report/`);
      assert.equal(await page.locator("h1").textContent(), "Not saved for offline reading");

      // Online again, the reader saves the archive: progress, a stop, then the rest.
      await goOffline(context, server.url, false);
      await page.route("**/*", async (route) => {
        await new Promise((resolve) => setTimeout(resolve, 30));
        await route.continue();
      });
      await page.goto(`${server.url}offline/`);
      await archiveStatus(page);
      await page.locator("#archive-save .archive-save-start").click();
      await page.waitForFunction(() =>
        /^Saving the archive: [1-9]\d* of/.test(document.querySelector("#archive-save .archive-save-status")?.textContent ?? ""),
      );
      assert.equal(await page.locator("#archive-save progress").isVisible(), true);
      await page.locator("#archive-save .archive-save-stop").click();
      await page.waitForFunction(() => /are saved on this device/.test(document.querySelector("#archive-save .archive-save-status")?.textContent ?? ""));
      assert.match((await page.locator("#archive-save .archive-save-start").textContent()) ?? "", /^Save the rest \([\d.]+ MB\)$/);
      await page.unroute("**/*");
      await page.locator("#archive-save .archive-save-start").click();
      await page.waitForFunction(() => /whole archive is saved/.test(document.querySelector("#archive-save .archive-save-status")?.textContent ?? ""));

      await server.stop();
      await goOffline(context, server.url, true);
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
    await buildSite(["--content", content, "--output", output]);
    const siteUrl = await serveSite(output);
    const context = await offlineAwareContext();
    try {
      const page = await context.newPage();
      await page.goto(siteUrl);
      await waitForServiceWorker(page);
      await page.goto(`${siteUrl}${VISITED}`);
      // The caches of a build are named by its worker's version; the new worker deletes the old build's.
      const version = async (): Promise<string> => /"version":"([0-9a-f]+)"/.exec(await readFile(join(output, "sw.js"), "utf8"))?.[1] ?? "";
      const earlier = await version();
      await waitInPage(page, whatCacheLacks, [`news-archive-pages-${earlier}`, VISITED, "Life-cycle costing survey"]);

      const source = join(content, "2022", "lcc-survey-results", "index.md");
      await writeFile(source, (await readFile(source, "utf8")).replace(/^title: .*$/m, 'title: "Life-cycle costing survey, corrected"'));
      await buildSite(["--content", content, "--output", output]);
      assert.notEqual(await version(), earlier, "the edit changes the worker");

      await page.goto(`${siteUrl}${VISITED}`);
      assert.equal(await page.locator("h1").textContent(), "Life-cycle costing survey, corrected", "online, the new build's page is shown at once");
      await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
      await waitInPage(page, whatKeepsEarlierBuild, [earlier]);
      const latest = await version();
      // The kept pages are fetched again from the new build.
      await waitInPage(page, whatCacheLacks, [`news-archive-pages-${latest}`, VISITED, "Life-cycle costing survey, corrected"]);
      // The new worker saves the new build's small archive once it has taken over: the page asks it then
      // (or at once, when the browser's update check was under way as the page loaded).
      await waitInPage(page, whatCacheLacks, [archiveCacheName(latest), NEVER_OPENED, "Less waste, better food"]);

      await goOffline(context, siteUrl, true);
      await page.goto(`${siteUrl}${VISITED}`);
      assert.equal(await page.locator("h1").textContent(), "Life-cycle costing survey, corrected", "offline, the saved page is the new build's");
      await page.goto(`${siteUrl}${NEVER_OPENED}`);
      assert.equal(
        await page.locator("h1").textContent(),
        "Less waste, better food: results from 48 school kitchens",
        "a page never opened is saved from the new build",
      );
    } finally {
      await context.close();
    }
  });
});

describe("searching offline an archive of many periods", () => {
  it("searches with what the reader's searches saved, says what it could not search or show, and never says there are no results", async () => {
    const years = Array.from({ length: 15 }, (_, at) => 2011 + at);
    const dates = years.flatMap((year) => [`${year}-03-05`, `${year}-09-12`]);
    const content = await makeArchive({
      ...Object.fromEntries(
        dates.map((date) => [
          `${date}.md`,
          article({ title: `Carbon note ${date}`, date, category: "News" }, `What the city measured of carbon in ${date.slice(0, 4)}.`),
        ]),
      ),
      // Two articles a period, and nothing saved whole.
      "news-archive.json": JSON.stringify({ title: "Periods", timeZone: "UTC", searchPeriodArticles: 2, offline: { wholeArchiveMB: 0 } }),
    });
    const { server, context } = await hostBuild(["--content", content]);
    try {
      const page = await context.newPage();
      await page.goto(server.url);
      await waitForServiceWorker(page);
      const newest = [...dates].reverse().map((date) => `Carbon note ${date}`);
      assert.deepEqual(await searchTitles(page, `${server.url}search/?q=carbon&sort=newest`, 10), newest.slice(0, 10));

      await server.stop();
      await goOffline(context, server.url, true);
      // Going to the very URL shown would be a reload, which restores the results shown: the search starts anew from another page.
      await page.goto("about:blank");
      assert.deepEqual(
        await searchTitles(page, `${server.url}search/?q=carbon&sort=newest`, 10),
        newest.slice(0, 10),
        "the words searched before, and the results shown before",
      );
      assert.equal(
        await page.locator("#search-status").textContent(),
        "Showing 10 of 30 articles found for “carbon”.",
        "every match counted, though most were never shown",
      );
      await page.click("#search-more");
      await page.waitForFunction(() => document.querySelectorAll("#search-results li").length === 20);
      assert.deepEqual(
        await page.locator(".search-result-unshown").allTextContents(),
        years
          .slice(5, 10)
          .reverse()
          .flatMap((year) => Array.from({ length: 2 }, () => `An article of ${year} that this device has not saved: it shows once you are online.`)),
      );

      // Every word of so small an archive, postings included, is in the one shard the first search saved; a phrase needs the pairs, which no search saved.
      await page.goto(`${server.url}search/?q=${encodeURIComponent('"city measured"')}`);
      await page.waitForFunction(() => /offline/.test(document.querySelector("#search-status")?.textContent ?? ""));
      assert.match(
        (await page.locator("#search-status").textContent()) ?? "",
        /^You are offline, and this device has not saved the part of the search index these words need/,
      );
      assert.equal(await page.locator("#search-results li").count(), 0);
      assert.match(await archiveStatus(page), /Connect to the internet to save the whole archive\.$/);
      assert.equal(await page.locator("#archive-save .archive-save-start").isHidden(), true, "no offer to save what cannot be fetched");
    } finally {
      await context.close();
    }
  });
});

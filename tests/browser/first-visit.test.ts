import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import type { Socket } from "node:net";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import type { OfflinePlan } from "../../src/core/offline-types.browser.ts";
import { PROJECT_ROOT } from "../../src/core/project.ts";
import { routePath } from "../../src/core/urls.ts";
import { startStaticServer } from "../../src/publish/static-server.ts";
import { temporaryFolder } from "../support/archive.ts";
import { buildSite, newContext, waitForServiceWorker } from "../support/browser.ts";

const CORPORA = join(PROJECT_ROOT, "..", "shared", "corpora");
const absent = existsSync(CORPORA) ? false : `the shared corpora are not on this machine (${CORPORA} is absent)`;

describe("a reader's first visit to the Node.js blog", { skip: absent }, () => {
  const closers: (() => Promise<void>)[] = [];
  after(async () => {
    for (const close of closers.reverse()) await close();
  });

  it("downloads the page, the shell and the worker, and not the archive nor its search index", async (t) => {
    const output = join(await temporaryFolder(), "site");
    await buildSite([
      "--content",
      join(CORPORA, "nodejs-blog", "content"),
      "--config",
      join(PROJECT_ROOT, "tests", "corpora", "nodejs-blog.json"),
      "--output",
      output,
    ]);
    const plan = JSON.parse(/^var newsArchiveOffline = (.*);$/m.exec(await readFile(join(output, "sw.js"), "utf8"))?.[1] ?? "null") as OfflinePlan;
    assert.ok(plan.archiveBytes > plan.firstVisitBytes, "an archive too large to save on a first visit");

    // Every byte the server sends, headers included, whoever asks: the page or its service worker.
    const { server, url } = await startStaticServer({ root: output, basePath: "/", port: 0 });
    const sockets: Socket[] = [];
    server.on("connection", (socket: Socket) => sockets.push(socket));
    closers.push(() => new Promise((resolve) => server.close(() => resolve())));
    const sent = (): number => sockets.reduce((sum, socket) => sum + socket.bytesWritten, 0);
    const context = await newContext({ width: 390, height: 844 });
    closers.push(() => context.close());
    const requested: string[] = [];
    context.on("request", (request) => requested.push(new URL(request.url()).pathname));

    const page = await context.newPage();
    await page.goto(url);
    await waitForServiceWorker(page);
    // Done when nothing more is sent for a second.
    for (let last = -1; last !== sent(); ) {
      last = sent();
      await page.waitForTimeout(1000);
    }
    const bytes = sent();
    t.diagnostic(
      `first visit: ${bytes} bytes (${(bytes / 1_000_000).toFixed(2)} MB) in ${requested.length} requests; the archive is ${(plan.archiveBytes / 1_000_000).toFixed(1)} MB`,
    );
    assert.ok(bytes < 1_000_000, `the first visit downloaded ${bytes} bytes`);
    assert.equal(requested.filter((path) => path.startsWith(routePath({ kind: "search-index" }))).length, 0, "no part of the search index before a search");
    assert.ok(!requested.includes(`/${plan.archiveList}`), "the archive's list is fetched only to save it");
  });
});

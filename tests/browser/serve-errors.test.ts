import assert from "node:assert/strict";
import { stat } from "node:fs/promises";
import { join } from "node:path";
import { describe, it } from "node:test";
import { PROBLEMS_OVERLAY_ID } from "../../src/publish/problems-overlay.ts";
import { article, makeArchive, temporaryFolder, writeFiles } from "../support/archive.ts";
import { startCli } from "../support/cli.ts";
import { openPage } from "../support/browser.ts";

const TIMEOUT_MS = 60_000;

/** Polls until `check` holds, for npm start's build in another process. */
async function until(what: string, check: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + TIMEOUT_MS;
  while (!(await check().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * An author with the site open in a browser under npm start breaks an
 * article, then fixes it: the browser reloads by itself each time, shows the
 * error with its file and line while there is one, and the page again once
 * it is fixed.
 */
describe("npm start's errors in the browser", () => {
  it("shows a broken article's error over the page with its file and line, and the article again once it is fixed", async () => {
    const bravo = article({ title: "Bravo", date: "2021-04-02", category: "News" }, "The first version of Bravo.");
    const content = await makeArchive({ "alpha.md": article({ title: "Alpha", date: "2021-03-01", category: "News" }), "bravo.md": bravo });
    const output = join(await temporaryFolder(), "site");
    const port = 20000 + Math.floor(Math.random() * 20000);
    startCli(["serve", "--no-cache", "--content", content, "--output", output, "--port", String(port)]);
    await until("the first build has written its search index", async () => (await stat(join(output, "search-index/entry.bin"))).isFile());

    const { page } = await openPage(`http://127.0.0.1:${port}/`);
    await page.goto(`http://127.0.0.1:${port}/2021/04/02/bravo/`);
    assert.equal(await page.locator("h1").first().textContent(), "Bravo");
    const overlay = page.locator(`#${PROBLEMS_OVERLAY_ID}`);
    assert.equal(await overlay.count(), 0);

    await writeFiles(content, { "bravo.md": "---\ntitle: [Bravo\ndate: 2021-04-02\n---\n\nBody.\n" });
    // The live reload brings the error, without the author reloading. The watcher may see the file while it is
    // being written (empty, an error of its own) and report it, then the error of the whole file on the next build.
    await overlay
      .locator("li", { hasText: /bravo\.md:\d+: error: / })
      .first()
      .waitFor({ timeout: TIMEOUT_MS });
    const box = await overlay.boundingBox();
    assert.ok(box !== null && box.y === 0 && box.height > 20, "the errors are shown at the top of the window");

    await writeFiles(content, { "bravo.md": bravo });
    await overlay.waitFor({ state: "detached", timeout: TIMEOUT_MS });
    await until("the article is shown again", async () => (await page.locator("h1").first().textContent()) === "Bravo");
  });
});

import assert from "node:assert/strict";
import { existsSync, linkSync, symlinkSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, it } from "node:test";
import { filesUnder, listFolder, removeTree } from "../../src/core/files.ts";
import { temporaryFolder, writeFiles } from "../support/archive.ts";

describe("removing a folder whole", () => {
  it("removes its files, its folders at any depth, its links and itself, leaving the files its hard links share", async () => {
    const root = await temporaryFolder();
    await writeFiles(join(root, "kept"), { "page.html": "shared" });
    await writeFiles(join(root, "old"), { "index.html": "home", "2024/05/01/a/index.html": "a", "search/x/y/z.bin": "z", "empty/.hidden": "" });
    linkSync(join(root, "kept/page.html"), join(root, "old/2024/linked.html"));
    symlinkSync(join(root, "kept"), join(root, "old/to-kept"));
    removeTree(join(root, "old"));
    assert.equal(existsSync(join(root, "old")), false);
    assert.equal(await readFile(join(root, "kept/page.html"), "utf8"), "shared");
    assert.deepEqual(
      filesUnder(root).map((file) => file.path),
      ["kept/page.html"],
    );
  });

  it("does nothing for a folder that does not exist", async () => {
    const root = await temporaryFolder();
    removeTree(join(root, "none"));
    assert.equal(existsSync(root), true);
  });
});

describe("listing a folder", () => {
  it("lists its files and links and its folders at any depth by path from it, but under the top-level entries it is told to skip", async () => {
    const root = await temporaryFolder();
    await writeFiles(root, { "index.html": "home", "2024/05/a/index.html": "a", "search/p/x.bin": "x", "assets/site.css": "" });
    symlinkSync(join(root, "assets"), join(root, "2024/to-assets"));
    const listing = listFolder(root, ["search"]);
    assert.deepEqual([...listing.files].sort(), ["2024/05/a/index.html", "2024/to-assets", "assets/site.css", "index.html"]);
    assert.deepEqual([...listing.folders].sort(), ["2024", "2024/05", "2024/05/a", "assets"]);
  });

  it("holds nothing for a folder that is gone, as one removed while another thread lists it", async () => {
    const root = await temporaryFolder();
    assert.deepEqual(listFolder(join(root, "gone")), { files: [], folders: [] });
  });
});

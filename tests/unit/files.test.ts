import assert from "node:assert/strict";
import { existsSync, linkSync, symlinkSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, it } from "node:test";
import { filesUnder, removeTree } from "../../src/core/files.ts";
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

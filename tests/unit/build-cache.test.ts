import assert from "node:assert/strict";
import { readdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, it } from "node:test";
import { BuildCache } from "../../src/content/build-cache.ts";
import { temporaryFolder } from "../support/archive.ts";

interface Entry {
  readonly html: string;
  readonly missing?: number;
}

describe("the build cache", () => {
  it("gives back in a later build what an earlier build stored, undefined and NaN included", async () => {
    const dir = await temporaryFolder();
    const first = await BuildCache.open<Entry>(dir, "reader v1");
    const key = first.keyOf(new TextEncoder().encode("# Title"), "2021/a.md");
    assert.equal(first.get(key), undefined);
    first.set(key, { html: "<h1>Title</h1>", missing: Number.NaN });
    await first.save();

    const second = await BuildCache.open<Entry>(dir, "reader v1");
    assert.deepEqual(second.get(second.keyOf(new TextEncoder().encode("# Title"), "2021/a.md")), { html: "<h1>Title</h1>", missing: Number.NaN });
    assert.deepEqual(second.stats, { hits: 1, misses: 0 });
  });

  it("makes different keys when any input differs, even when their concatenations are equal", async () => {
    const cache = await BuildCache.open<Entry>(undefined, "reader v1");
    assert.equal(cache.keyOf("ab", "c"), cache.keyOf("ab", "c"));
    assert.notEqual(cache.keyOf("ab", "c"), cache.keyOf("a", "bc"));
    assert.notEqual(cache.keyOf("ab"), (await BuildCache.open<Entry>(undefined, "reader v2")).keyOf("ab"));
  });

  it("serves nothing stored by other code, and deletes what that code stored", async () => {
    const dir = await temporaryFolder();
    const old = await BuildCache.open<Entry>(dir, "reader v1");
    old.set(old.keyOf("x"), { html: "old" });
    await old.save();
    const filesBefore = await readdir(dir);

    const current = await BuildCache.open<Entry>(dir, "reader v2");
    assert.equal(current.get(current.keyOf("x")), undefined);
    assert.equal(filesBefore.length, 1);
    assert.deepEqual(await readdir(dir), []);
  });

  it("keeps after a save only the entries that build used", async () => {
    const dir = await temporaryFolder();
    const first = await BuildCache.open<Entry>(dir, "reader");
    for (const name of ["kept", "dropped"]) first.set(first.keyOf(name), { html: name });
    await first.save();

    const second = await BuildCache.open<Entry>(dir, "reader");
    assert.ok(second.get(second.keyOf("kept")));
    await second.save();

    const third = await BuildCache.open<Entry>(dir, "reader");
    assert.deepEqual(third.get(third.keyOf("kept")), { html: "kept" });
    assert.equal(third.get(third.keyOf("dropped")), undefined);
  });

  it("treats a damaged file as empty instead of failing the build", async () => {
    const dir = await temporaryFolder();
    const first = await BuildCache.open<Entry>(dir, "reader");
    first.set(first.keyOf("a"), { html: "a" });
    await first.save();
    const [file = ""] = await readdir(dir);
    await writeFile(join(dir, file), "not a serialized map");

    const second = await BuildCache.open<Entry>(dir, "reader");
    assert.equal(second.get(second.keyOf("a")), undefined);
    second.set(second.keyOf("a"), { html: "again" });
    await second.save();
    const third = await BuildCache.open<Entry>(dir, "reader");
    assert.deepEqual(third.get(third.keyOf("a")), { html: "again" });
  });

  it("remembers nothing across builds without a folder", async () => {
    const first = await BuildCache.open<Entry>(undefined, "reader");
    first.set(first.keyOf("a"), { html: "a" });
    await first.save();
    const second = await BuildCache.open<Entry>(undefined, "reader");
    assert.equal(second.get(second.keyOf("a")), undefined);
  });

  it("reports a folder it cannot write instead of failing, and keeps working in memory", async () => {
    const file = join(await temporaryFolder(), "a-file");
    await writeFile(file, "");
    const cache = await BuildCache.open<Entry>(join(file, "cache"), "reader");
    cache.set(cache.keyOf("a"), { html: "a" });
    const { failed } = await cache.save();
    assert.match(String(failed), /ENOTDIR/);
    assert.deepEqual(cache.get(cache.keyOf("a")), { html: "a" });
  });
});

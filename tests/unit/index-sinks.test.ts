import assert from "node:assert/strict";
import { link, mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, it } from "node:test";
import { gunzipSync, gzipSync } from "node:zlib";
import { FolderSink, MemorySink } from "../../src/search/index-sinks.ts";
import { temporaryFolder, writeFiles } from "../support/archive.ts";

describe("the search index's files made in memory", () => {
  it("holds each compressed file in a buffer of its own size, so that sending it to another thread sends its bytes alone", () => {
    const sink = new MemorySink(undefined, false);
    const payloads = new Map([
      ["entry", new TextEncoder().encode("a small file")],
      ["0123abcd/7", new TextEncoder().encode("a fragment ".repeat(40))],
    ]);
    for (const [path, payload] of payloads) sink.write(path, payload);
    assert.equal(sink.parts.length, payloads.size);
    for (const part of sink.parts) {
      assert.equal(part.kind, "file");
      if (part.kind !== "file" || typeof part.content === "string") continue;
      assert.equal(part.content.buffer.byteLength, part.content.byteLength, part.path);
      assert.deepEqual(new Uint8Array(gunzipSync(part.content)), payloads.get(part.path));
    }
  });
});

describe("the search index written over an earlier build's index", () => {
  /** An earlier index (its entry, a file named by its content, a period's folder of two fragments, one file no longer used) and the previous output's, which links to the same storage. */
  async function earlierIndex(root: string): Promise<{ readonly dir: string; readonly previous: string }> {
    const [dir, previous] = [join(root, "kept/search-index"), join(root, "site/search-index")];
    await writeFiles(dir, { "entry.bin": "old entry", "terms-1.bin": "terms", "unused-2.bin": "unused", "p1/0.bin": "a", "p1/1.bin": "b", "p2/0.bin": "c" });
    await mkdir(join(previous, "p1"), { recursive: true });
    for (const file of ["entry.bin", "terms-1.bin", "p1/0.bin", "p1/1.bin"]) await link(join(dir, file), join(previous, file));
    return { dir, previous };
  }

  it("keeps the files and period folders it has, writes the others anew without changing the previous output, and removes the rest", async () => {
    const { dir, previous } = await earlierIndex(await temporaryFolder());
    const sink = new FolderSink(dir, previous, false, true);
    assert.equal(sink.reuse("terms-1"), true);
    assert.equal(sink.reuseFolder("p1", 2), true);
    sink.put("entry", "new entry");
    sink.removeOthers();
    assert.deepEqual((await readdir(dir)).sort(), ["entry.bin", "p1", "terms-1.bin"]);
    assert.equal(await readFile(join(dir, "entry.bin"), "utf8"), "new entry");
    assert.equal(await readFile(join(previous, "entry.bin"), "utf8"), "old entry", "the previous output's entry shared the kept one's storage");
    assert.equal(sink.files, 4);
  });

  it("removes a period folder it has before writing one of that name, whose files may share their storage with the previous output's", async () => {
    const { dir, previous } = await earlierIndex(await temporaryFolder());
    const sink = new FolderSink(dir, previous, false, true);
    assert.equal(sink.reuseFolder("p2", 3), false, "a folder of another number of files is not the one wanted");
    sink.put("p1/0", "a, edited");
    assert.deepEqual(await readdir(join(dir, "p1")), ["0.bin"]);
    assert.equal(await readFile(join(previous, "p1/0.bin"), "utf8"), "a");
  });
});

describe("a period's new folder", () => {
  /** A previous output's period folder of five documents, each a fragment and a text named by its place. */
  async function previousPeriod(root: string): Promise<string> {
    const previous = join(root, "site/search-index");
    const files: Record<string, string> = {};
    for (const place of [0, 1, 2, 3, 4]) Object.assign(files, { [`p-old/${place}.bin`]: `fragment ${place}`, [`p-old/${place}t.bin`]: `text ${place}` });
    await writeFiles(previous, files);
    return previous;
  }

  /** Writes a new period folder of these documents (by the fragment's number in the previous one, or new) over `previous`; how many files were linked. */
  function writeOver(previous: string, dir: string, documents: readonly (number | string)[]): number {
    const sink = new FolderSink(dir, previous, false);
    documents.forEach((document, place) => {
      sink.put(`p-new/${place}`, `fragment ${document}`);
      sink.put(`p-new/${place}t`, `text ${document}`);
    });
    return sink.linked;
  }

  it("links each file of its previous folder that is the same bytes, though an article added, removed or moved before it moved its place", async () => {
    const root = await temporaryFolder();
    const previous = await previousPeriod(root);
    assert.equal(writeOver(previous, join(root, "same"), [0, 1, 2, 3, 4]), 10);
    assert.equal(writeOver(previous, join(root, "edited"), [0, 1, "two, edited", 3, 4]), 8);
    assert.equal(writeOver(previous, join(root, "added first"), ["new", 0, 1, 2, 3, 4]), 10);
    assert.equal(writeOver(previous, join(root, "removed"), [0, 2, 3, 4]), 8);
    assert.equal(writeOver(previous, join(root, "moved"), [0, 2, 3, 1, 4]), 8, "one moved later: each file found one place either side, but the moved one's");
    for (const [place, document] of ["new", 0, 1, 2, 3, 4].entries()) {
      const folder = join(root, "added first/p-new");
      assert.equal(await readFile(join(folder, `${place}.bin`), "utf8"), `fragment ${document}`);
      assert.equal(await readFile(join(folder, `${place}t.bin`), "utf8"), `text ${document}`);
    }
    // Under npm start the previous output is the folder written into.
    assert.equal(writeOver(previous, previous, [0, "new", 1, 2, 3, 4]), 10);
    // A folder of that name left half written by a failed build there is written over.
    await writeFiles(previous, { "p-half/0.bin": "fragment 0", "p-half/3t.bin": "something else" });
    const sink = new FolderSink(previous, previous, false);
    for (const [place, document] of [0, 1, 2, 3].entries()) {
      sink.put(`p-half/${place}`, `fragment ${document}`);
      sink.put(`p-half/${place}t`, `text ${document}`);
    }
    assert.equal(await readFile(join(previous, "p-half/3t.bin"), "utf8"), "text 3");
  });

  it("compares a payload with the previous folder's file decompressed, so that a file linked is never compressed again", async () => {
    const root = await temporaryFolder();
    const encode = (text: string): Uint8Array => new TextEncoder().encode(text);
    const [previous, dir] = [join(root, "site/search-index"), join(root, "new/search-index")];
    // Compressed otherwise than the build compresses: the same payload in other bytes, which only a comparison of payloads finds.
    await mkdir(join(previous, "p-old"), { recursive: true });
    for (const place of [0, 1, 2]) await writeFile(join(previous, `p-old/${place}.bin`), gzipSync(encode(`fragment ${place}`), { level: 1 }));
    const sink = new FolderSink(dir, previous, false);
    for (const [place, document] of ["new", 0, 1, "2, edited"].entries()) sink.write(`p-new/${place}`, encode(`fragment ${document}`));
    assert.equal(sink.linked, 2);
    assert.equal(gunzipSync(await readFile(join(dir, "p-new/2.bin"))).toString(), "fragment 1");
    assert.equal(gunzipSync(await readFile(join(dir, "p-new/3.bin"))).toString(), "fragment 2, edited");
    assert.deepEqual(
      sink.listing.map((file) => file.bytes),
      await Promise.all(["0", "1", "2", "3"].map(async (place) => (await readFile(join(dir, `p-new/${place}.bin`))).length)),
    );
  });
});

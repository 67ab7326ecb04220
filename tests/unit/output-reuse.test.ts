import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { link, mkdir, mkdtemp, readdir, readFile, rm, stat, utimes, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { listFolder, type FolderListing } from "../../src/core/files.ts";
import { makeLinks, OutputReuse } from "../../src/publish/output-reuse.ts";
import { SEARCH_INDEX_DIR } from "../../src/search/search-index.ts";
import { temporaryFolder, writeFiles } from "../support/archive.ts";

/** A build's output folder with two files, recorded as made from "a" and "b" by a first build. */
async function previousBuild(root: string): Promise<{ readonly previousDir: string; readonly recordFile: string }> {
  const previousDir = join(root, "site");
  const recordFile = join(root, "cache/output.bin");
  const first = await OutputReuse.open({ previousDir: join(root, "none"), stagingDir: previousDir, recordFile });
  await writeFiles(previousDir, { "a/index.html": "page a", "b.txt": "file b" });
  first.wrote("a/index.html", "a");
  first.wrote("b.txt", "b");
  await first.save(false);
  return { previousDir, recordFile };
}

describe("reusing the previous build's files", () => {
  it("links a file made from the same source into the new folder: the same bytes, the same storage", async () => {
    const root = await temporaryFolder();
    const { previousDir, recordFile } = await previousBuild(root);
    const stagingDir = join(root, "staging");
    const reuse = await OutputReuse.open({ previousDir, stagingDir, recordFile });
    assert.equal(reuse.reuse("a/index.html", "a"), true);
    assert.equal(await readFile(join(stagingDir, "a/index.html"), "utf8"), "page a");
    assert.equal((await stat(join(stagingDir, "a/index.html"))).ino, (await stat(join(previousDir, "a/index.html"))).ino);
    assert.deepEqual(reuse.report, { linked: 1, copied: 0 });
  });

  it("leaves a chosen link for later: nothing is in the new folder until the links taken are made, then the same storage", async () => {
    const root = await temporaryFolder();
    const { previousDir, recordFile } = await previousBuild(root);
    const stagingDir = join(root, "staging");
    const reuse = await OutputReuse.open({ previousDir, stagingDir, recordFile });
    assert.equal(reuse.reuseLater("a/index.html", "a"), true);
    assert.equal(reuse.reuseLater("b.txt", "changed"), false);
    assert.equal(existsSync(join(stagingDir, "a/index.html")), false);
    const links = reuse.takeLinks();
    assert.deepEqual(links, [{ from: join(previousDir, "a/index.html"), to: join(stagingDir, "a/index.html") }]);
    assert.deepEqual(reuse.takeLinks(), []);
    reuse.linked(makeLinks(links));
    assert.equal((await stat(join(stagingDir, "a/index.html"))).ino, (await stat(join(previousDir, "a/index.html"))).ino);
    assert.deepEqual(reuse.report, { linked: 1, copied: 0 });
  });

  it("says which file could not be linked when it went from the previous output after it was chosen", async () => {
    const root = await temporaryFolder();
    const { previousDir, recordFile } = await previousBuild(root);
    const reuse = await OutputReuse.open({ previousDir, stagingDir: join(root, "staging"), recordFile });
    assert.equal(reuse.reuseLater("a/index.html", "a"), true);
    await rm(join(previousDir, "a/index.html"));
    assert.throws(() => makeLinks(reuse.takeLinks()), /a\/index\.html: could not be linked into the new output/);
  });

  it("writes a file whose source changed, that the previous build did not make, or that is gone", async () => {
    const root = await temporaryFolder();
    const { previousDir, recordFile } = await previousBuild(root);
    await rm(join(previousDir, "b.txt"));
    const stagingDir = join(root, "staging");
    const reuse = await OutputReuse.open({ previousDir, stagingDir, recordFile });
    assert.equal(reuse.reuse("a/index.html", "a, edited"), false);
    assert.equal(reuse.reuse("c.txt", "c"), false);
    assert.equal(reuse.reuse("b.txt", "b"), false);
    assert.equal(existsSync(join(stagingDir, "a/index.html")), false);
    assert.deepEqual(reuse.report, { linked: 0, copied: 0 });
  });

  it("writes a file changed in the output folder after the record was taken", async () => {
    const root = await temporaryFolder();
    const { previousDir, recordFile } = await previousBuild(root);
    const later = new Date(Date.now() + 60_000);
    await utimes(join(previousDir, "a/index.html"), later, later);
    const reuse = await OutputReuse.open({ previousDir, stagingDir: join(root, "staging"), recordFile });
    assert.equal(reuse.reuse("a/index.html", "a"), false);
    assert.equal(reuse.reuse("b.txt", "b"), true);
  });

  it("keeps what the new folder was made from, reused files and written ones, for the build after", async () => {
    const root = await temporaryFolder();
    const { previousDir, recordFile } = await previousBuild(root);
    const stagingDir = join(root, "staging");
    const second = await OutputReuse.open({ previousDir, stagingDir, recordFile });
    assert.equal(second.reuse("a/index.html", "a"), true);
    await writeFiles(stagingDir, { "b.txt": "file b, edited" });
    second.wrote("b.txt", "b2");
    await second.save(false);
    const third = await OutputReuse.open({ previousDir: stagingDir, stagingDir: join(root, "third"), recordFile });
    assert.equal(third.reuse("a/index.html", "a"), true);
    assert.equal(third.reuse("b.txt", "b"), false);
    assert.equal(third.reuse("b.txt", "b2"), true);
    assert.equal(await readFile(join(root, "third/b.txt"), "utf8"), "file b, edited");
  });

  it("reuses nothing and records nothing without a record file, or with one that cannot be read", async () => {
    const root = await temporaryFolder();
    const { previousDir, recordFile } = await previousBuild(root);
    const none = await OutputReuse.open({ previousDir, stagingDir: join(root, "staging") });
    assert.equal(none.recording, false);
    assert.equal(none.reuse("a/index.html", "a"), false);
    await writeFile(recordFile, "not a record");
    const unreadable = await OutputReuse.open({ previousDir, stagingDir: join(root, "staging"), recordFile });
    assert.equal(unreadable.reuse("a/index.html", "a"), false);
  });

  it("refuses to make one path twice from two sources, which would write over the previous output's file", async () => {
    const root = await temporaryFolder();
    const { previousDir, recordFile } = await previousBuild(root);
    const reuse = await OutputReuse.open({ previousDir, stagingDir: join(root, "staging"), recordFile });
    assert.equal(reuse.reuse("a/index.html", "a"), true);
    assert.equal(reuse.reuse("a/index.html", "a"), true);
    assert.throws(() => reuse.reuse("a/index.html", "other"), /a\/index\.html: one build made two different files at this path/);
  });

  // /dev/shm is a file system of its own on Linux: a link from the temporary folder to it fails (EXDEV).
  const otherFileSystem = existsSync("/dev/shm") ? "/dev/shm" : undefined;
  it("copies a file where the file system refuses a link (another file system)", {
    skip: otherFileSystem === undefined ? "no /dev/shm to be another file system" : false,
  }, async () => {
    const root = await temporaryFolder();
    const { previousDir, recordFile } = await previousBuild(root);
    const elsewhere = await mkdtemp(join(otherFileSystem ?? "", "news-archive-test-"));
    after(() => rm(elsewhere, { recursive: true, force: true }));
    await mkdir(elsewhere, { recursive: true });
    const reuse = await OutputReuse.open({ previousDir, stagingDir: join(elsewhere, "staging"), recordFile });
    assert.equal(reuse.reuse("a/index.html", "a"), true);
    assert.equal(await readFile(join(elsewhere, "staging/a/index.html"), "utf8"), "page a");
    assert.deepEqual(reuse.report, { linked: 0, copied: 1 });
  });
});

/**
 * Two builds' outputs: the first ("a", "b", "Logo.png", "old/gone.txt"),
 * kept once the second replaced it, with its record inside it; the second,
 * which linked "a/index.html" and "Logo.png" from it and wrote "b.txt" anew,
 * in place, with its record in the cache.
 */
async function keptOutput(root: string): Promise<{ readonly previousDir: string; readonly keptDir: string; readonly recordFile: string }> {
  const keptDir = join(root, "kept");
  const previousDir = join(root, "site");
  const recordFile = join(root, "cache/output.bin");
  const first = await OutputReuse.open({ previousDir: join(root, "none"), stagingDir: keptDir, recordFile });
  await writeFiles(keptDir, { "a/index.html": "page a", "b.txt": "file b", "Logo.png": "logo", "old/gone.txt": "gone" });
  first.wrote("a/index.html", "a");
  first.wrote("b.txt", "b");
  first.wrote("Logo.png", "logo");
  first.wrote("old/gone.txt", "gone");
  await first.save(false);
  const second = await OutputReuse.open({ previousDir: keptDir, stagingDir: previousDir, recordFile, replacedKeptIn: keptDir });
  assert.equal(second.reuse("a/index.html", "a"), true);
  assert.equal(second.reuse("Logo.png", "logo"), true);
  await writeFiles(previousDir, { "b.txt": "file b, edited" });
  second.wrote("b.txt", "b2");
  // As a build that swapped its folder in and kept the one it replaced.
  second.forgetRecord();
  await second.save(true);
  return { previousDir, keptDir, recordFile };
}

describe("building over the output an earlier build replaced and kept", () => {
  it("keeps its files made from the same sources where they are, links or writes the others, and removes what no one asked for", async () => {
    const root = await temporaryFolder();
    const { previousDir, keptDir, recordFile } = await keptOutput(root);
    // Files no record names: one added by hand, and a folder npm start emptied.
    await writeFiles(keptDir, { "extra/by-hand.html": "added by hand" });
    await mkdir(join(keptDir, "emptied/page"), { recursive: true });
    const third = await OutputReuse.open({ previousDir, stagingDir: keptDir, recordFile, stagingKept: true });
    assert.equal(third.stagingKept, true);
    assert.ok(!(await readdir(keptDir)).some((name) => name.endsWith("record.bin")), "the kept folder's record is taken out, never published");
    assert.equal(third.reuseLater("a/index.html", "a"), true);
    assert.deepEqual(third.takeLinks(), [], "kept where it is: nothing to link");
    assert.equal(third.reuse("b.txt", "b2"), true);
    assert.equal(await readFile(join(keptDir, "b.txt"), "utf8"), "file b, edited");
    assert.deepEqual(third.report, { linked: 1, copied: 0 });
    await third.removeUnclaimed();
    assert.deepEqual((await readdir(keptDir)).sort(), ["a", "b.txt"]);
    assert.equal(await readFile(join(keptDir, "a/index.html"), "utf8"), "page a");
  });

  it("removes what the kept output held when it was opened and no one asked for, as listed then, and leaves the search index's folder alone", async () => {
    const root = await temporaryFolder();
    const { previousDir, keptDir, recordFile } = await keptOutput(root);
    const indexFile = `${SEARCH_INDEX_DIR}/kept.bin`;
    await writeFiles(keptDir, { "extra/by-hand.html": "added by hand", "extra/removed.html": "added by hand", [indexFile]: "the index's own" });
    await mkdir(join(keptDir, "later"));
    // Listed as the folder is opened, told only once the build is done writing, as by another thread.
    let tell: () => void = () => undefined;
    const told = new Promise<void>((resolve) => (tell = resolve));
    const listInThread = async (folder: string, skipped: readonly string[]): Promise<FolderListing> => {
      const listing = listFolder(folder, skipped);
      await told;
      return listing;
    };
    const third = await OutputReuse.open({ previousDir, stagingDir: keptDir, recordFile, stagingKept: true, listInThread });
    assert.equal(third.reuse("a/index.html", "a"), true);
    // Written since, asked for: kept, in a folder listed empty too.
    for (const path of ["c/index.html", "later/index.html"]) {
      await writeFiles(keptDir, { [path]: "written" });
      third.wrote(path, path);
    }
    // Listed, and gone by the end.
    await rm(join(keptDir, "extra/removed.html"));
    tell();
    await third.removeUnclaimed();
    assert.deepEqual((await readdir(keptDir)).sort(), [SEARCH_INDEX_DIR, "a", "c", "later"].sort());
    assert.equal(await readFile(join(keptDir, "later/index.html"), "utf8"), "written");
    assert.equal(await readFile(join(keptDir, indexFile), "utf8"), "the index's own");
  });

  it("fails with the listing's error when the other thread could not list the kept output, removing nothing", async () => {
    const root = await temporaryFolder();
    const { previousDir, keptDir, recordFile } = await keptOutput(root);
    const listInThread = (): Promise<FolderListing> => Promise.reject(new Error("the thread stopped"));
    const third = await OutputReuse.open({ previousDir, stagingDir: keptDir, recordFile, stagingKept: true, listInThread });
    await assert.rejects(third.removeUnclaimed(), /the thread stopped/);
    assert.deepEqual((await readdir(keptDir)).sort(), ["Logo.png", "a", "b.txt", "old"]);
  });

  it("keeps a file listed under a name that differs by case alone, its own or a folder's, from one asked for when both name the same file, as where case is ignored", async () => {
    const root = await temporaryFolder();
    const { previousDir, keptDir, recordFile } = await keptOutput(root);
    await writeFiles(keptDir, { "Same.txt": "listed", "Other.txt": "listed", "Folder/page.html": "listed" });
    const third = await OutputReuse.open({
      previousDir,
      stagingDir: keptDir,
      recordFile,
      stagingKept: true,
      listInThread: async (folder) => listFolder(folder),
    });
    for (const path of ["same.txt", "other.txt", "folder/page.html"]) {
      await writeFiles(keptDir, { [path]: "written" });
      third.wrote(path, path);
    }
    // A file system that ignores case opens the listed name as the file written: here, a second name of it.
    for (const [listed, written] of [
      ["Same.txt", "same.txt"],
      ["Folder/page.html", "folder/page.html"],
    ] as const) {
      await rm(join(keptDir, listed));
      await link(join(keptDir, written), join(keptDir, listed));
    }
    await third.removeUnclaimed();
    assert.deepEqual((await readdir(keptDir)).sort(), ["Folder", "Same.txt", "folder", "other.txt", "same.txt"]);
    assert.deepEqual(await readdir(join(keptDir, "Folder")), ["page.html"]);
  });

  it("removes a file before it is written anew, so that a file it shares its storage with in the output in place is untouched", async () => {
    const root = await temporaryFolder();
    const { previousDir, keptDir, recordFile } = await keptOutput(root);
    const third = await OutputReuse.open({ previousDir, stagingDir: keptDir, recordFile, stagingKept: true });
    assert.equal(third.reuseLater("a/index.html", "a, edited"), false);
    assert.equal(existsSync(join(keptDir, "a/index.html")), false);
    await writeFile(join(keptDir, "a/index.html"), "page a, edited");
    third.wrote("a/index.html", "a, edited");
    assert.equal(await readFile(join(previousDir, "a/index.html"), "utf8"), "page a");
  });

  it("removes a file whose name changed case alone before it is written, as a file system that ignores case would open it", async () => {
    const root = await temporaryFolder();
    const { previousDir, keptDir, recordFile } = await keptOutput(root);
    const third = await OutputReuse.open({ previousDir, stagingDir: keptDir, recordFile, stagingKept: true });
    assert.equal(third.reuse("logo.png", "logo"), false);
    assert.equal(existsSync(join(keptDir, "Logo.png")), false);
    assert.equal(await readFile(join(previousDir, "Logo.png"), "utf8"), "logo");
  });

  it("writes anew a file modified after its record was taken", async () => {
    const root = await temporaryFolder();
    const { previousDir, keptDir, recordFile } = await keptOutput(root);
    const later = new Date(Date.now() + 60_000);
    await utimes(join(keptDir, "old/gone.txt"), later, later);
    const third = await OutputReuse.open({ previousDir, stagingDir: keptDir, recordFile, stagingKept: true });
    assert.equal(third.reuse("old/gone.txt", "gone"), false);
    assert.equal(existsSync(join(keptDir, "old/gone.txt")), false);
  });

  it("refuses a write over a file of the kept output that was not asked for first", async () => {
    const root = await temporaryFolder();
    const { previousDir, keptDir, recordFile } = await keptOutput(root);
    const third = await OutputReuse.open({ previousDir, stagingDir: keptDir, recordFile, stagingKept: true });
    assert.throws(() => third.wrote("a/index.html", "a"), /a\/index\.html: written into a kept output without being asked for first/);
  });

  it("empties a kept output whose record cannot be read, and starts as from a new folder", async () => {
    const root = await temporaryFolder();
    const { previousDir, keptDir, recordFile } = await keptOutput(root);
    await writeFile(join(keptDir, ".news-archive-record.bin"), "not a record");
    const third = await OutputReuse.open({ previousDir, stagingDir: keptDir, recordFile, stagingKept: true });
    assert.deepEqual(await readdir(keptDir), []);
    assert.equal(third.stagingKept, false);
    assert.equal(third.reuse("a/index.html", "a"), true);
    assert.equal((await stat(join(keptDir, "a/index.html"))).ino, (await stat(join(previousDir, "a/index.html"))).ino);
  });

  it("removes nothing from an emptied kept output, whose pages are asked for only once written where no record chose them", async () => {
    const root = await temporaryFolder();
    const { previousDir, keptDir, recordFile } = await keptOutput(root);
    await writeFile(join(keptDir, ".news-archive-record.bin"), "not a record");
    await rm(recordFile);
    const third = await OutputReuse.open({ previousDir, stagingDir: keptDir, recordFile, stagingKept: true });
    assert.equal(third.canReuse, false);
    await writeFiles(keptDir, { "a/index.html": "page a, rendered" });
    await third.removeUnclaimed();
    third.wrote("a/index.html", "a");
    assert.equal(await readFile(join(keptDir, "a/index.html"), "utf8"), "page a, rendered");
  });

  it("forgets the record of the output in place before it is replaced, so that a build stopped before the next record reuses nothing", async () => {
    const root = await temporaryFolder();
    const { previousDir, recordFile } = await keptOutput(root);
    const fourth = await OutputReuse.open({ previousDir, stagingDir: join(root, "fourth"), recordFile });
    fourth.forgetRecord();
    const fifth = await OutputReuse.open({ previousDir, stagingDir: join(root, "fifth"), recordFile });
    assert.equal(fifth.reuse("a/index.html", "a"), false);
  });
});

import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm, stat, utimes, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { makeLinks, OutputReuse } from "../../src/publish/output-reuse.ts";
import { temporaryFolder, writeFiles } from "../support/archive.ts";

/** A build's output folder with two files, recorded as made from "a" and "b" by a first build. */
async function previousBuild(root: string): Promise<{ readonly previousDir: string; readonly recordFile: string }> {
  const previousDir = join(root, "site");
  const recordFile = join(root, "cache/output.bin");
  const first = await OutputReuse.open({ previousDir: join(root, "none"), stagingDir: previousDir, recordFile });
  await writeFiles(previousDir, { "a/index.html": "page a", "b.txt": "file b" });
  first.wrote("a/index.html", "a");
  first.wrote("b.txt", "b");
  await first.save();
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
    await second.save();
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

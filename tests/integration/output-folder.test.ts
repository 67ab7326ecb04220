import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { chmod, chown, lstat, mkdir, readdir, readlink, rm, stat, symlink, writeFile } from "node:fs/promises";
import { hostname } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { article, makeArchive, temporaryFolder } from "../support/archive.ts";
import { runCli, startCli } from "../support/cli.ts";
import { mountSmallDisk } from "../support/mount.ts";
import { treeDigest } from "../support/tree.ts";

/**
 * Issue 28, cases 7 and 9: where and how a build publishes. The atomic swap
 * where the output's parent allows it; otherwise in place, keeping the
 * folder; one build at a time; a full disk a clear line.
 */
const NOBODY = { uid: 65534, gid: 65534 };
const asRoot = process.getuid?.() === 0;

async function archiveOf(count: number): Promise<string> {
  const files: Record<string, string> = {};
  for (let index = 1; index <= count; index += 1) files[`a${index}.md`] = article({ title: `Article ${index}`, date: `2021-01-0${index}`, category: "News" });
  const content = await makeArchive(files);
  // Readable by the user the permission tests build as.
  await chmod(join(content, ".."), 0o755);
  return content;
}

const build = (content: string, output: string, as?: typeof NOBODY): ReturnType<typeof runCli> =>
  runCli(["--content", content, "--output", output, "--no-cache"], {}, as === undefined ? {} : { user: as });

describe("an output folder that is a symbolic link", () => {
  it("keeps the link, and publishes into the folder it leads to, keeping that folder's mode and group", async () => {
    const root = await temporaryFolder();
    const served = join(root, "srv", "site");
    await mkdir(served, { recursive: true });
    await chmod(served, 0o2775);
    if (asRoot) await chown(served, 0, 100);
    const link = join(root, "www-html");
    await symlink(served, link);
    const content = await archiveOf(2);
    for (let run = 0; run < 2; run += 1) {
      const built = await build(content, link);
      assert.equal(built.code, 0, built.stderr);
      assert.ok((await lstat(link)).isSymbolicLink(), "the link is still a link");
      assert.equal(await readlink(link), served);
      assert.ok(existsSync(join(served, "2021/01/01/a1/index.html")), "the site is in the folder the link leads to");
      const info = await stat(served);
      assert.equal(info.mode & 0o7777, 0o2775, "mode and setgid bit kept");
      if (asRoot) assert.equal(info.gid, 100, "group kept");
    }
  });
});

describe("an output folder whose parent the build may not write", () => {
  it("is published into in place: the folder, its inode, owner and mode kept, the old site's extra pages gone", async () => {
    const root = await temporaryFolder();
    await chmod(root, 0o755);
    const parent = join(root, "parent");
    const output = join(parent, "site");
    await mkdir(output, { recursive: true });
    const user = asRoot ? NOBODY : undefined;
    if (user !== undefined) await chown(output, user.uid, user.gid);
    await chmod(output, 0o2775);
    const first = await build(await archiveOf(2), output, user);
    // Only now is the parent closed: as root, the build runs as nobody, who could never write it.
    await chmod(parent, 0o555);
    after(() => chmod(parent, 0o755));
    const before = await stat(output);
    assert.equal(first.code, 0, first.stderr);
    const second = await build(await archiveOf(1), output, user);
    assert.equal(second.code, 0, second.stderr);
    assert.match(
      second.stdout,
      /^output: written into .+ in place, entry by entry, as its parent folder .+ may not be written; the folder, its owner and mode are kept$/m,
    );
    const after_ = await stat(output);
    assert.deepEqual([after_.ino, after_.uid, after_.gid, after_.mode & 0o7777], [before.ino, before.uid, before.gid, 0o2775]);
    assert.ok(existsSync(join(output, "2021/01/01/a1/index.html")));
    assert.equal(existsSync(join(output, "2021/01/02/a2/index.html")), false, "a page the new site lacks is gone");
    assert.deepEqual(
      (await readdir(output)).filter((name) => name.startsWith(".")),
      [".news-archive-output"],
      "no staging folder or lock left",
    );
  });

  it("fails with one clear line, the folder unchanged, when the folder itself may not be written either", async () => {
    const root = await temporaryFolder();
    await chmod(root, 0o755);
    const parent = join(root, "parent");
    const output = join(parent, "site");
    await mkdir(output, { recursive: true });
    const content = await archiveOf(1);
    assert.equal((await build(content, output)).code, 0);
    const before = await treeDigest(output);
    await chmod(output, 0o555);
    await chmod(parent, 0o555);
    after(async () => {
      await chmod(parent, 0o755);
      await chmod(output, 0o755);
    });
    const failed = await build(content, output, asRoot ? NOBODY : undefined);
    assert.equal(failed.code, 1);
    assert.match(
      failed.stderr,
      /^build failed: .+site cannot be written: its parent folder .+ may not be written, and the folder itself may not be written either; give it to the user who builds, or give another output folder; nothing was written and .+ is unchanged\.$/m,
    );
    assert.deepEqual(await treeDigest(output), before);
  });
});

describe("an output folder on a file system of its own", () => {
  it("is published into in place when it is the mount point, build after build", async (t) => {
    const output = join(await temporaryFolder(), "mounted");
    if (!(await mountSmallDisk(output, "32m"))) return t.skip("needs root to mount a file system");
    const content = await archiveOf(2);
    for (let built = 0; built < 2; built += 1) {
      const result = await build(content, output);
      assert.equal(result.code, 0, result.stderr);
      assert.match(result.stdout, /^output: written into .+ in place, entry by entry, as it is a mount point, which cannot be renamed/m);
    }
    assert.ok(existsSync(join(output, "2021/01/02/a2/index.html")));
  });

  it("says in one line that the disk is full, and leaves the previous site as it was", async (t) => {
    const disk = join(await temporaryFolder(), "disk");
    if (!(await mountSmallDisk(disk, "1500k"))) return t.skip("needs root to mount a file system");
    const output = join(disk, "site");
    const content = await archiveOf(1);
    assert.equal((await build(content, output)).code, 0, "the first site fits");
    const before = await treeDigest(output);
    // An article whose page alone is larger than the whole disk: whatever a rebuild reuses of the previous output
    // (unchanged files are linked, not copied), this build cannot fit.
    const words = Array.from({ length: 2000 }, (_, index) => `word${index.toString(36)}`).join(" ");
    await writeFile(join(content, "big.md"), article({ title: "Big", date: "2021-01-03", category: "News" }, `${words}\n\n`.repeat(120)));
    const full = await build(content, output);
    assert.equal(full.code, 1);
    const lines = full.stderr.split("\n").filter((line) => line.startsWith("build failed"));
    assert.equal(lines.length, 1, full.stderr);
    assert.match(
      lines[0] ?? "",
      /could not be written \(ENOSPC\): the disk is full; free some space .* and build again; nothing was written and .+ is unchanged\.$/,
    );
    assert.doesNotMatch(full.stderr, /^\s+at /m, "no stack");
    assert.deepEqual(await treeDigest(output), before);
    assert.deepEqual(await readdir(disk), ["site"]);
  });
});

describe("two builds into one output folder", () => {
  it("cannot run at once: the second says another build is running, and a lock left by a process that is gone is taken over", async () => {
    const root = await temporaryFolder();
    const output = join(root, "site");
    const lock = join(root, ".site.lock");
    const content = await archiveOf(1);
    await writeFile(lock, `${process.pid} ${hostname()}\n`);
    const busy = await build(content, output);
    assert.equal(busy.code, 1);
    assert.match(
      busy.stderr,
      new RegExp(
        `^build failed: another build is running into .+site \\(process ${process.pid} on ${hostname()}\\); wait for it to end and build again\\. If no build is running, delete .+\\.site\\.lock`,
        "m",
      ),
    );
    assert.equal(existsSync(output), false);

    const gone = spawnSync(process.execPath, ["-e", "0"]).pid;
    await writeFile(lock, `${gone} ${hostname()}\n`);
    const built = await build(content, output);
    assert.equal(built.code, 0, built.stderr);
    assert.equal(existsSync(lock), false, "the lock is released");
  });

  it("cannot run while npm start serves that folder", async () => {
    const root = await temporaryFolder();
    const output = join(root, "site");
    const content = await archiveOf(1);
    const port = 20000 + Math.floor(Math.random() * 20000);
    const server = startCli(["serve", "--no-cache", "--content", content, "--output", output, "--port", String(port)]);
    // It takes the lock before it writes its first page.
    while (!existsSync(join(output, "index.html"))) {
      assert.equal(server.child.exitCode, null, "npm start is running");
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    assert.ok(existsSync(join(root, ".site.lock")));
    const busy = await build(content, output);
    assert.equal(busy.code, 1);
    assert.match(busy.stderr, /^build failed: another build is running into /m);
    await server.stop();
    await rm(output, { recursive: true, force: true });
  });
});

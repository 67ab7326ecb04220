import assert from "node:assert/strict";
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, it } from "node:test";
import { dependencySpecFor, installSourceOf, sourceOfLockEntry } from "../../src/cli/install-source.ts";
import { temporaryFolder } from "../support/archive.ts";

const TOOL = { name: "news-archive", version: "0.1.0" };

describe("where the running package was installed from, as a dependency of a new archive", () => {
  it("is the registry's version range for a tarball of the registry, scoped names included", () => {
    const source = sourceOfLockEntry({ resolved: "https://registry.example/news-archive/-/news-archive-0.1.0.tgz" }, "/home/ana", TOOL);
    assert.deepEqual(source, { kind: "registry", version: "0.1.0" });
    assert.equal(dependencySpecFor(source, "/home/ana/my-news"), "^0.1.0");
    const scoped = { name: "@press/news-archive", version: "2.0.0" };
    assert.deepEqual(sourceOfLockEntry({ resolved: "https://registry.example/@press/news-archive/-/news-archive-2.0.0.tgz" }, "/", scoped), {
      kind: "registry",
      version: "2.0.0",
    });
  });

  it("is the tarball's path, relative to the new archive, for a tarball installed with npx --package or npm install", () => {
    // npx installs into its cache folder, and records the tarball relative to that folder.
    const source = sourceOfLockEntry({ resolved: "file:../../../../tmp/packs/news-archive-0.1.0.tgz" }, "/root/.npm/_npx/d45af32b", TOOL);
    assert.deepEqual(source, { kind: "tarball", path: "/tmp/packs/news-archive-0.1.0.tgz" });
    assert.equal(dependencySpecFor(source, "/tmp/my-news"), "file:../packs/news-archive-0.1.0.tgz");
  });

  it("is the folder, for a linked folder (npm install of a clone) and for a package run from outside node_modules (a clone, npm link)", () => {
    const linked = sourceOfLockEntry({ resolved: "../src/news-archive", link: true }, "/home/ana/site", TOOL);
    assert.deepEqual(linked, { kind: "folder", path: "/home/ana/src/news-archive" });
    assert.equal(dependencySpecFor(linked, "/home/ana/my-news"), "file:../src/news-archive");
    assert.deepEqual(installSourceOf("/home/ana/src/news-archive", TOOL), { kind: "folder", path: "/home/ana/src/news-archive" });
  });

  it("is the git or web address itself, as npm resolved it", () => {
    for (const address of [
      "git+ssh://git@example.org/press/news-archive.git#0123456789abcdef0123456789abcdef01234567",
      "git+file:///srv/git/news-archive#0123456",
      "https://example.org/downloads/news-archive.tgz",
    ]) {
      const source = sourceOfLockEntry({ resolved: address }, "/", TOOL);
      assert.deepEqual(source, { kind: "address", address });
      assert.equal(dependencySpecFor(source, "/tmp/my-news"), address);
    }
  });

  it("reads the lock file of the folder the package was installed into, hidden lock file first", async () => {
    const root = await temporaryFolder();
    const packageRoot = join(root, "node_modules/news-archive");
    await mkdir(packageRoot, { recursive: true });
    assert.deepEqual(installSourceOf(packageRoot, TOOL), { kind: "unknown", version: "0.1.0" }, "no lock file: the version, said to be a guess");
    await writeFile(
      join(root, "package-lock.json"),
      JSON.stringify({ packages: { "node_modules/news-archive": { resolved: "file:news-archive-0.1.0.tgz" } } }),
    );
    assert.deepEqual(installSourceOf(packageRoot, TOOL), { kind: "tarball", path: join(root, "news-archive-0.1.0.tgz") });
    await writeFile(
      join(root, "node_modules/.package-lock.json"),
      JSON.stringify({ packages: { "node_modules/news-archive": { resolved: "git+file:///srv/git/news-archive#abc" } } }),
    );
    assert.deepEqual(installSourceOf(packageRoot, TOOL), { kind: "address", address: "git+file:///srv/git/news-archive#abc" });
  });
});

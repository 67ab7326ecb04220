import assert from "node:assert/strict";
import { chmod, readdir, stat } from "node:fs/promises";
import { join, relative } from "node:path";
import { describe, it } from "node:test";
import { article, makeArchive, temporaryFolder } from "../support/archive.ts";
import { runCli } from "../support/cli.ts";

/** Every folder and file under a folder (itself as "."), with its permission bits. */
async function modesUnder(root: string): Promise<Map<string, { readonly folder: boolean; readonly mode: number }>> {
  const modes = new Map<string, { folder: boolean; mode: number }>();
  for (const path of [root, ...(await readdir(root, { recursive: true })).map((entry) => join(root, entry))]) {
    const info = await stat(path);
    modes.set(relative(root, path) || ".", { folder: info.isDirectory(), mode: info.mode & 0o777 });
  }
  return modes;
}

const octal = (mode: number): string => `0${mode.toString(8)}`;

// A site readable by its builder alone answers 403 once served by a web server running as another user.
describe("the permissions of the written site follow the umask, as mkdir's do", () => {
  for (const umask of [0o022, 0o027]) {
    const folderMode = 0o777 & ~umask;
    const fileMode = 0o666 & ~umask;
    it(`gives every folder ${octal(folderMode)} and every file ${octal(fileMode)} under umask ${octal(umask)}, a copied page-bundle file included`, async () => {
      const content = await makeArchive({
        "a.md": article({ title: "A", date: "2021-04-09", category: "News" }),
        "bundle/index.md": article({ title: "With a chart", date: "2022-03-15", category: "News" }, "![A chart](chart.svg)"),
        "bundle/chart.svg": '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>',
      });
      // A file its author alone may read is still published with the usual mode.
      await chmod(join(content, "bundle/chart.svg"), 0o600);
      const output = join(await temporaryFolder(), "site");
      const run = await runCli(["--content", content, "--output", output], {}, { umask });
      assert.equal(run.code, 0, run.stderr);

      const modes = await modesUnder(output);
      for (const path of [
        ".",
        "2021/04/09/a",
        "2021/04/09/a/index.html",
        "2022/03/15/bundle/chart.svg",
        "assets",
        "search-index",
        "search-index/entry.bin",
        "sw.js",
      ]) {
        assert.ok(modes.has(path), `${path} was written`);
      }
      const unexpected = [...modes]
        .filter(([, { folder, mode }]) => mode !== (folder ? folderMode : fileMode))
        .map(([path, { mode }]) => `${path} ${octal(mode)}`);
      assert.deepEqual(unexpected, []);
    });
  }
});

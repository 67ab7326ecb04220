import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, it } from "node:test";
import { createRandom, generateArchive } from "../../bench/generate.ts";
import { BUILDS } from "../../bench/results-file.ts";
import { PROJECT_ROOT } from "../../src/core/project.ts";
import { temporaryFolder } from "../support/archive.ts";

describe("the benchmark harness", () => {
  it("generates the same synthetic archive from the same seed", async () => {
    const [first, second] = [join(await temporaryFolder(), "a"), join(await temporaryFolder(), "b")];
    await generateArchive(first, 12, 7);
    await generateArchive(second, 12, 7);
    const files = (await readdir(first, { recursive: true })).filter((file) => file.endsWith(".md")).sort();
    assert.equal(files.length, 12);
    for (const file of files) assert.equal(await readFile(join(first, file), "utf8"), await readFile(join(second, file), "utf8"));
    const words = (await readFile(join(first, files[0] ?? ""), "utf8")).split(/^---$/m)[2]?.split(/\s+/).length ?? 0;
    assert.ok(words >= 300 && words <= 1000, `${words} words`);
    assert.notEqual(createRandom(1)(), createRandom(2)());
  });

  it("runs end to end at a tiny size and writes its table (times are not asserted)", async () => {
    const out = join(await temporaryFolder(), "results.md");
    const code = await new Promise<number | null>((resolve) => {
      const child = spawn(process.execPath, ["--import", "tsx", join(PROJECT_ROOT, "bench/bench.ts"), "--articles", "10", "--runs", "1", "--out", out], {
        cwd: PROJECT_ROOT,
        stdio: "ignore",
      });
      child.on("close", resolve);
    });
    assert.equal(code, 0);
    const report = await readFile(out, "utf8");
    const row = (build: string): RegExp =>
      new RegExp(
        `\\| 10 \\| ${build.replace(/[()]/g, "\\$&")} \\| [\\d.]+ \\| [\\d.]+ \\| [\\d.]+ \\| [\\d.]+ \\| [\\d.]+ \\| [\\d.]+ \\| \\d+ \\| [\\d.]+ \\|`,
      );
    for (const build of BUILDS) assert.match(report, row(build));
    assert.match(report, /\| 10 \| Eleventy baseline \(article pages only\) \| [\d.]+ \|.*\| 1\.00 \|/);
    assert.match(report, /\d+ cores, \d+ GiB memory/);
  });
});

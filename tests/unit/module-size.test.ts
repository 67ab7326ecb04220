import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { PROJECT_ROOT } from "../../src/core/project.ts";

/**
 * The module size rule of CONTRIBUTING.md: a module of src/ stays under about
 * 350 lines, so that it does one job a reader can hold at once. A module that
 * grows past it is split by what its parts do.
 */
const MOST_LINES = 350;

const SRC = join(PROJECT_ROOT, "src");

/** The lines of a text: its line breaks, and a last line without one. */
const lineCount = (text: string): number => (text.match(/\n/g)?.length ?? 0) + (text === "" || text.endsWith("\n") ? 0 : 1);

/** The modules of src/ longer than `most` lines, as "path: N lines", longest first. */
function oversized(most: number): string[] {
  return readdirSync(SRC, { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith(".ts"))
    .map((file) => ({ path: `src/${file.split("\\").join("/")}`, lines: lineCount(readFileSync(join(SRC, file), "utf8")) }))
    .filter((module) => module.lines > most)
    .sort((a, b) => b.lines - a.lines || a.path.localeCompare(b.path))
    .map((module) => `${module.path}: ${module.lines} lines`);
}

describe("the size of the modules of src/", () => {
  it(`keeps every module at ${MOST_LINES} lines or fewer`, () => {
    assert.deepEqual(oversized(MOST_LINES), []);
  });

  it("counts the lines of a text, and names the modules over a size, longest first", () => {
    assert.equal(lineCount(""), 0);
    assert.equal(lineCount("a\nb\n"), 2);
    assert.equal(lineCount("a\nb"), 2);
    const listed = oversized(250);
    assert.ok(listed.length > 0, "some module of src/ has more than 250 lines");
    assert.match(listed[0] ?? "", /^src\/[\w/-]+\.ts: \d+ lines$/);
    const counts = listed.map((line) => Number(/(\d+) lines$/.exec(line)?.[1]));
    assert.deepEqual(
      counts,
      [...counts].sort((a, b) => b - a),
    );
  });
});

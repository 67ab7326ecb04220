import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { closestName } from "../../src/core/closest-name.ts";
import { parseCommandOptions } from "../../src/core/command-line.ts";

const OPTIONS = { output: { type: "string" }, "base-path": { type: "string" }, drafts: { type: "boolean" } } as const;

describe("the closest name to a mistyped word", () => {
  it("finds the name one swap, one letter or (in a long word) two edits away, whatever the case", () => {
    assert.equal(closestName("biuld", ["init", "new", "build", "serve", "preview", "check", "import"]), "build");
    assert.equal(closestName("titel", ["title", "description", "timeZone"]), "title");
    assert.equal(closestName("TimeZone", ["title", "timeZone"]), "timeZone");
    assert.equal(closestName("serv", ["serve", "new"]), "serve");
    assert.equal(closestName("itemsPrePage", ["itemsPerPage", "feedItems"]), "itemsPerPage");
    assert.equal(closestName("permalinkstyl", ["permalink", "permalinkStyle"]), "permalinkStyle");
  });

  it("suggests nothing for a word far from every name, or equally close to two", () => {
    assert.equal(closestName("publish", ["init", "new", "build", "serve"]), undefined);
    assert.equal(closestName("colour", ["output", "config"]), undefined);
    assert.equal(closestName("cat", ["bat", "hat"]), undefined);
  });
});

describe("a command line read against a command's options", () => {
  it("reads text options (as two words or with =), flags and positionals, and takes what follows -- as it is", () => {
    const line = parseCommandOptions(["site", "--output", "out", "--base-path=/news/", "--drafts", "--", "--title"], OPTIONS);
    assert.deepEqual(line, { ok: true, values: { output: "out", "base-path": "/news/", drafts: true }, positionals: ["site", "--title"] });
  });

  it("takes a value starting with a dash only when written with =", () => {
    assert.deepEqual(parseCommandOptions(["--output=-site"], OPTIONS), { ok: true, values: { output: "-site" }, positionals: [] });
    assert.equal(parseCommandOptions(["--output", "-site"], OPTIONS).ok, false);
  });

  it("names an unknown option with the closest known one, in its own words", () => {
    assert.deepEqual(parseCommandOptions(["--base-pth", "/x/"], OPTIONS), { ok: false, problem: "unknown option --base-pth; did you mean --base-path?" });
    assert.deepEqual(parseCommandOptions(["-o", "x"], OPTIONS), { ok: false, problem: "unknown option -o" });
  });
});

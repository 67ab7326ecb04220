import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { importRequestOf } from "../../src/cli/import-command.ts";

describe("the import command's line", () => {
  it("reads a WordPress export's request with its options, and a feed's with the defaults", () => {
    assert.deepEqual(importRequestOf(["wordpress", "site.xml", "--content", "content", "--uploads", "uploads", "--pages", "--overwrite"]), {
      kind: "wordpress",
      source: "site.xml",
      content: "content",
      uploads: "uploads",
      overwrite: true,
      pages: true,
      summaries: false,
      verbose: false,
    });
    assert.deepEqual(importRequestOf(["feed", "https://example.org/feed", "--content=content", "--summaries", "--verbose"]), {
      kind: "feed",
      source: "https://example.org/feed",
      content: "content",
      uploads: undefined,
      overwrite: false,
      pages: false,
      summaries: true,
      verbose: true,
    });
  });

  it("asks for help before anything else is checked", () => {
    assert.equal(importRequestOf(["--help"]), "help");
    assert.equal(importRequestOf(["blogger", "--help"]), "help");
  });

  it("says what is wrong with a line, in its own words", () => {
    const problemOf = (argv: readonly string[]): string => {
      const request = importRequestOf(argv);
      return typeof request === "object" && "problem" in request ? request.problem : `no problem in ${argv.join(" ")}`;
    };
    assert.equal(problemOf([]), "say what to import: wordpress or feed");
    assert.equal(problemOf(["wordpres", "x.xml", "--content", "x"]), '"wordpres": expected wordpress or feed; did you mean "wordpress"?');
    assert.equal(problemOf(["feed"]), "import feed: name the feed's file or address");
    assert.equal(problemOf(["wordpress"]), "import wordpress: name the export file");
    assert.equal(problemOf(["feed", "a.xml", "b.xml", "--content", "x"]), 'one source at a time; unexpected "b.xml"');
    assert.equal(problemOf(["wordpress", "x.xml"]), "--content DIR: say which folder the articles are written into");
    assert.equal(problemOf(["feed", "a.xml", "--content", "x", "--pages"]), "--uploads and --pages are for WordPress exports");
    assert.equal(problemOf(["wordpress", "x.xml", "--content", "x", "--summaries"]), "--summaries is for feeds");
    assert.equal(problemOf(["wordpress", "x.xml", "--contnet", "x"]), "unknown option --contnet; did you mean --content?");
  });
});

import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Diagnostic } from "../../src/core/diagnostics.ts";
import { opensFrontMatter, readArticleSource } from "../../src/content/front-matter.ts";

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

function refused(input: string | Uint8Array): Diagnostic {
  const outcome = readArticleSource(typeof input === "string" ? bytes(input) : input, "a.md");
  assert.equal(outcome.ok, false, "expected the file to be refused");
  const first = outcome.diagnostics.find((item) => item.severity === "error");
  assert.ok(first);
  return first;
}

describe("reading an article file", () => {
  it("splits front matter from the body and keeps dates as the text written", () => {
    const outcome = readArticleSource(bytes("---\ntitle: Hello\ndate: 2021-04-09\ntags: [a, b]\n---\nBody {{ x }}\n"), "a.md");
    assert.ok(outcome.ok);
    assert.deepEqual(outcome.source.data, { title: "Hello", date: "2021-04-09", tags: ["a", "b"] });
    assert.equal(outcome.source.body, "Body {{ x }}\n");
    assert.equal(outcome.source.bodyLine, 6);
    assert.equal(outcome.source.keyLines.get("date"), 3);
    assert.deepEqual(outcome.diagnostics, []);
  });

  it("knows which values are written in quotes, since a flag written as text is worded by it", () => {
    const outcome = readArticleSource(bytes('---\ntitle: "Hello"\ndraft: yes\nfeatured: \'no\'\ntags: ["a"]\n---\nBody\n'), "a.md");
    assert.ok(outcome.ok);
    assert.deepEqual([...outcome.source.quotedKeys].sort(), ["featured", "title"]);
  });

  it("reads a file with a byte-order mark, with a warning because the mark is invisible but harmless", () => {
    const outcome = readArticleSource(bytes("\uFEFF---\ntitle: Hello\n---\nBody\n"), "a.md");
    assert.ok(outcome.ok);
    assert.equal(outcome.source.data["title"], "Hello");
    assert.deepEqual(
      outcome.diagnostics.map((item) => [item.severity, item.kind]),
      [["warning", "bom"]],
    );
  });

  it("reads CRLF line endings as LF, with a warning because nothing is lost", () => {
    const outcome = readArticleSource(bytes("---\r\ntitle: Hello\r\n---\r\nLine one\r\nLine two\r\n"), "a.md");
    assert.ok(outcome.ok);
    assert.equal(outcome.source.body, "Line one\nLine two\n");
    assert.deepEqual(
      outcome.diagnostics.map((item) => item.kind),
      ["crlf"],
    );
  });

  it("accepts blank lines before the front matter and a longer opening line, with warnings", () => {
    const outcome = readArticleSource(bytes("\n------\ntitle: Hello\n---\nBody\n"), "a.md");
    assert.ok(outcome.ok);
    assert.equal(outcome.source.data["title"], "Hello");
    assert.equal(outcome.source.keyLines.get("title"), 3);
    assert.deepEqual(
      outcome.diagnostics.map((item) => [item.kind, item.line]),
      [
        ["front-matter-position", 2],
        ["front-matter-position", 2],
      ],
    );
  });

  it("names the line of invalid YAML", () => {
    const problem = refused("---\ntitle: Hello\ndate: 2021-04-09\nsummary: a: b\n---\n");
    assert.equal(problem.kind, "invalid-yaml");
    assert.equal(problem.line, 4);
    assert.match(problem.message, /not valid YAML/);
  });

  it("refuses a key written twice", () => {
    const problem = refused("---\ntitle: A\ntitle: B\n---\n");
    assert.equal(problem.kind, "invalid-yaml");
    assert.equal(problem.line, 3);
  });

  it("refuses front matter that is never closed, pointing at its opening line", () => {
    const problem = refused("---\ntitle: Hello\n\nBody without a closing line\n");
    assert.equal(problem.kind, "unclosed-front-matter");
    assert.equal(problem.line, 1);
  });

  it("refuses a list or a single value instead of key: value lines", () => {
    assert.equal(refused("---\n- title\n- date\n---\n").kind, "front-matter-not-mapping");
    assert.match(refused("---\njust a title\n---\n").message, /a single value/);
  });

  it("refuses a body without front matter, an empty file and a blank file", () => {
    assert.equal(refused("# Title\n\nBody\n").kind, "no-front-matter");
    assert.equal(refused("").kind, "empty-file");
    assert.equal(refused("  \n\n").kind, "empty-file");
  });

  it("refuses a binary file and text that is not UTF-8, with the line of the bad byte", () => {
    assert.equal(refused(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01])).kind, "binary-file");
    const latin1 = new Uint8Array([...bytes("---\ntitle: Caf"), 0xe9, ...bytes("\n---\n")]);
    const problem = refused(latin1);
    assert.equal(problem.kind, "not-utf8");
    assert.equal(problem.line, 2);
    assert.match(problem.message, /offset 14/);
  });
});

describe("reading TOML front matter, as Hugo and Zola write it", () => {
  const zola =
    '+++\npath = "2019/10/15/Rustup-1.20.0"\ntitle = "Announcing Rustup 1.20.0"\ndate = 2019-10-15\nupdated = 2019-10-16T10:00:00+02:00\nauthors = ["The Rustup Working Group"]\ndraft = false\n\n[extra]\nteam = "Rustup"\n+++\n\nBody\n';

  it("splits it from the body, with its dates as the text written, the line of each key and of each table", () => {
    const outcome = readArticleSource(bytes(zola), "a.md");
    assert.ok(outcome.ok);
    assert.deepEqual(outcome.source.data, {
      path: "2019/10/15/Rustup-1.20.0",
      title: "Announcing Rustup 1.20.0",
      date: "2019-10-15",
      updated: "2019-10-16T10:00:00.000+02:00",
      authors: ["The Rustup Working Group"],
      draft: false,
      extra: { team: "Rustup" },
    });
    assert.equal(outcome.source.body, "\nBody\n");
    assert.equal(outcome.source.bodyLine, 12);
    assert.deepEqual([outcome.source.keyLines.get("title"), outcome.source.keyLines.get("draft"), outcome.source.keyLines.get("extra")], [3, 7, 9]);
    assert.deepEqual([...outcome.source.quotedKeys].sort(), ["path", "title"]);
  });

  it("refuses TOML that does not parse, at its line, and front matter never closed by +++", () => {
    const invalid = refused('+++\ntitle = "A"\ndate = 2021-04-09\nsummary = unquoted text\n+++\nBody\n');
    assert.equal(invalid.kind, "invalid-toml");
    assert.equal(invalid.line, 4);
    assert.match(invalid.message, /not valid TOML.*text goes in "double quotes"/);
    const repeated = refused('+++\ntitle = "A"\ntitle = "B"\n+++\n');
    assert.equal(repeated.line, 3);
    const unclosed = refused('+++\ntitle = "A"\n---\nBody\n');
    assert.equal(unclosed.kind, "unclosed-front-matter");
    assert.match(unclosed.message, /add a line '\+\+\+'/);
  });
});

describe("telling whether a file starts like an article", () => {
  it("sees front matter opening after a byte-order mark, blank lines or CRLF, as articles are read", () => {
    for (const text of ["---\ntitle: A\n", "\uFEFF---\r\ntitle: A", "\n\n---\n", "------\n", "+++\ntitle = 'A'\n"])
      assert.equal(opensFrontMatter(text), true, JSON.stringify(text));
  });

  it("sees none in plain text, a dashed line with words, or an empty file", () => {
    for (const text of ["# Notes\n---\n", "-----BEGIN PGP SIGNATURE-----\n", "--\n", ""]) assert.equal(opensFrontMatter(text), false, JSON.stringify(text));
  });
});

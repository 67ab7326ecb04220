import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { isMap, isScalar, LineCounter, parseDocument, Scalar } from "yaml";
import { readPlainFrontMatter } from "../../src/content/plain-front-matter.ts";

/** What the YAML library makes of a front matter with the core schema, as front-matter.ts reads it: values, key lines, quoted keys. */
function readByLibrary(text: string, firstLine: number): { data: unknown; keyLines: Map<string, number>; quotedKeys: Set<string> } | "refused" {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { schema: "core", uniqueKeys: true, prettyErrors: false, lineCounter });
  if (document.errors.length > 0 || (document.contents !== null && !isMap(document.contents))) return "refused";
  const keyLines = new Map<string, number>();
  const quotedKeys = new Set<string>();
  for (const pair of isMap(document.contents) ? document.contents.items : []) {
    if (!isScalar(pair.key)) continue;
    if (pair.key.range) keyLines.set(String(pair.key.value), firstLine + lineCounter.linePos(pair.key.range[0]).line - 1);
    if (isScalar(pair.value) && (pair.value.type === Scalar.QUOTE_DOUBLE || pair.value.type === Scalar.QUOTE_SINGLE)) quotedKeys.add(String(pair.key.value));
  }
  return { data: document.toJS() ?? {}, keyLines, quotedKeys };
}

/** Front matter the plain reader reads: the common shapes of real archives. */
const PLAIN = [
  'title: "Circular criteria 838"\ndate: 2019-03-23\ncategory: Reports\ntags: [circular-economy, vehicles]\nsummary: "Results."',
  "title: 'It''s out'\ndate: 2021-04-09T10:00:00+02:00\ndraft: false\nfeatured: True\nweight: 007\nnothing:\nempty: ~",
  "title: Node v18.0.0 (Current)\ntags:\n  - release\n  - 'v18'\nauthors:\n- Ada\n- \"Grace\"\n\n# a comment line\nlayout: blog-post.hbs",
  "title:   spaced out   \nnbsp: \u00a0kept\u00a0\ntags: []\nlist: [ ]\nmixed: [1, true, ~, \"a\", 'b', c d]\nurl: /:section/:year/:slug/\ntitle2: C# and F#",
  "",
];

/** Front matter left to the library: what it reads differently from a plain line, or refuses. */
const NOT_PLAIN = [
  "author: >\n   Craig McLuckie (Google)",
  "menu:\n  main:\n    weight: 20",
  "title: Hello # a comment",
  "title: a long\n  title continued",
  "title: x\ntitle: y",
  "price: 1.5",
  "big: 9999999999999999",
  "hex: 0x1F",
  "neg: -12",
  "title: &anchor x\nother: *anchor",
  'escaped: "a\\tb"',
  "title: [Draft] plans",
  "tags: [a, [b]]",
  "tags: [a, ]",
  'tags: ["a, b"]',
  "null: x",
  "__proto__: x",
  `${"k".repeat(1025)}: x`,
  "title:\tx",
  "tags:\n  - a\n\n  - b",
  "tags:\n  - a\n   - b",
];

describe("reading plain front matter without the YAML library", () => {
  it("reads the common shapes to the values, lines and quoted keys the YAML library gives", () => {
    for (const text of PLAIN) {
      const plain = readPlainFrontMatter(text, 2);
      assert.ok(plain, `read plainly: ${JSON.stringify(text)}`);
      assert.deepEqual(plain, readByLibrary(text, 2), JSON.stringify(text));
    }
  });

  it("leaves every other shape to the YAML library", () => {
    for (const text of NOT_PLAIN) assert.equal(readPlainFrontMatter(text, 2), undefined, JSON.stringify(text));
  });

  it("agrees with the YAML library on every front matter it reads among many made of awkward values", () => {
    const values = [
      "true",
      "tRue",
      "Null",
      "nUll",
      "~",
      "0",
      "+12",
      "1e3",
      ".5",
      "0o17",
      ".inf",
      "2021-04-09",
      "12:30",
      "a: b",
      "a #b",
      "a#b",
      "[a, b]",
      "[a,b]",
    ];
    values.push(
      "['it''s', x]",
      "[true, 1, ~]",
      '"x"',
      "'x'",
      '"a" # c',
      "Foo [bar]",
      "foo]",
      "{a: 1}",
      "*a",
      "- x",
      "-x",
      "?x",
      ":x",
      "x:",
      "é",
      " x ",
      '""',
      "1.",
      "v1.2",
    );
    values.push("yes", "a, b", "[-a]", "[a: b]", "x ]", "1_000", "-0", "00", "𝄞", "\\x");
    const keys = ["title", "tags", "a-b", "_x", "True", "x1", "Title", "y"];
    let state = 7;
    const next = (count: number): number => {
      state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
      return state % count;
    };
    const pick = (list: readonly string[]): string => list[next(list.length)] ?? "";
    let read = 0;
    for (let made = 0; made < 20_000; made += 1) {
      const lines: string[] = [];
      for (let line = 0, count = 1 + next(4); line < count; line += 1) {
        if (next(3) > 0) lines.push(`${pick(keys)}:${pick(["", " ", "  "])}${pick(values)}${pick(["", " "])}`);
        else lines.push(`${pick(keys)}:`, ...Array.from({ length: next(3) }, () => `${pick(["", "  "])}- ${pick(values)}`));
      }
      const text = lines.join("\n");
      const plain = readPlainFrontMatter(text, 2);
      if (plain === undefined) continue;
      read += 1;
      assert.deepEqual(plain, readByLibrary(text, 2), JSON.stringify(text));
    }
    assert.ok(read > 1000, `only ${read} read plainly`);
  });
});

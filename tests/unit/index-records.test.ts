import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { elementWeight, htmlSegments, isMachineGenerated, lineTermWeight } from "../../src/text/html-text.ts";
import { indexRecord, phraseBreak, TITLE_WEIGHT } from "../../src/text/index-record.ts";
import { loadStemmer, stemmingLanguage } from "../../src/text/stemmers.ts";
import { foldWord, readWritten, tokenize } from "../../src/text/words.browser.ts";
import { termWeightsOf } from "../support/records.ts";

const commits = (count: number): string =>
  Array.from(
    { length: count },
    (_, index) => `<li>[<a href="#"><code>dab8ab28${String(index).padStart(2, "0")}</code></a>] - fix a thing #410${index}</li>`,
  ).join("");
const english = await loadStemmer("en");

describe("the words of a text", () => {
  it("are folded to lower case without diacritics, keeping where each stands", () => {
    assert.equal(foldWord("Café"), "cafe");
    assert.deepEqual(tokenize("Green, café-bar 2024!"), [
      { word: "green", start: 0, end: 5 },
      { word: "cafe", start: 7, end: 11 },
      { word: "bar", start: 12, end: 15 },
      { word: "2024", start: 16, end: 20 },
    ]);
  });

  it("are read whole and, for a compound, in parts of two letters or more, with their numbers and the tokens a phrase matches", () => {
    assert.deepEqual(readWritten("secureContext"), {
      whole: "securecontext",
      parts: ["secure", "context"],
      numbers: [],
      phrase: ["secure", "context"],
      isNumber: false,
    });
    assert.deepEqual(readWritten("fs.readFile,"), {
      whole: "fsreadfile",
      parts: ["fs", "read", "file"],
      numbers: [],
      phrase: ["fs", "read", "file"],
      isNumber: false,
    });
    assert.deepEqual(readWritten("x-ray").parts, ["ray"]);
    assert.deepEqual(readWritten("x-ray").phrase, ["xray"], "one part of two letters is no compound to a phrase");
    assert.deepEqual(readWritten("v18.0.0").phrase, ["nv18z"], "a number is its number term");
    assert.deepEqual(readWritten("Café").whole, "cafe");
    assert.deepEqual(readWritten("—").whole, "");
  });

  it("are cut to their stems by the language's Snowball stemmer, or kept as written in a language without one", async () => {
    assert.equal(stemmingLanguage("en-GB"), "en");
    assert.equal(stemmingLanguage("pt-BR"), "pt");
    assert.equal(stemmingLanguage("zh"), "");
    assert.equal(english("purchasing"), "purchas");
    assert.equal(english("generously"), "generous", "Porter2, not the first Porter stemmer");
    assert.equal((await loadStemmer("fr"))("maisons"), "maison");
    assert.equal((await loadStemmer(""))("maisons"), "maisons");
  });
});

describe("the text of a rendered body", () => {
  it("comes in stretches of one weight: headings by their level, elements by their own weight, scripts and ignored elements left out", () => {
    assert.deepEqual(
      htmlSegments("<h2>Notable <code>changes</code></h2><p>text &amp; more</p><h4>Four</h4><script>x()</script><p data-pagefind-ignore>hidden</p>"),
      [
        { text: "Notable changes", weight: 144 },
        { text: "text & more", weight: 24 },
        { text: "Four", weight: 96 },
      ],
    );
    assert.deepEqual(
      htmlSegments('<ul data-pagefind-weight="0.1"><li><h3>Listed</h3></li></ul><p data-pagefind-weight="20">Loud</p><p data-pagefind-weight="0">Silent</p>'),
      [
        { text: "Listed", weight: 2 },
        { text: "Loud", weight: 240 },
        { text: "Silent", weight: 0 },
      ],
    );
    assert.deepEqual(htmlSegments("<p>One<br>two</p><li>three</li>"), [{ text: "One two three", weight: 24 }], "blocks and line breaks keep words apart");
  });

  it("weighs down a long list of commits and a block of checksums, and leaves short or hand-written lists as they are", () => {
    const checksums = Array.from({ length: 10 }, (_, index) => `${"ab12".repeat(16)}  node-v18.${index}.0.tar.gz`).join("\n");
    const segments = htmlSegments(
      `<p>Intro</p><ul>${commits(9)}</ul><ol>${commits(3)}</ol><ul>${"<li>Hand-written item 1</li>".repeat(10)}</ul><pre><code>${checksums}</code></pre><p>End</p>`,
    );
    assert.deepEqual(
      segments.map((segment) => [segment.text.slice(0, 12), segment.weight]),
      [
        ["Intro", 24],
        ["[dab8ab2800]", 2],
        ["[dab8ab2800]", 24],
        ["ab12ab12ab12", 2],
        ["End", 24],
      ],
    );
  });

  it("reads a list as machine-generated when it is long and nearly every item names a hash", () => {
    const items = (hashes: number, plain: number): string[] => [
      ...Array.from({ length: hashes }, (_, i) => `abc123${i}f fix`),
      ...Array.from({ length: plain }, () => "a note"),
    ];
    assert.equal(isMachineGenerated(items(8, 0)), true);
    assert.equal(isMachineGenerated(items(8, 2)), true);
    assert.equal(isMachineGenerated(items(7, 3)), false);
    assert.equal(isMachineGenerated(items(7, 0)), false, "too short");
    assert.equal(isMachineGenerated(Array.from({ length: 10 }, () => "deadbeef and 1234567")), false, "no hash has both a letter and a digit");
  });

  it("weighs an element's words by its own weight, else a heading's outside weighted elements, else its parent's", () => {
    assert.deepEqual(elementWeight("p", {}, undefined), { weight: 24, weighted: false });
    assert.deepEqual(elementWeight("h2", {}, undefined), { weight: 144, weighted: true });
    assert.deepEqual(elementWeight("h2", {}, { weight: 2, weighted: true }), { weight: 2, weighted: true });
    assert.deepEqual(elementWeight("p", { "data-pagefind-weight": "0.001" }, undefined), { weight: 1, weighted: true });
    assert.deepEqual(elementWeight("p", { "data-pagefind-weight": "99" }, undefined), { weight: 240, weighted: true });
    assert.equal(lineTermWeight(24), 6);
    assert.equal(lineTermWeight(2), 1);
    assert.equal(lineTermWeight(0), 0);
  });
});

describe("an article's index record", () => {
  const record = indexRecord(
    { title: "Node.js 18 released", bodyHtml: "<h2>Purchasing</h2><p>Buyers purchase 18.12.1 life-cycle tools, purchasing again.</p>" },
    "en",
    english,
  );
  const weights = termWeightsOf(record);

  it("holds each stem once with its weight: the title's words ten times a word of the text, headings by their level", () => {
    assert.equal(weights.get("releas"), TITLE_WEIGHT);
    assert.equal(weights.get("purchas"), 144 + 24 + 24, "a heading's word and two words of the text, one stem");
    assert.equal(weights.get("buyer"), 24);
  });

  it("counts numbers as their number terms, a version's lines weighing a quarter in the body and not at all in the title", () => {
    assert.equal(weights.get("nv18z"), TITLE_WEIGHT + 6, "18 in the title, and the line of 18.12.1 in the body");
    assert.equal(weights.get("nv18x12x1z"), 24);
    assert.equal(weights.get("nv18x12z"), 6);
  });

  it("counts a compound whole and in parts sharing its weight", () => {
    assert.equal(weights.get("lifecycl"), 24);
    assert.equal(weights.get("life"), 12);
    assert.equal(weights.get("cycl"), 12);
  });

  it("marks the title's terms, keeps a readable form of each word, its length and its text without number terms", () => {
    const terms = record.terms.split(" ");
    const titled = terms.filter((_, at) => record.inTitle[at] === 1);
    assert.deepEqual(titled.sort(), ["js", "node", "nodej", "nv18z", "releas"]);
    assert.equal(record.forms.split(" ")[terms.indexOf("purchas")], "purchasing");
    assert.equal(record.forms.split(" ")[terms.indexOf("nv18z")], "");
    assert.equal(record.text, "Node.js 18 released. Purchasing Buyers purchase 18.12.1 life-cycle tools, purchasing again.");
    assert.equal(record.length, 3 + 1 + 8 + 1 + 2, "written words, their numbers' own terms and, in the body, their lines' terms");
    assert.equal(record.language, "en");
  });

  it("keeps the words in reading order for phrases, with a break between the title and the body", () => {
    const terms = record.terms.split(" ");
    const sequence = Array.from(record.sequence, (place) => (place === phraseBreak(record.sequence) ? "|" : terms[place]));
    assert.deepEqual(sequence, ["node", "js", "nv18z", "releas", "|", "purchas", "buyer", "purchas", "nv18x12x1z", "life", "cycl", "tool", "purchas", "again"]);
  });
});

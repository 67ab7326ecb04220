import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseHTML } from "linkedom";
import { elementWeight, htmlForIndex, isMachineGenerated, lineTermWeight, MACHINE_LIST_WEIGHT } from "../../src/search/index-html.ts";

const commits = (count: number): string => Array.from({ length: count }, (_, index) => `<li>[<a href="#"><code>dab8ab28${String(index).padStart(2, "0")}</code></a>] - fix a thing #410${index}</li>`).join("");

function page(body: string): string {
  return `<!doctype html><html lang="en"><head><title>T 18</title></head><body><nav>Node 18</nav><article data-pagefind-body>${body}</article></body></html>`;
}

describe("the page the search indexes", () => {
  it("follows each number of the indexed text with its number term, and a version with its lines' terms weighing less", () => {
    const html = htmlForIndex(page("<p>Node.js 18.12.1 &amp; v22 are out</p>"), { numberTerms: true });
    const paragraph = parseHTML(html).document.querySelector("p");
    assert.equal(paragraph?.textContent, "Node.js 18.12.1 nv18x12x1z nv18z nv18x12z & v22 nv22z are out");
    assert.equal(paragraph?.querySelector("span")?.getAttribute("data-pagefind-weight"), String(6.5 / 24), "a quarter of a word of text, half a unit up");
    assert.match(html, /<nav>Node 18<\/nav>/, "nothing outside the indexed body changes");
    assert.match(html, /<title>T 18<\/title>/);
  });

  it("gives a meta value its numbers' own terms only, and leaves a filter value taken from the text, scripts and the published page's other markup alone", () => {
    const html = htmlForIndex(
      page('<h1 data-pagefind-meta="title">Kubernetes 1.30.1</h1><p data-pagefind-ignore><time data-pagefind-meta="date" data-pagefind-filter="year:2024">May 5, 2024</time> <a data-pagefind-filter="category">Release 2</a> <b data-pagefind-filter="tag, year:2024">Tag 3</b></p><script>var x = 5;</script>'),
      { numberTerms: true },
    );
    const document = parseHTML(html).document;
    assert.equal(document.querySelector("h1")?.textContent, "Kubernetes 1.30.1 nv1x30x1z");
    assert.equal(document.querySelector("time")?.textContent, "May 5, nv5z 2024 nv2024z");
    assert.equal(document.querySelector("a")?.textContent, "Release 2");
    assert.equal(document.querySelector("b")?.textContent, "Tag 3");
    assert.equal(document.querySelector("script")?.textContent, "var x = 5;");
  });

  it("weighs down a long list of commits and a block of checksums, and leaves short or hand-written lists as they are", () => {
    const checksums = Array.from({ length: 10 }, (_, index) => `${"ab12".repeat(16)}  node-v18.${index}.0.tar.gz`).join("\n");
    const html = htmlForIndex(page(`<ul>${commits(9)}</ul><ol>${commits(3)}</ol><ul>${"<li>Hand-written item 1</li>".repeat(10)}</ul><pre><code>${checksums}</code></pre>`), { numberTerms: false });
    const document = parseHTML(html).document;
    const weights = [...document.querySelectorAll("ul, ol, pre")].map((element) => element.getAttribute("data-pagefind-weight"));
    assert.deepEqual(weights, [String(MACHINE_LIST_WEIGHT), null, null, String(MACHINE_LIST_WEIGHT)]);
    assert.ok(!html.includes("nv"), "no number terms asked for");
  });

  it("reads a list as machine-generated when it is long and nearly every item names a hash", () => {
    const items = (hashes: number, plain: number): string[] => [...Array.from({ length: hashes }, (_, i) => `abc123${i}f fix`), ...Array.from({ length: plain }, () => "a note")];
    assert.equal(isMachineGenerated(items(8, 0)), true);
    assert.equal(isMachineGenerated(items(8, 2)), true);
    assert.equal(isMachineGenerated(items(7, 3)), false);
    assert.equal(isMachineGenerated(items(7, 0)), false, "too short");
    assert.equal(isMachineGenerated(Array.from({ length: 10 }, () => "deadbeef and 1234567")), false, "no hash has both a letter and a digit");
  });

  it("weighs words as Pagefind does: an element's own weight, else a heading's outside weighted elements, else its parent's", () => {
    assert.deepEqual(elementWeight("p", {}, undefined), { weight: 24, weighted: false });
    assert.deepEqual(elementWeight("h2", {}, undefined), { weight: 144, weighted: true });
    assert.deepEqual(elementWeight("h2", {}, { weight: 2, weighted: true }), { weight: 2, weighted: true });
    assert.deepEqual(elementWeight("ul", { "data-pagefind-weight": "0.1" }, undefined), { weight: 2, weighted: true });
    assert.deepEqual(elementWeight("p", { "data-pagefind-weight": "0.001" }, undefined), { weight: 1, weighted: true });
    assert.deepEqual(elementWeight("p", { "data-pagefind-weight": "0" }, undefined), { weight: 0, weighted: true });
    assert.deepEqual(elementWeight("p", { "data-pagefind-weight": "99" }, undefined), { weight: 240, weighted: true });
    assert.equal(lineTermWeight(24), 6);
    assert.equal(lineTermWeight(2), 1);
    assert.equal(lineTermWeight(0), 0);
  });
});

import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { createMarkdownRenderer } from "../../src/content/markdown.ts";

const hostile = [
  "<script>alert(1)</script>",
  '<img src="x.png" onerror="alert(2)" alt="x">',
  '<a href="javascript:alert(3)">click</a>',
  '<iframe src="https://evil.example/"></iframe>',
  '<p style="position:fixed" onclick="alert(4)">text</p>',
  "[markdown link](javascript:alert(5))",
].join("\n\n");

describe("article bodies", () => {
  it("keep raw HTML by default, for trusted authors of real archives", () => {
    const { html } = createMarkdownRenderer()(hostile);
    assert.match(html, /<script>alert\(1\)<\/script>/);
    assert.match(html, /onerror="alert\(2\)"/);
  });

  it("never turn a Markdown link into a javascript: URL", () => {
    const { html } = createMarkdownRenderer()("[markdown link](javascript:alert(5))");
    assert.doesNotMatch(html, /href="javascript:/);
  });

  it("lose scripts, event handlers, styles, iframes and javascript: URLs when sanitized, and keep the rest", () => {
    const { html } = createMarkdownRenderer({ sanitize: true, highlightCode: true })(`${hostile}\n\n| a | b |\n| - | - |\n| 1 | 2 |\n\n![chart](chart.svg)`);
    assert.doesNotMatch(html, /<script|onerror=|onclick=|href="javascript:|<iframe|style=/i);
    assert.match(html, /<img src="x.png" alt="x" \/>/);
    assert.match(html, /<a>click<\/a>/);
    assert.match(html, /<p>text<\/p>/);
    assert.match(html, /<table>/);
    assert.match(html, /<img src="chart.svg" alt="chart" \/>/);
  });
});

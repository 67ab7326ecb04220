import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { createMarkdownRenderer } from "../../src/content/markdown.ts";

const excerptOf = (markdown: string): string => createMarkdownRenderer()(markdown).excerpt;

describe("excerpts of articles without a summary", () => {
  it("take the first paragraph of prose, its inline code kept", () => {
    assert.equal(excerptOf("# Title\n\nWe released `fs.glob` for everyone today.\n\nMore text."), "We released fs.glob for everyone today.");
  });

  it("take the part before <!--more--> when there is one, however many paragraphs", () => {
    assert.equal(excerptOf("Short.\n\nA second teaser paragraph here.\n\n<!--more-->\n\nThe rest of the article."), "Short. A second teaser paragraph here.");
    assert.equal(excerptOf("Teaser in a line <!-- more --> and the rest after it.\n\nMore."), "Teaser in a line");
  });

  it("skip code blocks and lists of commit hashes, as release notes open with", () => {
    const releaseNotes = [
      "## 2026-08-05, Version 26.7.0 (Current)",
      "",
      "- \\[[`58717685a1`](https://github.com/nodejs/node/commit/58717685a1)] - **crypto**: support loading private keys (Filip Skokan) [#63949](https://github.com/nodejs/node/pull/63949)",
      "",
      "```js",
      "const answer = fortyTwo();",
      "```",
      "",
      "[`acc86ed246`] - 2018-03-XX, Version 9.9.0 (Current) (Michaël Zasso)",
      "",
      "This release fixes two bugs in the crypto module.",
    ].join("\n");
    assert.equal(excerptOf(releaseNotes), "This release fixes two bugs in the crypto module.");
  });

  it("skip a paragraph that is only an address, a link or a list of addresses, and shorten an address in a sentence to its host", () => {
    const body = [
      "https://nodejs.org/dist/v26.7.0/",
      "<https://example.org/a>",
      "Windows Installer: https://nodejs.org/dist/a.msi\nmacOS Installer: https://nodejs.org/dist/a.pkg",
      "Downloads are at https://www.nodejs.org/dist/, as usual for every platform.",
    ].join("\n\n");
    assert.equal(excerptOf(body), "Downloads are at nodejs.org, as usual for every platform.");
    assert.equal(excerptOf("I am moving my technical blog to <http://tinyclouds.org/> today."), "I am moving my technical blog to tinyclouds.org today.");
  });

  it("is empty when the body has no paragraph of prose at its top level", () => {
    assert.equal(
      excerptOf("### Commits\n\n- [`a2d3f891d3`] - **async_hooks**: use validateBoolean (Soul Lee)\n- [`d7266cdd99`] - **benchmark**: fix option"),
      "",
    );
  });

  it("skip the line that introduces a list or code, and take a short article's first sentence when no paragraph has four words", () => {
    assert.equal(excerptOf("The changes in this version include:\n\n- a fix\n\n2015.05.22, Version 0.12.4\n\nSee you soon."), "See you soon.");
  });

  it("is cut at a word, with an ellipsis, when the paragraph is long", () => {
    const excerpt = excerptOf(`${"word ".repeat(100)}end.`);
    assert.ok(excerpt.length <= 240 && excerpt.endsWith("word…"), excerpt);
  });
});

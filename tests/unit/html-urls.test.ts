import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { isPageRelative, isRootRelative, rewriteHtmlUrls } from "../../src/core/html-urls.ts";

describe("rewriting URLs in rendered HTML", () => {
  const prefix = (url: string): string => (isRootRelative(url) ? `/news${url}` : url);

  it("rewrites href and src of links, images and media, with either quote", () => {
    const html = `<p><a href="/2021/04/x/">x</a> <img src='/images/a.png' alt="a"> <video poster="/p.jpg"></video></p>`;
    assert.equal(rewriteHtmlUrls(html, prefix), `<p><a href="/news/2021/04/x/">x</a> <img src='/news/images/a.png' alt="a"> <video poster="/news/p.jpg"></video></p>`);
  });

  it("rewrites each candidate of a srcset", () => {
    assert.equal(rewriteHtmlUrls(`<img srcset="/a.png 1x, /b.png 2x">`, prefix), `<img srcset="/news/a.png 1x, /news/b.png 2x">`);
  });

  it("leaves absolute, protocol-relative, fragment and page-relative URLs as they are", () => {
    const html = `<a href="https://example.org/">a</a><a href="//cdn.example/x">b</a><a href="#top">c</a><img src="chart.svg">`;
    assert.equal(rewriteHtmlUrls(html, prefix), html);
  });

  it("does not touch text that only looks like an attribute", () => {
    assert.equal(rewriteHtmlUrls("<p>write href=/x in the text</p>", prefix), "<p>write href=/x in the text</p>");
  });

  it("tells root-relative from page-relative URLs", () => {
    assert.deepEqual(["/a", "//h/a", "a.png", "../a", "#x", "mailto:x@y", "https://x"].map((url) => [isRootRelative(url), isPageRelative(url)]), [
      [true, false],
      [false, false],
      [false, true],
      [false, true],
      [false, false],
      [false, false],
      [false, false],
    ]);
  });
});

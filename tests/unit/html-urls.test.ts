import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { attributeUrls, isPageRelative, isRootRelative, rewriteHtmlUrls } from "../../src/core/html-urls.ts";
import { htmlSegments } from "../../src/text/html-text.ts";

describe("rewriting URLs in rendered HTML", () => {
  const prefix = (url: string): string => (isRootRelative(url) ? `/news${url}` : url);

  it("rewrites href and src of links, images and media, with either quote", () => {
    const html = `<p><a href="/2021/04/x/">x</a> <img src='/images/a.png' alt="a"> <video poster="/p.jpg"></video></p>`;
    assert.equal(
      rewriteHtmlUrls(html, prefix),
      `<p><a href="/news/2021/04/x/">x</a> <img src='/news/images/a.png' alt="a"> <video poster="/news/p.jpg"></video></p>`,
    );
  });

  it("rewrites each candidate of a srcset, keeping its spaces and descriptors", () => {
    assert.equal(rewriteHtmlUrls(`<img srcset="/a.png 1x, /b.png 2x">`, prefix), `<img srcset="/news/a.png 1x, /news/b.png 2x">`);
    assert.equal(rewriteHtmlUrls(`<source srcset="/a.png 480w,\n  b.png 800w">`, prefix), `<source srcset="/news/a.png 480w,\n  b.png 800w">`);
  });

  it("leaves absolute, protocol-relative, fragment and page-relative URLs as they are", () => {
    const html = `<a href="https://example.org/">a</a><a href="//cdn.example/x">b</a><a href="#top">c</a><img src="chart.svg">`;
    assert.equal(rewriteHtmlUrls(html, prefix), html);
  });

  it("does not touch text that only looks like an attribute", () => {
    assert.equal(rewriteHtmlUrls("<p>write href=/x in the text</p>", prefix), "<p>write href=/x in the text</p>");
  });

  it("leaves markup shown as text alone: an escaped tag in a code sample, in <pre> or in text", () => {
    const html = `<pre>&lt;a href="/docs/"&gt;docs&lt;/a&gt;</pre><p>Write &lt;img src='/a.png'&gt; to show it.</p><pre><code>&lt;a href=/x&gt;</code></pre>`;
    assert.equal(rewriteHtmlUrls(html, prefix), html);
  });

  it("leaves comments and the contents of <script>, <style>, <textarea> and <title> alone: they are not elements' attributes", () => {
    const html = [
      `<!-- <a href="/old/">old</a> -->`,
      `<script>document.body.innerHTML = '<a href="/x/">x</a>';</script>`,
      `<style>.a { background: url("/a.png"); } /* <img src="/b.png"> */</style>`,
      `<textarea><a href="/t/">t</a></textarea>`,
      `<title><a href="/y/"></title>`,
    ].join("");
    assert.equal(rewriteHtmlUrls(html, prefix), html);
  });

  it("rewrites the attributes of a script's and a stylesheet's own element, and of a real link inside <pre>", () => {
    const html = `<script src="/s.js"></script><link rel=stylesheet href=/c.css><pre><a href="/code/">code</a></pre>`;
    assert.equal(
      rewriteHtmlUrls(html, prefix),
      `<script src="/news/s.js"></script><link rel=stylesheet href=/news/c.css><pre><a href="/news/code/">code</a></pre>`,
    );
  });

  it("rewrites double-quoted, single-quoted and unquoted values, in any case of the attribute's name, spaces around = kept", () => {
    const html = `<a HREF = "/a/">a</a><a href='/b/'>b</a><a href=/c/>c</a><a class=x href=/d/ title=y>d</a>`;
    assert.equal(
      rewriteHtmlUrls(html, prefix),
      `<a HREF = "/news/a/">a</a><a href='/news/b/'>b</a><a href=/news/c/>c</a><a class=x href=/news/d/ title=y>d</a>`,
    );
  });

  it("gives the rewrite each URL with its character references decoded, and escapes what it writes back", () => {
    const seen: string[] = [];
    const html = `<a href="&#x2F;docs/?a=1&amp;b=2">x</a><a href='/q?s=it&#39;s'>y</a>`;
    const rewritten = rewriteHtmlUrls(html, (url) => {
      seen.push(url);
      return prefix(url);
    });
    assert.deepEqual(seen, ["/docs/?a=1&b=2", "/q?s=it's"]);
    assert.equal(rewritten, `<a href="/news/docs/?a=1&amp;b=2">x</a><a href='/news/q?s=it&#39;s'>y</a>`);
    assert.equal(
      rewriteHtmlUrls(`<a href=/x>x</a>`, () => `/a b"c`),
      `<a href="/a b&quot;c">x</a>`,
    );
  });

  it("keeps the bytes of values the rewrite leaves unchanged, character references included", () => {
    const html = `<a href="https://example.org/?a=1&amp;b=2">x</a><img srcset="a.png 1x,b.png  2x" src="&#x61;.png">`;
    assert.equal(rewriteHtmlUrls(html, prefix), html);
  });

  it("tells root-relative from page-relative URLs", () => {
    assert.deepEqual(
      ["/a", "//h/a", "a.png", "../a", "#x", "mailto:x@y", "https://x"].map((url) => [isRootRelative(url), isPageRelative(url)]),
      [
        [true, false],
        [false, false],
        [false, true],
        [false, true],
        [false, false],
        [false, false],
        [false, false],
      ],
    );
  });

  it("finds in a parse made for the search's text the URLs the rewrite is handed, in the same order", () => {
    const html = [
      '<p><a HREF="/a?x=1&amp;y=2">a</a> <img src=\'b.png\' srcset=" c.png 2x,d.png 3x, , ">',
      '<video poster=e.jpg controls src></video><form action="/f"></form>',
      '<a href="/g" href="/h">twice</a><!-- <a href="/comment"> --><script>var s = \'<a href="/script">\';</script>',
      '<pre>&lt;a href="/shown"&gt;</pre><svg><image href="/i.svg"/></svg><a title="/not-a-url" data-src="/neither">x</a></p>',
    ].join("");
    const handed: string[] = [];
    rewriteHtmlUrls(html, (url) => {
      handed.push(url);
      return url;
    });
    const found: string[] = [];
    htmlSegments(html, (name, value) => found.push(...attributeUrls(name, value)));
    assert.deepEqual(found, handed);
    assert.deepEqual(handed, ["/a?x=1&y=2", "b.png", "c.png", "d.png", "e.jpg", "/f", "/g", "/h", "/i.svg"]);
  });
});

import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseHTML } from "linkedom";
import { createMarkdownRenderer } from "../../src/content/markdown.ts";
import { withScrollRegions } from "../../src/content/scroll-regions.ts";

const render = createMarkdownRenderer();
const documentOf = (html: string) => parseHTML(`<html><body>${html}</body></html>`).document;
const headingsOf = (markdown: string, title?: string) =>
  [...documentOf(render(markdown, 1, title).html).querySelectorAll("h1, h2, h3, h4, h5, h6")].map(
    (heading) => `${heading.tagName.toLowerCase()} ${heading.textContent}`,
  );

describe("an article body's headings", () => {
  it("move one level down when the body uses # headings, keeping their order among themselves", () => {
    assert.deepEqual(headingsOf("# Part one\n\ntext\n\n## Detail\n\n###### Deepest\n\n# Part two"), ["h2 Part one", "h3 Detail", "h6 Deepest", "h2 Part two"]);
  });

  it("stay as written when the body starts at ##, below the page's title already", () => {
    assert.deepEqual(headingsOf("## Part one\n\n### Detail"), ["h2 Part one", "h3 Detail"]);
  });

  it("are judged after a first heading repeating the title is left out", () => {
    assert.deepEqual(headingsOf("# Annual report\n\n## Findings", "Annual report"), ["h2 Findings"]);
  });
});

describe("code blocks and tables as scroll regions", () => {
  it("make each code block focusable, with the role region and a name of its own", () => {
    const document = documentOf(render("```js\nconst a = 1;\n```\n\ntext\n\n    indented code\n").html);
    const blocks = [...document.querySelectorAll("pre")];
    assert.deepEqual(
      blocks.map((pre) => [pre.getAttribute("tabindex"), pre.getAttribute("role"), pre.getAttribute("aria-label")]),
      [
        ["0", "region", "Code 1"],
        ["0", "region", "Code 2"],
      ],
    );
    assert.equal(blocks[0]?.querySelector(".token.keyword")?.textContent, "const");
  });

  it("wrap a Markdown table in a focusable, named region, the table itself left a table", () => {
    const document = documentOf(render("| a | b |\n| - | - |\n| 1 | 2 |\n\n| c |\n| - |\n| 3 |\n").html);
    const wrappers = [...document.querySelectorAll("div.table-scroll")];
    assert.deepEqual(
      wrappers.map((div) => [
        div.getAttribute("tabindex"),
        div.getAttribute("role"),
        div.getAttribute("aria-label"),
        div.firstElementChild?.tagName.toLowerCase(),
      ]),
      [
        ["0", "region", "Table 1", "table"],
        ["0", "region", "Table 2", "table"],
      ],
    );
    assert.equal(document.querySelector("table")?.getAttribute("role"), null);
  });

  it("wrap only the outermost of nested raw HTML tables, and close a wrapper its table's author left open", () => {
    const nested = documentOf(withScrollRegions("<table><tr><td><table><tr><td>inner</td></tr></table></td></tr></table><p>after</p>"));
    assert.equal(nested.querySelectorAll("div.table-scroll").length, 1);
    assert.equal(nested.querySelector("div.table-scroll + p")?.textContent, "after");
    assert.equal(
      withScrollRegions("<TABLE><tr><td>x</td></tr>"),
      '<div class="table-scroll" tabindex="0" role="region" aria-label="Table 1"><TABLE><tr><td>x</td></tr></div>',
    );
  });

  it("leave markup shown inside code alone, and a block that already names its tabindex", () => {
    const html = render("```html\n<pre>not a block</pre>\n<table></table>\n```").html;
    assert.equal(documentOf(html).querySelectorAll("pre").length, 1);
    assert.equal(documentOf(html).querySelectorAll("div.table-scroll").length, 0);
    assert.equal(withScrollRegions('<pre tabindex="-1">x</pre>'), '<pre tabindex="-1">x</pre>');
  });

  it("keep their attributes when bodies are sanitized", () => {
    const html = createMarkdownRenderer({ sanitize: true, highlightCode: true })("```js\nconst a = 1;\n```").html;
    assert.match(html, /<pre tabindex="0" role="region" aria-label="Code 1">/);
  });

  it("leave a body without code or tables unchanged", () => {
    assert.equal(withScrollRegions("<p>Plain text</p>"), "<p>Plain text</p>");
  });
});

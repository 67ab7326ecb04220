import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseHTML } from "linkedom";
import { createMarkdownRenderer } from "../../src/content/markdown.ts";

const render = createMarkdownRenderer();
const codeOf = (markdown: string) => parseHTML(`<html><body>${render(markdown).html}</body></html>`).document.querySelector("pre code");

describe("code blocks highlighted at build time", () => {
  it("mark a fenced block's tokens with Prism's classes, the language kept on the code element", () => {
    const code = codeOf("```js\nconst answer = 42; // the answer\n```");
    assert.equal(code?.getAttribute("class"), "language-js");
    assert.equal(code?.querySelector(".token.keyword")?.textContent, "const");
    assert.equal(code?.querySelector(".token.number")?.textContent, "42");
    assert.equal(code?.querySelector(".token.comment")?.textContent, "// the answer");
    assert.equal(code?.textContent, "const answer = 42; // the answer\n");
  });

  it("know the names archives give languages: aliases in any case, console sessions, .mjs", () => {
    assert.ok(codeOf("```Python\nimport os\n```")?.querySelector(".token.keyword"));
    assert.ok(codeOf("```console\n$ npm test\nok\n```")?.querySelector(".token.output"));
    assert.ok(codeOf("```mjs\nexport default 1;\n```")?.querySelector(".token.keyword"));
    assert.ok(codeOf("```yml\nkey: value\n```")?.querySelector(".token.key"));
  });

  it("print code as written, escaped, when no language is named or Prism has none for it", () => {
    for (const fence of ["```", "```no-such-language"]) {
      const code = codeOf(`${fence}\n<b>bold</b> & more\n\`\`\``);
      assert.equal(code?.querySelector("span"), null);
      assert.equal(code?.textContent, "<b>bold</b> & more\n");
    }
  });

  it("are left plain when the highlightCode setting is off", () => {
    const plain = createMarkdownRenderer({ sanitize: false, highlightCode: false })("```js\nconst a = 1;\n```").html;
    assert.equal(plain, '<pre tabindex="0" role="region" aria-label="Code 1"><code class="language-js">const a = 1;\n</code></pre>\n');
  });

  it("keep their classes when bodies are sanitized", () => {
    const html = createMarkdownRenderer({ sanitize: true, highlightCode: true })("```js\nconst a = 1;\n```").html;
    assert.match(html, /<span class="token keyword">const<\/span>/);
  });

  it("escape markup inside highlighted code", () => {
    const html = render("```html\n<script>alert(1)</script>\n```").html;
    assert.doesNotMatch(html, /<script>/);
    assert.match(html, /&lt;/);
  });
});

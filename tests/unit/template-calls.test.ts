import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { findTemplateCalls, type Span } from "../../src/content/template-calls.ts";

/** The calls found, as written. */
function found(source: string, code: readonly Span[] = []): string[] {
  return findTemplateCalls(source, code).map((call) => source.slice(call.start, call.end));
}

describe("finding template calls in a body", () => {
  it("reads a Hugo shortcode's name and its positional and named arguments, quotes removed", () => {
    const [call] = findTemplateCalls('See {{< figure src="/a.png" caption="A > B, \\"quoted\\"" 600 >}} here.', []);
    assert.ok(call);
    assert.equal(call.syntax, "hugo");
    assert.equal(call.name, "figure");
    assert.deepEqual(call.named, { src: "/a.png", caption: 'A > B, "quoted"' });
    assert.deepEqual(call.args, ["600"]);
  });

  it("finds shortcodes written with %, without spaces, closing, self-closing and over several lines", () => {
    const source = '{{% alert title="Note" %}}\nText\n{{% /alert %}}\n{{<note>}}x{{</note>}}\n{{< details />}}\n{{< figure\n    src="a.png"\n    alt="A" >}}';
    assert.deepEqual(
      findTemplateCalls(source, []).map((call) => call.name),
      ["alert", "/alert", "note", "/note", "details", "figure"],
    );
  });

  it("reads Hugo's commented form, which shows a shortcode instead of running it", () => {
    const [call] = findTemplateCalls('{{</* figure src="a.png" */>}}', []);
    assert.equal(call?.commented, true);
    assert.equal(call?.name, "figure");
  });

  it("reads Liquid tags, with or without trimming marks, and Liquid outputs", () => {
    const calls = findTemplateCalls("{% post_url 2010-07-21-name %} {%- link _posts/x.md -%} {{ site.baseurl }} {{- page.title | upcase -}}", []);
    assert.deepEqual(
      calls.map((call) => [call.syntax, call.name, call.args]),
      [
        ["liquid", "post_url", ["2010-07-21-name"]],
        ["liquid", "link", ["_posts/x.md"]],
        ["liquid", "", ["site.baseurl"]],
        ["liquid", "", ["page.title | upcase"]],
      ],
    );
  });

  it("reads Go present actions, whose backquoted arguments may hold braces", () => {
    const [code, image] = findTemplateCalls('{{code "context/interface.go" `/A Context/` `/^}/`}}\n\n{{image "go1/gophermega.jpg" 850}}', []);
    assert.deepEqual([code?.syntax, code?.name, code?.args], ["go", "code", ["context/interface.go", "/A Context/", "/^}/"]]);
    assert.deepEqual([image?.syntax, image?.name, image?.args], ["go", "image", ["go1/gophermega.jpg", "850"]]);
  });

  it("spans a raw or highlight block through its closing tag and finds nothing inside", () => {
    const source =
      "{% raw %}{{ page.title }}{% endraw %} then {% highlight ruby %}\nputs '{{ x }}'\n{% endhighlight %} and {{< highlight go >}}\nx := `{{.}}`\n{{< /highlight >}}";
    const calls = findTemplateCalls(source, []);
    assert.deepEqual(
      calls.map((call) => [call.name, call.inner === undefined ? undefined : source.slice(call.inner.start, call.inner.end)]),
      [
        ["raw", "{{ page.title }}"],
        ["highlight", "\nputs '{{ x }}'\n"],
        ["highlight", "\nx := `{{.}}`\n"],
      ],
    );
  });

  it("leaves an unclosed raw block an ordinary call, so that it is reported", () => {
    assert.deepEqual(found("{% raw %} and no end"), ["{% raw %}"]);
  });

  it("finds nothing in code blocks, inline code, <code> and <pre> elements, or after a backslash", () => {
    const source =
      '```\n{{< figure src="a.png" >}}\n```\n`{{< note >}}` and ``a ` {{ x }}`` and <code>{% raw %}</code> <pre>\n{{< y >}}\n</pre> \\{{ not }} {{< real >}}';
    const fence = { start: 0, end: source.indexOf("```\n`") + 4 };
    assert.deepEqual(found(source, [fence]), ["{{< real >}}"]);
  });

  it("reads an unmatched backtick as text, as Markdown does", () => {
    assert.deepEqual(found("a ` b {{< note >}}"), ["{{< note >}}"]);
  });

  it("does not take TeX, YAML maps or a call broken by a blank line for a template call", () => {
    assert.deepEqual(found('$x_{{1}}$ and cpu: {{01: True}, {10: True}} and {{< figure src="a.png"\n\n>}}'), []);
  });
});

import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseHTML } from "linkedom";
import { createMarkdownRenderer } from "../../src/content/markdown.ts";
import { linkReferences, type ArticleReference } from "../../src/content/expand-templates.ts";

const render = createMarkdownRenderer();

function body(markdown: string): { document: ReturnType<typeof parseHTML>["document"]; html: string } {
  const { html } = render(markdown);
  return { document: parseHTML(`<!doctype html><html><body>${html}</body></html>`).document, html };
}

describe("template calls in a rendered body", () => {
  it("turn a Hugo figure into an image with its caption, the caption read as Markdown and also the image's text when it has none", () => {
    const { document } = body('Before.\n\n{{< figure src="/images/chart.png" caption="Growth *per year*" width="600" >}}\nRight after.');
    const figure = document.querySelector("figure");
    assert.equal(figure?.querySelector("img")?.getAttribute("src"), "/images/chart.png");
    assert.equal(figure?.querySelector("img")?.getAttribute("alt"), "Growth *per year*");
    assert.equal(figure?.querySelector("img")?.getAttribute("width"), "600");
    assert.equal(figure?.querySelector("figcaption")?.innerHTML, "Growth <em>per year</em>");
    assert.equal(document.querySelectorAll("p")[1]?.textContent, "Right after.", "the text after the figure stays a paragraph");
  });

  it("turn a figure written without spaces, with a link and a title, into a linked image instead of an unknown HTML tag", () => {
    const { document } = body('{{<figure src="a.png" alt="A" link="/big.png" title="Big">}}');
    assert.equal(document.querySelector("figure > a")?.getAttribute("href"), "/big.png");
    assert.equal(document.querySelector("figure > a > img")?.getAttribute("alt"), "A");
    assert.equal(document.querySelector("figcaption")?.textContent, "Big");
  });

  it("turn a Go blog image into an image", () => {
    const { document } = body('{{image "go1/gophermega.jpg" 850}}');
    assert.equal(document.querySelector("figure img")?.getAttribute("src"), "go1/gophermega.jpg");
    assert.equal(document.querySelector("figure img")?.getAttribute("width"), "850");
  });

  it("turn YouTube, Vimeo and Go video calls into links to the video's page, with no player and no script", () => {
    const { document, html } = body(
      '{{< youtube id="M4a2b4KkXN8" title="A talk" >}}\n\n{{< youtube "SFtHRmPuhEw?start=953" youtube-quote-sm >}}\n\n{{< vimeo 55073825 >}}\n\n{{video "https://www.youtube.com/embed/Pa_e9EeCdy8"}}',
    );
    const links = [...document.querySelectorAll("a")].map((link) => [link.getAttribute("href"), link.textContent]);
    assert.deepEqual(links, [
      ["https://www.youtube.com/watch?v=M4a2b4KkXN8", "Video: A talk"],
      ["https://www.youtube.com/watch?v=SFtHRmPuhEw&t=953", "Video on YouTube"],
      ["https://vimeo.com/55073825", "Video on Vimeo"],
      ["https://www.youtube.com/watch?v=Pa_e9EeCdy8", "Video on YouTube"],
    ]);
    assert.doesNotMatch(html, /<iframe|<script/);
  });

  it("turn highlight blocks into code blocks in their language, whatever Markdown their code looks like", () => {
    const { document } = body(
      "{% highlight ruby linenos %}\n# not a heading\nputs '{{ x }}'\n{% endhighlight %}\n\n{{< highlight yaml \"linenos=false\" >}}\n---\nkind: Pod\n{{< /highlight >}}",
    );
    const blocks = [...document.querySelectorAll("pre > code")].map((code) => [code.getAttribute("class"), code.textContent]);
    assert.deepEqual(blocks, [
      ["language-ruby", "# not a heading\nputs '{{ x }}'\n"],
      ["language-yaml", "---\nkind: Pod\n"],
    ]);
  });

  it("print what {% raw %} holds, and Hugo's commented shortcode as the shortcode", () => {
    const { document } = body('{% raw %}Write {{ page.title }}{% endraw %}\n\n{{</* figure src="a.png" */>}}');
    assert.deepEqual(
      [...document.querySelectorAll("p")].map((paragraph) => paragraph.textContent),
      ["Write {{ page.title }}", '{{< figure src="a.png" >}}'],
    );
  });

  it("stay visible as text, even when written like an HTML tag, and are reported with their line", () => {
    const rendered = render("Intro.\n\n{{<note>}}Careful.{{</note>}}\n\n{{% alert %}}\n{{ page.title }}", 7);
    const text = parseHTML(`<html><body>${rendered.html}</body></html>`).document.body.textContent;
    assert.match(text, /\{\{<note>\}\}Careful\.\{\{<\/note>\}\}/);
    assert.match(text, /\{\{% alert %\}\}\n\{\{ page\.title \}\}/);
    assert.deepEqual(
      rendered.templates.map((use) => [use.text, use.line, use.outcome]),
      [
        ["{{<note>}}", 9, "text"],
        ["{{</note>}}", 9, "text"],
        ["{{% alert %}}", 11, "text"],
        ["{{ page.title }}", 12, "text"],
      ],
    );
  });

  it("are left alone in fenced, indented and inline code, and not reported", () => {
    const markdown = '```\n{{< figure src="a.png" >}}\n```\n\n    {% post_url x %}\n\nWrite `{{< youtube id >}}` to embed.';
    const rendered = render(markdown);
    assert.deepEqual(rendered.templates, []);
    const { document } = body(markdown);
    assert.deepEqual(
      [...document.querySelectorAll("code")].map((code) => code.textContent),
      ['{{< figure src="a.png" >}}\n', "{% post_url x %}\n", "{{< youtube id >}}"],
    );
    assert.equal(document.querySelector("figure"), null);
  });

  it("write references to other articles as placeholders, in a Markdown link or as a link of their own, and record them", () => {
    const rendered = render(
      'See [the guide]({{< ref "blog/guide.md#setup" >}}), {{< relref "faq" >}} and [a post]({{ site.baseurl }}{% post_url 2010-07-21-name %}).',
      3,
    );
    assert.match(rendered.html, /<a href="article-ref:0">the guide<\/a>/);
    assert.match(rendered.html, /<a href="article-ref:1"><\/a>/);
    assert.match(rendered.html, /<a href="article-ref:2">a post<\/a>/);
    assert.deepEqual(
      rendered.references.map((reference) => [reference.target, reference.fragment, reference.line]),
      [
        ["blog/guide.md", "#setup", 3],
        ["faq", "", 3],
        ["2010-07-21-name", "", 3],
      ],
    );
    assert.deepEqual(
      rendered.templates.map((use) => use.outcome),
      ["article-link", "article-link", "site-url", "article-link"],
    );
  });

  it("drop Jekyll's site address before a path, and keep it as text elsewhere", () => {
    const rendered = render("![Logo]({{ site.baseurl }}/assets/logo.png)\n\nVisit {{ site.url }} today.");
    assert.match(rendered.html, /<img src="\/assets\/logo.png" alt="Logo">/);
    assert.match(rendered.html, /Visit \{\{ site.url \}\} today/);
  });

  it("keep links to other articles for resolving when the body is sanitized", () => {
    assert.match(createMarkdownRenderer({ sanitize: true, highlightCode: true })('[x]({{< ref "a.md" >}})').html, /<a href="article-ref:0">x<\/a>/);
  });
});

describe("linking references", () => {
  const reference = (target: string, text: string): ArticleReference => ({ target, fragment: "", text, line: 1 });
  const references = [reference("a.md", '{{< ref "a.md" >}}'), reference("gone.md", '{{< ref "gone.md" >}}'), reference("a.md", '{{< ref "a.md" >}}')];
  const resolve = (item: ArticleReference): { href: string; title: string } | undefined =>
    item.target === "a.md" ? { href: "/2020/01/02/a/", title: "A & B" } : undefined;

  it("puts the article's URL in, and its title where the link has no text of its own", () => {
    const html = linkReferences('<p><a href="article-ref:0" title="t">the post</a> <a href="article-ref:2"></a></p>', references, resolve);
    assert.equal(html, '<p><a href="/2020/01/02/a/" title="t">the post</a> <a href="/2020/01/02/a/">A &amp; B</a></p>');
  });

  it("shows the text and the call instead of a broken link when the article is not found", () => {
    const html = linkReferences('<p><a href="article-ref:1">the post</a> and <a href="article-ref:1"></a></p>', references, resolve);
    assert.equal(html, "<p>the post ({{&lt; ref &quot;gone.md&quot; &gt;}}) and {{&lt; ref &quot;gone.md&quot; &gt;}}</p>");
  });

  it("resolves a reference outside a link, such as an image's source", () => {
    assert.equal(linkReferences('<img src="article-ref:0" alt="">', references, resolve), '<img src="/2020/01/02/a/" alt="">');
  });
});

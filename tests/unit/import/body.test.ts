import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { htmlBody, wordpressBody } from "../../../src/import/article-body.ts";
import { autoParagraphs } from "../../../src/import/autop.ts";
import { ArticleMedia } from "../../../src/import/media.ts";
import type { Attachment } from "../../../src/import/shortcodes.ts";
import { unwrapBlocks } from "../../../src/import/wp-blocks.ts";

const SITE = "https://gazette.example.org";
const noMedia = (): ArticleMedia => new ArticleMedia({ siteUrl: SITE, exists: undefined });
const attachments = new Map<string, Attachment>([
  ["10", { id: "10", url: `${SITE}/wp-content/uploads/2024/03/harbour.png`, alt: "The harbour", caption: "Dawn", parentId: "21" }],
  ["11", { id: "11", url: `${SITE}/wp-content/uploads/2024/03/boat.png`, alt: "A boat", caption: "", parentId: "21" }],
]);

function convert(html: string, context: { footnotesJson?: string; reusableBlocks?: ReadonlyMap<string, string> } = {}): ReturnType<typeof wordpressBody> {
  return wordpressBody(
    html,
    {
      reusableBlocks: context.reusableBlocks ?? new Map(),
      postId: "21",
      attachments,
      ...(context.footnotesJson === undefined ? {} : { footnotesJson: context.footnotesJson }),
    },
    noMedia(),
  );
}

describe("block editor markup", () => {
  it("removes the block comments and keeps what the blocks hold", () => {
    const { markdown } = convert('<!-- wp:paragraph {"dropCap":true} -->\n<p class="has-drop-cap">Levels <strong>rose</strong>.</p>\n<!-- /wp:paragraph -->');
    assert.equal(markdown, "Levels **rose**.\n");
  });

  it("counts the dynamic blocks it drops, which store nothing in the post", () => {
    const unwrapped = unwrapBlocks('<p>a</p><!-- wp:latest-posts {"postsToShow":3} /--><!-- wp:search /--><!-- wp:search {"label":"Find"} /-->', {
      reusableBlocks: new Map(),
    });
    assert.equal(unwrapped.html, "<p>a</p>");
    assert.deepEqual(
      [...unwrapped.dropped],
      [
        ["latest-posts", 1],
        ["search", 2],
      ],
    );
    assert.equal(unwrapped.blockEditor, true);
  });

  it("puts a reusable block's content where it is used", () => {
    const { markdown, notes } = convert('<!-- wp:block {"ref":32} /-->', {
      reusableBlocks: new Map([["32", "<!-- wp:paragraph -->\n<p>Subscribe.</p>\n<!-- /wp:paragraph -->"]]),
    });
    assert.equal(markdown, "Subscribe.\n");
    assert.equal(notes.droppedBlocks.size, 0);
  });

  it("prints the footnotes from the post's meta, their ids kept for the links", () => {
    const { markdown } = convert('<p>Text<sup data-fn="n1" class="fn"><a href="#n1" id="n1-link">1</a></sup>.</p><!-- wp:footnotes /-->', {
      footnotesJson: '[{"id":"n1","content":"A <em>note</em>."}]',
    });
    assert.match(markdown, /^Text<sup><a href="#n1" id="n1-link">1<\/a><\/sup>\.$/m);
    assert.match(markdown, /<ol><li id="n1">A <em>note<\/em>\. <a href="#n1-link">↩<\/a><\/li><\/ol>/);
  });

  it("makes one page of a post's pages and drops the more tag", () => {
    assert.equal(convert("<p>One</p><!--more--><p>Two</p><!--nextpage--><p>Three</p>").markdown, "One\n\nTwo\n\n---\n\nThree\n");
  });
});

describe("classic editor content", () => {
  it("makes paragraphs from blank lines and line breaks from lone newlines, as WordPress shows them", () => {
    assert.equal(autoParagraphs("First line\nsecond line\n\nNext paragraph"), "<p>First line<br>\nsecond line</p>\n\n<p>Next paragraph</p>");
    assert.equal(autoParagraphs("<ul>\n<li>a</li>\n</ul>\n\n<pre>x\n\ny</pre>"), "<ul>\n<li>a</li>\n</ul>\n\n<pre>x\n\ny</pre>");
  });

  it("turns [caption] into an image with its caption", () => {
    const { markdown } = convert(
      `[caption id="attachment_10" align="alignnone" width="4"]<a href="${SITE}/x"><img src="${SITE}/wp-content/uploads/2024/03/harbour.png" alt="Harbour" width="4" height="3" /></a> Dawn over the <em>harbour</em>[/caption]`,
    );
    assert.equal(
      markdown,
      `<figure><a href="${SITE}/x"><img src="${SITE}/wp-content/uploads/2024/03/harbour.png" alt="Harbour" width="4" height="3"></a><figcaption>Dawn over the <em>harbour</em></figcaption></figure>\n`,
    );
  });

  it("turns [gallery] into the images it shows, by ids or attached to the post", () => {
    const byIds = convert('[gallery ids="11,10"]').markdown;
    assert.equal(
      byIds,
      `![A boat](${SITE}/wp-content/uploads/2024/03/boat.png)\n\n<figure><img src="${SITE}/wp-content/uploads/2024/03/harbour.png" alt="The harbour"><figcaption>Dawn</figcaption></figure>\n`,
    );
    assert.equal(convert("[gallery]").markdown, convert('[gallery ids="10,11"]').markdown, "without ids, the images attached to the post");
    const missing = convert('[gallery ids="99"]');
    assert.match(missing.notes.problems.join("\n"), /attachment\(s\) 99/);
    assert.equal(missing.markdown, '\\[gallery ids="99"\\]\n');
  });

  it("turns a video address alone on its line, [embed] and an iframe into links to the video", () => {
    const expected = "[Video on YouTube](https://www.youtube.com/watch?v=dQw4w9WgXcQ)\n";
    assert.equal(convert("https://www.youtube.com/watch?v=dQw4w9WgXcQ").markdown, expected);
    assert.equal(convert("[embed]https://youtu.be/dQw4w9WgXcQ[/embed]").markdown, expected);
    assert.equal(convert('<iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ"></iframe>').markdown, expected);
    assert.equal(convert("https://vimeo.com/123456").markdown, "[Video on Vimeo](https://vimeo.com/123456)\n");
  });

  it("turns [audio], [video] and [code] into their HTML and a code block", () => {
    assert.equal(convert('[audio mp3="https://example.org/a.mp3"]').markdown, '<audio controls src="https://example.org/a.mp3"></audio>\n');
    assert.equal(convert('[code language="php"]echo "&lt;b&gt;";[/code]').markdown, '```php\necho "<b>";\n```\n');
  });

  it("leaves a plugin's shortcode as text and counts it", () => {
    const { markdown, notes } = convert('Write to us: [contact-form id="3"]');
    assert.equal(markdown, 'Write to us: \\[contact-form id="3"\\]\n');
    assert.deepEqual([...notes.unknownShortcodes], [["contact-form", 1]]);
  });
});

describe("HTML to Markdown", () => {
  const markdownOf = (html: string): string => htmlBody(html, noMedia()).markdown;

  it("writes a table with a header row as a Markdown table, escaping pipes", () => {
    assert.equal(
      markdownOf("<table><thead><tr><th>Day</th><th>Level</th></tr></thead><tbody><tr><td>Fri</td><td>3 | up</td></tr></tbody></table>"),
      "| Day | Level |\n| --- | --- |\n| Fri | 3 \\| up |\n",
    );
  });

  it("keeps as HTML a table Markdown cannot hold, without blank lines that would end it", () => {
    const { markdown, notes } = htmlBody('<table class="x">\n\n<tr><td colspan="2">Merged</td></tr>\n\n<tr><td>a</td><td>b</td></tr></table>', noMedia());
    assert.equal(markdown, '<table><tr><td colspan="2">Merged</td></tr><tr><td>a</td><td>b</td></tr></table>\n');
    assert.deepEqual([...notes.keptAsHtml], [["table", 1]]);
  });

  it("writes code blocks fenced, with their language", () => {
    assert.equal(
      markdownOf('<pre class="wp-block-code"><code class="language-python">print(1)\nprint(2)</code></pre>'),
      "```python\nprint(1)\nprint(2)\n```\n",
    );
  });

  it("keeps what Markdown has no syntax for as HTML and counts it once with what it holds", () => {
    const { markdown, notes } = htmlBody(
      '<p>H<sub>2</sub>O and x<sup>2</sup></p><dl><dt>Term <sup>1</sup></dt><dd>Meaning</dd></dl><pre class="wp-block-verse">Two\n  lines</pre>',
      noMedia(),
    );
    assert.equal(markdown, "H<sub>2</sub>O and x<sup>2</sup>\n\n<dl><dt>Term <sup>1</sup></dt><dd>Meaning</dd></dl>\n\n<pre>Two\n  lines</pre>\n");
    assert.deepEqual(Object.fromEntries(notes.keptAsHtml), { sub: 1, sup: 1, dl: 1, pre: 1 });
  });

  it("writes struck text, and escapes template braces that the build would read as template calls", () => {
    assert.equal(markdownOf("<p><del>old</del> {{ name }} and {% tag %}</p>"), "~~old~~ \\{{ name }} and \\{% tag %}\n");
  });

  it("keeps the id of a heading that a link of the post points at", () => {
    assert.equal(markdownOf('<p><a href="#top">Up</a></p><h2 id="top">Top</h2><h2 id="other">Other</h2>'), '[Up](#top)\n\n<h2 id="top">Top</h2>\n\n## Other\n');
  });

  it("links a file block's file once, not again by its download button", () => {
    assert.equal(
      markdownOf('<div class="wp-block-file"><a href="/r.pdf">Report</a><a href="/r.pdf" class="wp-block-file__button" download>Download</a></div>'),
      "[Report](/r.pdf)\n",
    );
  });

  it("writes a gallery block as its images followed by its caption", () => {
    const html =
      '<figure class="wp-block-gallery"><figure class="wp-block-image"><img src="a.png" alt="A"/></figure><figure class="wp-block-image"><img src="b.png" alt=""/></figure><figcaption class="blocks-gallery-caption">Both</figcaption></figure>';
    assert.equal(markdownOf(html), "![A](a.png)\n\n![](b.png)\n\n*Both*\n");
  });

  it("points the uploads at the bundle's copies when they are found, and lists them", () => {
    const media = new ArticleMedia({ siteUrl: SITE, exists: (path) => path === "2024/03/harbour.png" });
    const { markdown } = htmlBody(
      `<img src="${SITE}/wp-content/uploads/2024/03/harbour.png" srcset="x 300w" alt="H"><img src="${SITE}/wp-content/uploads/2024/03/gone.png" alt="G">`,
      media,
    );
    assert.equal(markdown, `![H](harbour.png)![G](${SITE}/wp-content/uploads/2024/03/gone.png)\n`);
    assert.deepEqual(
      media.files.map((file) => [file.uploadsPath, file.localName, file.found]),
      [
        ["2024/03/harbour.png", "harbour.png", true],
        ["2024/03/gone.png", "gone.png", false],
      ],
    );
  });

  it("gives two uploads of one name different names in the bundle", () => {
    const media = new ArticleMedia({ siteUrl: SITE, exists: () => true });
    assert.equal(media.link(`${SITE}/wp-content/uploads/2023/01/photo.jpg`), "photo.jpg");
    assert.equal(media.link(`${SITE}/wp-content/uploads/2024/02/photo.jpg`), "2024-02-photo.jpg");
    assert.equal(media.link(`${SITE}/wp-content/uploads/2024/02/Café Photo.JPG`), "cafe-photo.jpg");
  });
});

describe("imported content, which is untrusted", () => {
  it("loses its scripts, event handlers and javascript: addresses, each counted, in feeds and WordPress posts alike", () => {
    const html = `<p>Read <a href=" java\tscript:alert(1)">this</a> <img src="x.png" onerror="alert(2)" alt="x"></p>
<script>alert(3)</script><svg onload="alert(4)"><set attributeName="href" to="javascript:alert(5)"/></svg>
<iframe srcdoc="<script>alert(6)</script>"></iframe><meta http-equiv="refresh" content="0;url=https://evil.example/">
<a href="data:text/html,<script>alert(7)</script>">data</a><a href="https://example.org/">fine</a>`;
    for (const converted of [htmlBody(html, noMedia()), convert(html)]) {
      assert.doesNotMatch(converted.markdown, /alert|javascript|onerror|onload|srcdoc|<script|evil\.example|data:text/i, converted.markdown);
      assert.match(converted.markdown, /\[fine\]\(https:\/\/example\.org\/\)/);
      assert.deepEqual(Object.fromEntries(converted.notes.removedAsUnsafe), {
        script: 1,
        meta: 1,
        "event handler": 2,
        "javascript: URL": 2,
        srcdoc: 1,
        "data: URL": 1,
      });
    }
  });
});

import assert from "node:assert/strict";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { before, describe, it } from "node:test";
import { article, makeArchive, temporaryFolder } from "../support/archive.ts";
import { readPage, runCli, type CliRun } from "../support/cli.ts";
import { filePaths } from "../support/tree.ts";

/** Line 7 is the body's first line: the front matter takes lines 1-5 and a blank line follows. */
const REPORT_BODY = [
  "Intro.",
  "",
  '{{< figure src="/images/chart.png" alt="Chart" caption="Figure 1. Growth" >}}',
  "",
  '{{< youtube id="M4a2b4KkXN8" title="The talk" >}}',
  "",
  'See [the guide]({{< ref "guide.md" >}}), [the launch]({% post_url 2010-07-21-launch %}) and [nothing]({{< relref "missing.md" >}}).',
  "",
  "{{< note >}}",
  "Careful.",
  "{{< /note >}}",
  "",
  "```go",
  '{{< figure src="in-code.png" >}}',
  "```",
].join("\n");

const fixture = {
  // The figure's image is a file of the archive: its link gets the base path.
  "static/images/chart.png": "png",
  "2021/guide.md": article({ title: "The guide", date: "2021-03-01", category: "News" }),
  "2021/report.md": article({ title: "The report", date: "2021-04-09", category: "News" }, REPORT_BODY),
  "_posts/2010-07-21-launch.md": article(
    { title: "Launch", category: "News", layout: "post" },
    "Back to [the report]({{ site.baseurl }}{% link 2021/report.md %}).\n\n{% highlight ruby %}\nputs '{{ x }}'\n{% endhighlight %}",
  ),
};

describe("building an archive whose bodies hold template calls", () => {
  let content: string;
  let output: string;
  let cacheDir: string;
  let run: CliRun;

  before(async () => {
    content = await makeArchive(fixture);
    output = join(await temporaryFolder(), "site");
    cacheDir = join(await temporaryFolder(), "cache");
    run = await runCli(["--content", content, "--output", output, "--base-path", "/news/", "--cache-dir", cacheDir]);
  });

  it("renders a figure shortcode as an image with its caption", async () => {
    assert.equal(run.code, 0, run.stderr);
    const figure = (await readPage(output, "2021/04/09/report/index.html")).querySelector(".article-body figure");
    assert.equal(figure?.querySelector("img")?.getAttribute("src"), "/news/images/chart.png");
    assert.equal(figure?.querySelector("img")?.getAttribute("alt"), "Chart");
    assert.equal(figure?.querySelector("figcaption")?.textContent, "Figure 1. Growth");
  });

  it("renders a video shortcode as a link to the video, with no player", async () => {
    const body = (await readPage(output, "2021/04/09/report/index.html")).querySelector(".article-body");
    const link = body?.querySelector('a[href^="https://www.youtube.com/"]');
    assert.equal(link?.getAttribute("href"), "https://www.youtube.com/watch?v=M4a2b4KkXN8");
    assert.equal(link?.textContent, "Video: The talk");
    assert.equal(body?.querySelector("iframe, script"), null);
  });

  it("links ref, post_url and link calls to the URLs of the articles they name", async () => {
    const report = (await readPage(output, "2021/04/09/report/index.html")).querySelector(".article-body");
    const links = Object.fromEntries([...(report?.querySelectorAll("a") ?? [])].map((link) => [link.textContent, link.getAttribute("href")]));
    assert.equal(links["the guide"], "/news/2021/03/01/guide/");
    assert.equal(links["the launch"], "/news/2010/07/21/launch/");
    const launch = (await readPage(output, "2010/07/21/launch/index.html")).querySelector(".article-body");
    assert.equal(launch?.querySelector("a")?.getAttribute("href"), "/news/2021/04/09/report/");
  });

  it("shows a reference to a missing article as text with a warning naming file and line, never as a broken link", async () => {
    const body = (await readPage(output, "2021/04/09/report/index.html")).querySelector(".article-body");
    assert.match(body?.textContent ?? "", /and nothing \(\{\{< relref "missing\.md" >\}\}\)\./);
    assert.match(run.stderr, /2021\/report\.md:13: warning: \{\{< relref "missing\.md" >\}\} names no published article/);
    for (const file of filePaths(output)) {
      if (/\.(html|xml|json)$/.test(file)) assert.doesNotMatch(await readFile(join(output, file), "utf8"), /article-ref:/, file);
    }
  });

  it("keeps an unknown shortcode as text, with one warning naming file, line and the call", async () => {
    const body = (await readPage(output, "2021/04/09/report/index.html")).querySelector(".article-body");
    assert.match(body?.textContent ?? "", /\{\{< note >\}\}\nCareful\.\n\{\{< \/note >\}\}/);
    assert.match(run.stderr, /2021\/report\.md:15: warning: template syntax published as text: \{\{< note >\}\}, and 1 more on line 17\./);
  });

  it("leaves a call inside a code fence as written, without a warning", async () => {
    const body = (await readPage(output, "2021/04/09/report/index.html")).querySelector(".article-body");
    assert.equal(body?.querySelector("pre code.language-go")?.textContent, '{{< figure src="in-code.png" >}}\n');
    assert.doesNotMatch(run.stderr, /in-code\.png|report\.md:20/);
  });

  it("renders a Jekyll highlight block as a code block", async () => {
    const code = (await readPage(output, "2010/07/21/launch/index.html")).querySelector(".article-body pre code");
    assert.equal(code?.getAttribute("class"), "language-ruby");
    assert.equal(code?.textContent, "puts '{{ x }}'\n");
  });

  it("counts the calls and what they became in the summary", () => {
    assert.match(run.stdout, /problems: 0 error\(s\), 4 warning\(s\) \(no-site-url 1, unread-keys 1, unresolved-reference 1, template-syntax 1\)/);
    assert.match(
      run.stdout,
      /templates: 10 call\(s\) in 2 article\(s\); rendered: 1 image\(s\), 1 video link\(s\), 3 article link\(s\), 1 code block\(s\), 1 site address\(es\) dropped before a path; 3 left as text with a warning \(unmapped: note 1\)/,
    );
  });

  it("follows a renamed article from an unchanged, cached one on the next build", async () => {
    await writeFile(join(content, "2021/guide.md"), article({ title: "The guide", date: "2021-03-01", category: "News", slug: "handbook" }));
    const again = await runCli(["--content", content, "--output", output, "--base-path", "/news/", "--cache-dir", cacheDir]);
    assert.equal(again.code, 0, again.stderr);
    const report = (await readPage(output, "2021/04/09/report/index.html")).querySelector(".article-body");
    const guide = [...(report?.querySelectorAll("a") ?? [])].find((link) => link.textContent === "the guide");
    assert.equal(guide?.getAttribute("href"), "/news/2021/03/01/handbook/");
  });
});

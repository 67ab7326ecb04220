import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, it } from "node:test";
import { article, makeArchive, temporaryFolder, writeFiles } from "../support/archive.ts";
import { readPage, runCli } from "../support/cli.ts";

describe("theming without touching code", () => {
  it("takes the accent colours, a logo, a footer line and overriding templates from the settings", async () => {
    const project = await temporaryFolder();
    await writeFiles(project, {
      "logo.svg": '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40"><circle cx="20" cy="20" r="18"/></svg>',
      "my-layouts/not-found-page.njk": '{% extends "base.njk" %}{% block main %}<h1>Lost? Ask the secretariat.</h1>{% endblock %}',
      "my-layouts/sidebar.njk": '<aside class="sidebar my-sidebar">{{ site.title }}:{% for box in sidebarBoxes %} {{ box.title }}{% endfor %}</aside>',
      "site.json": JSON.stringify({
        title: "Themed",
        accentColor: "#7a1f5c",
        accentColorDark: "#f0a6d4",
        logo: { file: "logo.svg", width: 40, height: 40 },
        footerText: "Green Purchasing Network, 1 Example Street",
        layouts: "my-layouts",
      }),
    });
    const content = await makeArchive({ "a.md": article({ title: "A", date: "2021-04-09", category: "News", featured: "true" }) });
    const output = join(await temporaryFolder(), "site");
    const run = await runCli(["--content", content, "--output", output, "--config", join(project, "site.json")]);
    assert.equal(run.code, 0, run.stderr);

    const home = await readPage(output, "index.html");
    const logo = home.querySelector(".site-name img");
    assert.match(logo?.getAttribute("src") ?? "", /^\/assets\/logo\.[0-9a-f]{10}\.svg$/);
    assert.deepEqual([logo?.getAttribute("width"), logo?.getAttribute("height"), logo?.getAttribute("alt")], ["40", "40", ""]);
    assert.equal(home.querySelector(".site-footer p")?.textContent, "Green Purchasing Network, 1 Example Street");
    const stylesheet = await readFile(join(output, (home.querySelector('link[rel="stylesheet"]')?.getAttribute("href") ?? "").slice(1)), "utf8");
    assert.match(stylesheet, /--accent: #7a1f5c;/);
    assert.match(stylesheet, /--accent: #f0a6d4;/);

    // The project's own sidebar partial, given the site and the boxes, on the pages that show the site's boxes and on one with its own.
    const articlePage = await readPage(output, "2021/04/09/a/index.html");
    assert.equal(articlePage.querySelector(".my-sidebar")?.textContent, "Themed: Focus on 2021 by month");
    assert.equal((await readPage(output, "2021/04/09/index.html")).querySelector(".my-sidebar")?.textContent, "Themed: Focus on 2021 by month");
    assert.equal((await readPage(output, "archive/index.html")).querySelector(".my-sidebar")?.textContent, "Themed: Focus on");

    const notFound = await readPage(output, "404.html");
    assert.equal(notFound.querySelector("h1")?.textContent, "Lost? Ask the secretariat.");
    assert.equal(notFound.querySelector(".site-footer p")?.textContent, "Green Purchasing Network, 1 Example Street");
  });

  it("refuses a layouts folder that does not exist and a colour that is not #rrggbb", async () => {
    const content = await makeArchive({
      "a.md": article({ title: "A", date: "2021-04-09", category: "News" }),
      "news-archive.json": JSON.stringify({ layouts: "nowhere" }),
    });
    const missing = await runCli(["--content", content, "--output", join(await temporaryFolder(), "site")]);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /setting "layouts": the folder .*nowhere does not exist; create it or remove the setting/);
    const badColour = await makeArchive({ "a.md": article({ title: "A", date: "2021-04-09" }), "news-archive.json": JSON.stringify({ accentColor: "green" }) });
    const colour = await runCli(["--content", badColour, "--output", join(await temporaryFolder(), "site")]);
    assert.match(colour.stderr, /setting "accentColor": expected a colour such as "#2f6b3f"/);
  });
});

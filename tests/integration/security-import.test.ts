import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { cp, readdir, readFile, rm, stat, symlink, writeFile } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { describe, it } from "node:test";
import { PROJECT_ROOT } from "../../src/core/project.ts";
import { temporaryFolder } from "../support/archive.ts";
import { readPage, runCli, runImportCli } from "../support/cli.ts";
import { mountSmallDisk, resizeSmallDisk } from "../support/mount.ts";

/** Issue 28, cases 4, 6, 9 (entities), 10 and 11 (download size): what an imported source can do to the archive. */
const FIXTURES = join(PROJECT_ROOT, "tests/fixtures/import");
const GAZETTE = join(FIXTURES, "gazette.xml");

function feedWith(content: string, doctype = ""): string {
  return `<?xml version="1.0" encoding="UTF-8"?>${doctype}
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Other site</title><link>https://other.example/</link>
<item><title>Hostile &amp; friendly</title><link>https://other.example/news/hostile/</link><pubDate>Mon, 05 Feb 2024 15:53:10 +0000</pubDate>
<content:encoded><![CDATA[${content}]]></content:encoded></item></channel></rss>`;
}

describe("a feed's entries, from a site the archive does not control", () => {
  it("lose their scripts, event handlers and javascript: addresses at import, counted in the report, and the built page runs none", async () => {
    const root = await temporaryFolder();
    await writeFile(
      join(root, "feed.rss"),
      feedWith(
        '<p>Hello <a href="javascript:alert(1)">there</a>.</p><script>alert(2)</script><svg onload="alert(3)"><circle r="2"/></svg><img src="https://other.example/a.png" onerror="alert(4)" alt="a">',
      ),
    );
    const content = join(root, "content");
    const run = await runImportCli(["feed", join(root, "feed.rss"), "--content", content]);
    assert.equal(run.code, 0, run.stderr);
    assert.match(
      run.stdout,
      /^Removed as unsafe \(content from another site runs nothing in the archive\): event handler 2, javascript: URL 1, script 1, in 1 article\(s\)$/m,
    );
    assert.doesNotMatch(run.stdout, /kept as HTML.*script/);
    const markdown = await readFile(join(content, "2024/hostile/index.md"), "utf8");
    assert.doesNotMatch(markdown, /alert|javascript|onload|onerror|<script/);

    const output = join(root, "site");
    assert.equal((await runCli(["--content", content, "--output", output])).code, 0);
    const page = await readPage(output, "2024/02/05/hostile/index.html");
    assert.equal(page.querySelectorAll(".article-body script, .article-body [onload], .article-body [onerror]").length, 0);
    assert.equal(page.querySelector(".article-body svg circle")?.getAttribute("r"), "2", "the picture itself is kept");
  });

  it("are refused whole when the feed or export declares entities, which could read files of this machine", async () => {
    const root = await temporaryFolder();
    const doctype = '\n<!DOCTYPE rss [<!ENTITY secret SYSTEM "file:///etc/passwd">]>';
    await writeFile(join(root, "feed.rss"), feedWith("<p>&secret;</p>", doctype).replace("Hostile &amp; friendly", "&secret;"));
    const wxr = (await readFile(GAZETTE, "utf8")).replace(/^(<\?xml[^>]*>)/, `$1${doctype}`);
    await writeFile(join(root, "export.xml"), wxr);
    for (const [kind, file] of [
      ["feed", "feed.rss"],
      ["wordpress", "export.xml"],
    ] as const) {
      const run = await runImportCli([kind, join(root, file), "--content", join(root, "content")]);
      assert.equal(run.code, 1, run.stderr);
      assert.match(
        run.stderr,
        new RegExp(
          `^error: .*${file.replace(".", "\\.")}: is refused: line 2: declares an entity \\(<!ENTITY \\.\\.\\.>\\), which could read a file of this machine`,
          "m",
        ),
      );
    }
    assert.equal(existsSync(join(root, "content")), false);
  });

  it("are downloaded up to 50 MB: an endless answer is stopped with a clear error", async () => {
    let sent = 0;
    const server = createServer((_request, response) => {
      response.writeHead(200, { "content-type": "application/rss+xml" });
      const chunk = Buffer.alloc(1_000_000, "<!-- padding -->");
      // Endless as far as the importer knows; it stops by itself after 200 MB.
      const pour = (): void => {
        while (sent < 200_000_000 && !response.destroyed) {
          sent += chunk.length;
          if (!response.write(chunk)) return void response.once("drain", pour);
        }
        response.end();
      };
      pour();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const run = await runImportCli(["feed", `http://127.0.0.1:${port}/feed.rss`, "--content", join(await temporaryFolder(), "content")]);
      assert.equal(run.code, 1);
      assert.match(run.stderr, /feed\.rss: answered with more than 50 MB, more than any feed holds; if it is a feed, download it and import the file/);
      assert.ok(sent < 200_000_000, `the download stopped early (${sent} bytes sent)`);
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});

describe("a WordPress uploads copy", () => {
  it("has its symbolic links to files outside it refused with a warning naming them, never copied into the archive", async () => {
    const root = await temporaryFolder();
    const uploads = join(root, "uploads");
    await cp(join(FIXTURES, "uploads"), uploads, { recursive: true });
    await rm(join(uploads, "2024/03/boat.png"));
    await symlink("/etc/passwd", join(uploads, "2024/03/boat.png"));
    const content = join(root, "content");
    const run = await runImportCli(["wordpress", GAZETTE, "--content", content, "--uploads", uploads]);
    assert.equal(run.code, 0, run.stderr);
    assert.match(
      run.stdout,
      /uploads\/2024\/03\/boat\.png: warning: is a symbolic link to \/etc\/passwd, outside the uploads folder; it was not copied, and the articles link its old address/,
    );
    const copied = (await readdir(content, { recursive: true })).filter((name) => name.endsWith(".png"));
    assert.ok(
      copied.some((name) => name.endsWith("harbour.png")),
      "the other uploads are copied",
    );
    assert.deepEqual(
      copied.filter((name) => name.endsWith("boat.png")),
      [],
    );
    for (const name of (await readdir(content, { recursive: true })).filter((file) => file.endsWith(".md"))) {
      assert.doesNotMatch(await readFile(join(content, name), "utf8"), /root:x:0:0/);
    }
  });
});

describe("an import onto a full disk", () => {
  it("leaves no file cut short or empty, and a second run with room writes what was missing, keeping nothing it should replace", async (t) => {
    const reference = join(await temporaryFolder(), "content");
    assert.equal((await runImportCli(["wordpress", GAZETTE, "--content", reference])).code, 0);
    const disk = join(await temporaryFolder(), "disk");
    if (!(await mountSmallDisk(disk, "16k"))) return t.skip("needs root to mount a small disk");
    const first = await runImportCli(["wordpress", GAZETTE, "--content", disk]);
    assert.equal(first.code, 1);
    assert.match(first.stdout, /error: .*could not be written \(ENOSPC\)/);
    const written = (await readdir(disk, { recursive: true })).filter((name) => name.endsWith(".md") || name.endsWith(".json") || name.includes(".partial"));
    assert.ok(written.length > 0 && written.length < 10, `some files fitted: ${written.join(", ")}`);
    for (const name of written) {
      assert.ok((await stat(join(disk, name))).size > 0, `${name} is not empty`);
      assert.equal(await readFile(join(disk, name), "utf8"), await readFile(join(reference, name), "utf8"), `${name} is whole`);
    }
    await resizeSmallDisk(disk, "4m");
    const second = await runImportCli(["wordpress", GAZETTE, "--content", disk]);
    assert.equal(second.code, 0, second.stdout);
    assert.match(second.stdout, /^Articles: 9: \d+ new, 0 replaced, \d+ unchanged, 0 kept as they were$/m);
  });
});

import assert from "node:assert/strict";
import { join } from "node:path";
import { describe, it } from "node:test";
import { createMarkdownRenderer } from "../../src/content/markdown.ts";
import type { UserShortcodes } from "../../src/content/user-shortcodes.ts";
import { loadShortcodes } from "../../src/pipeline/shortcodes-file.ts";
import { temporaryFolder, writeFiles } from "../support/archive.ts";

const shortcodes: UserShortcodes = {
  identity: "test",
  map: {
    "site.repository": "https://github.com/jekyll/jekyll",
    note: ({ content }) => `<aside class="note">\n\n${content ?? ""}\n\n</aside>`,
    code: ({ args, file }) => `\`\`\`go\n// ${args[0] ?? ""} beside ${file}\n\`\`\``,
    broken: () => {
      throw new Error("no such file");
    },
  },
};
const render = createMarkdownRenderer({ sanitize: false, highlightCode: false, shortcodes });

describe("the archive's own shortcodes", () => {
  it("replace a Liquid output, a paired Hugo shortcode with its content, and a Go action given the article's file", () => {
    const body = render(
      'See [the repository]({{ site.repository }}/issues).\n\n{{< note >}}\nMind the **gap**.\n{{< /note >}}\n\n{{code "x.go"}}\n',
      1,
      "T",
      "/archive/post.md",
    );
    assert.equal(
      body.html,
      '<p>See <a href="https://github.com/jekyll/jekyll/issues">the repository</a>.</p>\n<aside class="note">\n<p>Mind the <strong>gap</strong>.</p>\n</aside>\n<pre tabindex="0" role="region" aria-label="Code 1"><code class="language-go">// x.go beside /archive/post.md\n</code></pre>\n',
    );
    assert.deepEqual(
      body.templates.map((use) => [use.name, use.outcome]),
      [
        ["site.repository", "mapped"],
        ["note", "mapped"],
        ["code", "mapped"],
      ],
    );
  });

  it("leave a call whose function fails as text, saying why; calls they do not name keep their usual fate", () => {
    const body = render("{{< broken >}} and {{< unknown >}} and {{< youtube SFtHRmPuhEw >}}\n");
    assert.deepEqual(
      body.templates.map((use) => [use.name, use.outcome, use.problem]),
      [
        ["broken", "text", "its function failed: no such file"],
        ["unknown", "text", undefined],
        ["youtube", "video-link", undefined],
      ],
    );
  });
});

describe("the shortcodes file", () => {
  it("is found beside the settings, and loaded as a module whose default export maps names", async () => {
    const folder = await writeFiles(await temporaryFolder(), {
      "shortcodes.mjs": 'export default { "site.url": "https://example.org", note: ({ content }) => `<aside>${content}</aside>` };\n',
    });
    const loaded = await loadShortcodes(undefined, folder, "settings.json");
    assert.ok("shortcodes" in loaded && loaded.shortcodes !== undefined);
    assert.equal(loaded.shortcodes.map["site.url"], "https://example.org");
    assert.equal(typeof loaded.shortcodes.map["note"], "function");
    assert.deepEqual(await loadShortcodes(undefined, await temporaryFolder(), "settings.json"), {});
  });

  it("that is missing, not a module or maps a name to something else is an error naming it", async () => {
    const folder = await writeFiles(await temporaryFolder(), { "bad.mjs": "export default { note: 3 };\n", "syntax.mjs": "export default {\n" });
    assert.deepEqual(await loadShortcodes("none.mjs", folder, "settings.json"), {
      error: `settings.json: setting "shortcodes": the file ${join(folder, "none.mjs")} does not exist; create it or remove the setting`,
    });
    assert.deepEqual(await loadShortcodes("bad.mjs", folder, "settings.json"), {
      error: `${join(folder, "bad.mjs")}: "note" must be text or a function, not number`,
    });
    const syntax = await loadShortcodes("syntax.mjs", folder, "settings.json");
    assert.ok("error" in syntax);
    assert.match(syntax.error, /syntax\.mjs: the shortcodes file cannot be loaded \(.+\); it must be a JavaScript module/);
  });
});

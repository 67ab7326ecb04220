import assert from "node:assert/strict";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, it } from "node:test";
import { parseSettings } from "../../src/core/settings.ts";
import { readSettingsFile } from "../../src/core/settings-file.ts";
import { temporaryFolder } from "../support/archive.ts";

function errorsOf(raw: unknown): readonly string[] {
  const result = parseSettings(raw, "site.json");
  assert.equal(result.ok, false, "expected the settings to be refused");
  return result.ok ? [] : result.errors;
}

describe("settings", () => {
  it("fills every setting with its default when the file is empty", () => {
    const result = parseSettings({}, "site.json");
    assert.ok(result.ok);
    assert.equal(result.settings.timeZone, "UTC");
    assert.equal(result.settings.language, "en");
    assert.equal(result.settings.locale, "en-US");
    assert.equal(result.settings.basePath, "/");
    assert.equal(result.settings.siteUrl, undefined);
    assert.equal(result.settings.defaultCategory, "Uncategorized");
    assert.equal(result.settings.defaultCategoryChosen, false);
    assert.deepEqual(result.settings.extensions, []);
    assert.equal(result.settings.itemsPerPage, 20);
    assert.deepEqual(result.settings.offline, { serviceWorker: true, wholeArchiveMB: 2 });
  });

  it("records whether the settings name the default category", () => {
    const result = parseSettings({ defaultCategory: " Blog " }, "site.json");
    assert.ok(result.ok);
    assert.equal(result.settings.defaultCategory, "Blog");
    assert.equal(result.settings.defaultCategoryChosen, true);
  });

  it("lets the service worker be turned off and the offline search budget be set, each alone", () => {
    const result = parseSettings({ offline: { wholeArchiveMB: 5 } }, "site.json");
    assert.ok(result.ok);
    assert.deepEqual(result.settings.offline, { serviceWorker: true, wholeArchiveMB: 5 });
    assert.deepEqual(errorsOf({ offline: { serviceWorker: "no" } }), ['site.json: setting "offline.serviceWorker": expected a boolean']);
    assert.deepEqual(errorsOf({ offline: { budget: 5 } }), ['site.json: setting "offline": unknown key "budget"; the keys are serviceWorker, wholeArchiveMB']);
    assert.deepEqual(errorsOf({ offline: { serviceWorkr: false } }), [
      'site.json: setting "offline": unknown key "serviceWorkr"; did you mean "serviceWorker"?',
    ]);
  });

  it("names the site title as the feeds' author unless an author is set", () => {
    const titled = parseSettings({ title: "Green Purchasing News" }, "site.json");
    assert.ok(titled.ok);
    assert.equal(titled.settings.author, "Green Purchasing News");
    const authored = parseSettings({ title: "Green Purchasing News", author: " The Network's press office " }, "site.json");
    assert.ok(authored.ok);
    assert.equal(authored.settings.author, "The Network's press office");
    assert.deepEqual(errorsOf({ author: " " }), ['site.json: setting "author": the author cannot be empty; leave the setting out to name the site title']);
    assert.deepEqual(errorsOf({ author: ["Ann"] }), ['site.json: setting "author": expected a string']);
  });

  it("normalises the base path to start and end with a slash", () => {
    const result = parseSettings({ basePath: "news" }, "site.json");
    assert.ok(result.ok);
    assert.equal(result.settings.basePath, "/news/");
  });

  it("takes the base path from the site URL when none is given", () => {
    const result = parseSettings({ siteUrl: "https://example.org/news" }, "site.json");
    assert.ok(result.ok);
    assert.equal(result.settings.siteUrl, "https://example.org/news/");
    assert.equal(result.settings.basePath, "/news/");
  });

  it("refuses a site URL and base path that disagree", () => {
    assert.match(errorsOf({ siteUrl: "https://example.org/news/", basePath: "/blog/" })[0] ?? "", /make them agree/);
  });

  it("gives each configured category a slug from its name unless one is set", () => {
    const result = parseSettings({ categories: [{ name: "Événements" }, { name: "Reports", slug: "publications" }] }, "site.json");
    assert.ok(result.ok);
    assert.deepEqual(result.settings.categories, [
      { name: "Événements", slug: "evenements" },
      { name: "Reports", slug: "publications" },
    ]);
  });

  it("names an unknown setting with the one it most likely meant, or lists the known ones", () => {
    assert.deepEqual(errorsOf({ titel: "News" }), ['site.json: unknown setting "titel"; did you mean "title"?']);
    assert.deepEqual(errorsOf({ categories: [{ nmae: "News" }] }), [
      'site.json: setting "categories[0].name": expected a string',
      'site.json: setting "categories[0]": unknown key "nmae"; did you mean "name"?',
    ]);
    assert.deepEqual(errorsOf({ authors: { ana: { nmae: "Ana" } } }), ['site.json: setting "authors.ana": unknown key "nmae"; did you mean "name"?']);
    const [message] = errorsOf({ colour: "red" });
    assert.match(message ?? "", /^site\.json: unknown setting "colour"; known settings are title, /);
  });

  it("names the line and column of each setting it refuses, in JSON with comments", () => {
    const text = '{\n  // the name\n  "titel": "News",\n  "offline": { "budget": 5 },\n  "categories": [{ "name": "A" }, { "name": 3 }]\n}\n';
    const result = parseSettings({ titel: "News", offline: { budget: 5 }, categories: [{ name: "A" }, { name: 3 }] }, "site.jsonc", text);
    assert.ok(!result.ok);
    assert.deepEqual(
      new Set(result.errors),
      new Set([
        'site.jsonc:3:3: unknown setting "titel"; did you mean "title"?',
        'site.jsonc:4:16: setting "offline": unknown key "budget"; the keys are serviceWorker, wholeArchiveMB',
        'site.jsonc:5:37: setting "categories[1].name": expected a string',
      ]),
    );
  });

  it("names a setting of the wrong type with what it expects", () => {
    assert.deepEqual(errorsOf({ itemsPerPage: "20" }), ['site.json: setting "itemsPerPage": expected a number']);
    assert.deepEqual(errorsOf({ categories: "News" }), ['site.json: setting "categories": expected a list']);
    assert.deepEqual(errorsOf({ categories: [{ name: 3 }] }), ['site.json: setting "categories[0].name": expected a string']);
  });

  it("refuses an unknown time zone, a bad language tag, a relative site URL and a base path with '..'", () => {
    assert.match(errorsOf({ timeZone: "Mars/Olympus" })[0] ?? "", /"timeZone": expected an IANA time zone/);
    assert.match(errorsOf({ language: "English" })[0] ?? "", /"language": expected a language tag/);
    assert.match(errorsOf({ siteUrl: "example.org" })[0] ?? "", /"siteUrl": expected an absolute http\(s\) URL/);
    assert.match(errorsOf({ basePath: "/a/../b/" })[0] ?? "", /"basePath": expected a path/);
  });

  it("refuses two categories with one slug", () => {
    assert.match(errorsOf({ categories: [{ name: "News" }, { name: "news" }] })[0] ?? "", /share the slug "news"/);
  });

  it("reports every problem of a settings file at once", () => {
    assert.equal(errorsOf({ itemsPerPage: 0, timeZone: "Nowhere", extra: true }).length, 3);
  });
});

describe("the settings of an archive moved from another tool", () => {
  it("reads old permalinks with the values as written, a tool's meaning, or the old host of a full URL", () => {
    const parsed = parseSettings(
      { oldPermalinks: ["/blog/:filename", { pattern: "/:year/:title.html", style: "jekyll" }, "https://blog.golang.org/:filename"] },
      "site.json",
    );
    assert.ok(parsed.ok, parsed.ok ? "" : parsed.errors.join("\n"));
    assert.deepEqual(
      parsed.settings.oldPermalinks.map((entry) => [entry.pattern.text, entry.style, entry.host]),
      [
        ["/blog/:filename", "as-written", undefined],
        ["/:year/:title.html", "jekyll", undefined],
        ["/:filename", "as-written", "blog.golang.org"],
      ],
    );
  });

  it("refuses an old permalink with an unknown token or none that tells articles apart", () => {
    assert.match(errorsOf({ oldPermalinks: ["/blog/:name"] })[0] ?? "", /setting "oldPermalinks\[0\]": unknown token ":name"/);
    assert.match(
      errorsOf({ oldPermalinks: ["/blog/:year/"] })[0] ?? "",
      /setting "oldPermalinks\[0\]": the permalink "\/blog\/:year\/" has no part that tells two articles of one day apart/,
    );
  });

  it("reads a category's parent by its name or slug, and refuses a parent that is not listed or a circle", () => {
    const parsed = parseSettings({ categories: [{ name: "Local" }, { name: "Harbour", parent: "local" }, { name: "Boats", parent: "Harbour" }] }, "site.json");
    assert.ok(parsed.ok);
    assert.deepEqual(
      parsed.settings.categories.map((category) => [category.slug, category.parent]),
      [
        ["local", undefined],
        ["harbour", "local"],
        ["boats", "harbour"],
      ],
    );
    assert.match(
      errorsOf({ categories: [{ name: "Harbour", parent: "Sea" }] })[0] ?? "",
      /categories\[0\] "Harbour" names the parent "Sea", which is not in "categories"/,
    );
    assert.match(
      errorsOf({
        categories: [
          { name: "A", parent: "B" },
          { name: "B", parent: "A" },
        ],
      })[0] ?? "",
      /the category "A" is its own parent, through "parent"/,
    );
  });

  it("takes the menu, the redirects, the static folder, the shortcodes file and authors' aliases", () => {
    const parsed = parseSettings(
      {
        menu: [{ title: "About", url: "/about/" }],
        redirects: { "/feed/": "/feed.xml" },
        static: ".",
        shortcodes: "codes.mjs",
        authors: { "Isaac Z. Schlueter": { aliases: ["isaacs"] } },
      },
      "site.json",
    );
    assert.ok(parsed.ok, parsed.ok ? "" : parsed.errors.join("\n"));
    assert.deepEqual(
      [
        parsed.settings.menu,
        parsed.settings.redirects,
        parsed.settings.static,
        parsed.settings.shortcodes,
        parsed.settings.authors["Isaac Z. Schlueter"]?.aliases,
      ],
      [[{ title: "About", url: "/about/" }], { "/feed/": "/feed.xml" }, ".", "codes.mjs", ["isaacs"]],
    );
  });
});

describe("a settings file that is not valid JSON", () => {
  it("is refused with the line and column of each mistake, comments and trailing commas allowed", async () => {
    const file = join(await temporaryFolder(), "news-archive.jsonc");
    await writeFile(file, '{\n  // comments are allowed\n  "title": "News",\n  "description": ,\n  "language": "en",\n}\n');
    assert.deepEqual(await readSettingsFile(file), { ok: false, errors: [`${file}:4:18: the settings file is not valid JSON: expected a value`] });
    await writeFile(file, '{\n  "title": "News"\n  "language": "en"\n}\n');
    assert.deepEqual(await readSettingsFile(file), {
      ok: false,
      errors: [`${file}:3:3: the settings file is not valid JSON: expected "," between two entries`],
    });
    await writeFile(file, '\uFEFF{ "title": "News", }');
    assert.deepEqual(await readSettingsFile(file), { ok: true, raw: { title: "News" }, text: '\uFEFF{ "title": "News", }' });
  });
});

import assert from "node:assert/strict";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, it } from "node:test";
import { archivePackageJson, articleFilePath, newArticleText, settingsFileText, slugOfTitle, withArchiveEntries } from "../../src/cli/scaffold.ts";
import { readArticleSource } from "../../src/content/front-matter.ts";
import { readArticleFields } from "../../src/content/article.ts";
import { PROJECT_ROOT } from "../../src/core/project.ts";
import { parseSettings, settingsJsonSchema, settingsSchema } from "../../src/core/settings.ts";
import { readSettingsFile } from "../../src/core/settings-file.ts";
import { temporaryFolder } from "../support/archive.ts";

const SETTING_NAMES = Object.keys(settingsSchema.shape).filter((key) => key !== "$schema");

/** Reads settings text as the build reads a settings file. */
async function readSettingsText(text: string): Promise<unknown> {
  const file = join(await temporaryFolder(), "news-archive.jsonc");
  await writeFile(file, text);
  const read = await readSettingsFile(file);
  assert.ok(read.ok, read.ok ? "" : read.errors.join("\n"));
  return read.raw;
}

describe("a new article's file", () => {
  it("is named by its date and the title's slug, in its year's folder", () => {
    assert.equal(articleFilePath({ year: 2021, month: 4, day: 9 }, "annual-report"), "2021/2021-04-09-annual-report.md");
    assert.equal(slugOfTitle("Café Contracts: what's new?"), "cafe-contracts-whats-new");
    assert.equal(slugOfTitle("!!! ???"), undefined);
  });

  it("has front matter that the loader reads back as written, quotes and colons in the title included", () => {
    const text = newArticleText({ title: 'Budget: "phase 2" starts', day: { year: 2021, month: 4, day: 9 }, category: "Events", draft: true });
    const source = readArticleSource(new TextEncoder().encode(text), "2021/2021-04-09-budget-phase-2-starts.md");
    assert.ok(source.ok);
    const { fields, draft } = readArticleFields({ file: "2021/2021-04-09-budget-phase-2-starts.md", assets: [] }, source.source, "UTC");
    assert.ok(fields);
    assert.equal(fields.title, 'Budget: "phase 2" starts');
    assert.equal(fields.date.iso, "2021-04-09");
    assert.equal(fields.categoryName, "Events");
    assert.equal(draft, true);
    assert.deepEqual(fields.tags, []);
    assert.equal(fields.summary, undefined);
  });

  it("names no category and no draft flag unless asked", () => {
    const text = newArticleText({ title: "Hello", day: { year: 2021, month: 4, day: 9 }, draft: false });
    assert.doesNotMatch(text, /category|draft/);
  });
});

describe("the settings file init writes", () => {
  it("holds every setting, each after a comment line saying what it does", () => {
    const lines = settingsFileText("../schema.json").split("\n");
    for (const name of SETTING_NAMES) {
      const at = lines.findIndex((line) => line.startsWith(`  "${name}":`) || line.startsWith(`  // "${name}":`));
      assert.ok(at > 0, `${name} is missing`);
      assert.match(lines[at - 1] ?? "", /^ {2}\/\/ [^"\s]/, `${name} has no comment before it`);
    }
  });

  it("reads as the defaults, and names its JSON Schema", async () => {
    const raw = await readSettingsText(settingsFileText("../node_modules/news-archive/dist/settings.schema.json"));
    assert.equal((raw as Record<string, unknown>)["$schema"], "../node_modules/news-archive/dist/settings.schema.json");
    assert.deepEqual(parseSettings(raw, "file"), parseSettings({}, "defaults"));
  });

  it("gives examples, commented out, that are valid settings once uncommented", async () => {
    const uncommented = settingsFileText("../schema.json").replace(/^ {2}\/\/ ("[A-Za-z]+":)/gm, "  $1");
    const raw = await readSettingsText(uncommented);
    const parsed = parseSettings(raw, "file");
    assert.ok(parsed.ok, parsed.ok ? "" : parsed.errors.join("\n"));
    assert.equal(parsed.settings.siteUrl, "https://example.org/news/");
  });
});

describe("the settings' JSON Schema", () => {
  it("describes every setting for editors and refuses unknown ones, allowing $schema", () => {
    const schema = settingsJsonSchema() as { properties: Record<string, { description?: string }>; additionalProperties: boolean };
    assert.deepEqual(Object.keys(schema.properties).sort(), ["$schema", ...SETTING_NAMES].sort());
    for (const name of SETTING_NAMES) assert.ok(schema.properties[name]?.description, `${name} has no description`);
    assert.equal(schema.additionalProperties, false);
  });
});

describe("the package.json init writes", () => {
  it("has start and build scripts calling the command, and depends on the package as it was installed", async () => {
    const own = JSON.parse(await readFile(join(PROJECT_ROOT, "package.json"), "utf8")) as { name: string; version: string };
    const manifest = JSON.parse(archivePackageJson("My News!", own, "file:../news-archive-0.1.0.tgz")) as {
      name: string;
      scripts: Record<string, string>;
      dependencies: Record<string, string>;
    };
    assert.equal(manifest.name, "my-news");
    assert.equal(manifest.scripts["start"], `${own.name} serve`);
    assert.equal(manifest.scripts["build"], `${own.name} build`);
    assert.deepEqual(manifest.dependencies, { [own.name]: "file:../news-archive-0.1.0.tgz" });
  });

  it("adds to a package.json already there only the scripts and the dependency it lacks, changing nothing it has", () => {
    const before = {
      name: "site",
      version: "1.0.0",
      scripts: { test: "echo none", build: "make" },
      dependencies: { "news-archive": "file:../na.tgz", yaml: "^2.0.0" },
    };
    const updated = withArchiveEntries(JSON.stringify(before), { name: "news-archive" }, "^0.1.0");
    assert.ok(updated);
    assert.deepEqual(updated.added, ['script "start"', 'script "preview"', 'script "check"']);
    assert.deepEqual(JSON.parse(updated.text), {
      ...before,
      scripts: { ...before.scripts, start: "news-archive serve", preview: "news-archive preview", check: "news-archive check" },
    });
    const bare = withArchiveEntries('{"name": "site"}', { name: "news-archive" }, "^0.1.0");
    assert.deepEqual(bare?.added, ['script "start"', 'script "build"', 'script "preview"', 'script "check"', 'dependency "news-archive"']);
    const complete = withArchiveEntries(updated.text, { name: "news-archive" }, "^0.1.0");
    assert.deepEqual(complete, { text: updated.text, added: [] });
    assert.equal(withArchiveEntries("[1, 2]", { name: "news-archive" }, "^0.1.0"), undefined);
    assert.equal(withArchiveEntries("{ name: site }", { name: "news-archive" }, "^0.1.0"), undefined);
  });
});

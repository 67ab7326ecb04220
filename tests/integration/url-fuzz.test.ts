import assert from "node:assert/strict";
import { readdir, readFile, realpath } from "node:fs/promises";
import { isAbsolute, join, relative, resolve, sep } from "node:path";
import { describe, it } from "node:test";
import { THEME_FILES } from "../../src/core/assets.ts";
import { parseSettings, type Settings } from "../../src/core/settings.ts";
import { urlContextOf } from "../../src/core/urls.ts";
import { loadArchive } from "../../src/content/load-archive.ts";
import { createMarkdownRenderer } from "../../src/content/markdown.ts";
import { buildArchiveModel } from "../../src/model/archive-model.ts";
import { buildSiteViews } from "../../src/model/pages.ts";
import { bundleAssetCopies } from "../../src/model/views/article-pages.ts";
import { buildRedirectFiles } from "../../src/publish/redirects.ts";
import { findPathConflicts, siteClaims } from "../../src/publish/written-paths.ts";
import { makeArchive, temporaryFolder } from "../support/archive.ts";
import { runCli } from "../support/cli.ts";

/**
 * Issue 28: every input that makes a URL (permalink patterns and their
 * tokens, path, url, permalink, redirect_from, aliases, slugs, file and
 * bundle names, basePath), made of the pieces attacks are made of, in
 * random but seeded combinations. Whatever is accepted, every path the
 * build writes stays inside the output folder, no two writes clash, and
 * every line of _redirects is a literal rule.
 */
const SEED = 2801;
const ARCHIVES = 60;

/** mulberry32: a small seeded generator, so every run tries the same inputs. */
function generator(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PIECES = [
  "..",
  "../",
  "/",
  "//",
  "\\",
  ".",
  "%2e%2e",
  "%2f",
  "%2F",
  "%5c",
  "%00",
  "%2A",
  "*",
  ":splat",
  ":",
  ":year",
  ":slug",
  ":title",
  ":section",
  "?p=",
  "?p=:id",
  "#x",
  " ",
  "\t",
  "\n",
  "é",
  "ü",
  "漢",
  "index.html",
  "index",
  ".html",
  ".htm",
  "~",
  "!",
  "&",
  "'",
  '"',
  "<",
  ">",
  "{{",
  "%",
  "%%",
  "http://evil.example/",
  "//evil.example",
  "javascript:",
  "assets",
  "search-index",
  "2021",
  "01",
  "_redirects",
  "sw.js",
  "feed.xml",
  "404.html",
  "category",
  "page",
  "a",
  "b-c",
  "Report",
];
const FILE_PIECES = ["index.html", "_redirects", "sw.js", "404.html", "a", "b", ":x", "*", "%2e%2e", "..x", "feed.xml", "é", " ", "!", "chart.svg", "x.css"];

type Random = () => number;
const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
const text = (random: Random, pieces: readonly string[], most: number): string =>
  Array.from({ length: 1 + Math.floor(random() * most) }, () => pick(random, pieces)).join("");
const yamlString = (value: string): string => JSON.stringify(value);

/** One archive: a few articles, each with a random own path, slug and old addresses, one a page bundle with randomly named files. */
function randomArchive(random: Random): { readonly files: Record<string, string>; readonly settings: Record<string, unknown> } {
  const files: Record<string, string> = {};
  for (let index = 0; index < 5; index += 1) {
    const fields = [`title: ${yamlString(text(random, PIECES, 3))}`, `date: 2021-01-0${1 + index}`, "category: News"];
    if (random() < 0.5) fields.push(`slug: ${yamlString(text(random, PIECES, 3))}`);
    if (random() < 0.4) fields.push(`${pick(random, ["path", "url", "permalink"])}: ${yamlString(text(random, PIECES, 5))}`);
    if (random() < 0.6)
      fields.push(
        `${pick(random, ["aliases", "redirect_from"])}: [${Array.from({ length: 1 + Math.floor(random() * 3) }, () => yamlString(text(random, PIECES, 5))).join(", ")}]`,
      );
    const name = text(random, FILE_PIECES, 2).replace(/[/\\]/g, "-");
    const body = `---\n${fields.join("\n")}\n---\n\n![x](${pick(random, FILE_PIECES)})\n`;
    if (index === 0) {
      files[`bundle-${index}/index.md`] = body;
      // Folders of their own ("sub-1/..."), so that no file name is also taken by a folder.
      for (let asset = 0; asset < 4; asset += 1)
        files[`bundle-${index}/${random() < 0.3 ? `sub-${asset}${text(random, FILE_PIECES, 2)}/` : ""}${text(random, FILE_PIECES, 2)}`] = "x";
    } else {
      files[`${name}-${index}.md`] = body;
    }
  }
  const permalink = `/${text(random, ["", ":year/", ":month/", ":day/", ":section/", ":category/", "blog/", "%2e%2e/", "../", "*/", "é/"], 4)}${pick(random, [":slug", ":title", ":filename"])}${pick(random, ["/", ".html", "", ":slug/"])}`;
  return {
    files,
    settings: {
      permalink,
      ...(random() < 0.5 ? { permalinkStyle: pick(random, ["jekyll", "hugo"]) } : {}),
      ...(random() < 0.5 ? { basePath: text(random, ["/", "news", "..", ":x", "*", " ", "\n", '"', "é", "%20", "a.b"], 3) } : {}),
    },
  };
}

/** A path the build writes, relative to the output folder, stays inside it. */
function assertInside(path: string, what: string): void {
  const output = resolve("/output");
  const target = resolve(output, path);
  assert.ok(
    !isAbsolute(path) && !path.includes("\0") && !path.includes("\\") && target.startsWith(`${output}${sep}`),
    `${what}: ${JSON.stringify(path)} leaves the output`,
  );
  assert.ok(!path.split("/").includes(".."), `${what}: ${JSON.stringify(path)} has a ".." part`);
}

/** Old path, optional literal query parameters, new path, 301: no wildcard, no placeholder, no white space inside a field. */
const LITERAL_PATH = /^\/(?:[^\s*:/][^\s*/]*\/?|\/)*$/;
function assertLiteralRule(line: string): void {
  const fields = line.split(" ");
  assert.ok(fields.length >= 3 && fields.at(-1) === "301", `_redirects line ${JSON.stringify(line)} is "from [params] to 301"`);
  const [from = "", ...rest] = fields;
  const to = rest.at(-2) ?? "";
  for (const path of [from, to]) assert.match(path, LITERAL_PATH, `_redirects line ${JSON.stringify(line)}`);
  for (const parameter of rest.slice(0, -2)) assert.match(parameter, /^[^\s=*]+=(?![:])[^\s*]*$/, `_redirects line ${JSON.stringify(line)}`);
}

async function settingsOf(raw: Record<string, unknown>): Promise<Settings | undefined> {
  const parsed = parseSettings(raw, "settings");
  if (parsed.ok) return parsed.settings;
  // Refused settings never reach a build; a base path with a line break, a quote or a pattern must be among them.
  if (typeof raw["basePath"] === "string")
    assert.ok(
      !/^(?:\/[\p{L}\p{N}._~%-]*)*\/?$/u.test(raw["basePath"]) || raw["basePath"].split("/").some((part) => part === ".." || part === "."),
      parsed.errors.join("; "),
    );
  return undefined;
}

describe("every input that makes a URL, tried as an attacker would (seeded)", () => {
  it(`keeps every written path inside the output and every _redirects rule literal, over ${ARCHIVES} random archives`, async () => {
    const random = generator(SEED);
    let placed = 0;
    let redirectLines = 0;
    for (let archive = 0; archive < ARCHIVES; archive += 1) {
      const { files, settings: raw } = randomArchive(random);
      const settings = await settingsOf(raw);
      if (settings === undefined) continue;
      const contentDir = await makeArchive(files);
      const loaded = await loadArchive({
        contentDir,
        settings,
        includeDrafts: false,
        knownFiles: [],
        excludedDirs: [],
        renderMarkdown: createMarkdownRenderer(),
      });
      placed += loaded.articles.length;
      const views = buildSiteViews(
        loaded.articles,
        buildArchiveModel(loaded.articles, loaded.categories),
        settings,
        { year: 2026, month: 1, day: 1 },
        THEME_FILES,
      );
      const publishedFiles = buildRedirectFiles(loaded, urlContextOf(settings));
      const bundleAssets = bundleAssetCopies(loaded.articles);
      const claims = siteClaims({
        sources: loaded.articles,
        views,
        theme: { paths: THEME_FILES, files: [] },
        publishedFiles,
        bundleAssets,
        staticFiles: [],
        portable: false,
      });
      for (const claim of claims) assertInside(claim.path, claim.by);
      assert.deepEqual(
        findPathConflicts(claims).filter((conflict) => conflict.claim.leftOut?.kind !== "bundle-file"),
        [],
        "no two of the site's own writes clash",
      );
      const rules = publishedFiles.find((file) => file.path === "_redirects");
      for (const line of typeof rules?.content === "string" ? rules.content.trimEnd().split("\n") : []) {
        assertLiteralRule(line);
        redirectLines += 1;
      }
    }
    assert.ok(placed > 50 && redirectLines > 20, `enough was accepted to test: ${placed} articles, ${redirectLines} rules`);
  });

  it("writes nothing outside the output in a real build of such an archive", async () => {
    const random = generator(SEED + 1);
    const merged: Record<string, string> = {};
    for (let archive = 0; archive < 4; archive += 1)
      for (const [file, content] of Object.entries(randomArchive(random).files)) merged[`a${archive}/${file}`] = content;
    const contentDir = await makeArchive(merged);
    const root = await temporaryFolder();
    const output = join(root, "site");
    const run = await runCli(["--content", contentDir, "--output", output, "--keep-going", "--no-cache"]);
    assert.ok(run.code === 0 || run.code === 1, run.stderr);
    assert.deepEqual((await readdir(root)).sort(), run.code === 0 ? ["site"] : []);
    if (run.code !== 0) return;
    const real = await realpath(output);
    for (const file of await readdir(output, { recursive: true })) {
      const fromOutput = relative(real, await realpath(join(output, file)));
      assert.ok(fromOutput !== ".." && !fromOutput.startsWith(`..${sep}`) && !isAbsolute(fromOutput), file);
    }
    const rules = await readFile(join(output, "_redirects"), "utf8").catch(() => "");
    for (const line of rules
      .trimEnd()
      .split("\n")
      .filter((rule) => rule !== ""))
      assertLiteralRule(line);
  });
});

import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { before, describe, it } from "node:test";
import { PROJECT_ROOT } from "../../src/core/project.ts";
import { temporaryFolder } from "../support/archive.ts";
import { readPage, runProgram, type CliRun } from "../support/cli.ts";

/** Packing compiles the package, and installing fetches its dependencies: minutes on a busy machine. */
const TIMEOUT_MS = 15 * 60_000;

/**
 * Runs a program as a person at a shell would. npm's own variables are left
 * out: under `npm test` they describe this repository, not the project the
 * command runs in.
 */
function run(command: string, args: readonly string[], cwd: string): Promise<CliRun> {
  return runProgram(command, args, { cwd, env: Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^npm_/i.test(name))) });
}

/** `npx news-archive ARGS`; --no: never fetch a package of that name from the registry, only run the installed one. */
const npx = (args: readonly string[], cwd: string): Promise<CliRun> => run("npx", ["--no", "--", "news-archive", ...args], cwd);

describe("the package made by npm pack, installed into an empty project", { timeout: TIMEOUT_MS }, () => {
  let tarballFiles: string[];
  let project: string;
  let archive: string;
  const runs = new Map<string, CliRun>();

  before(async () => {
    const packed = await temporaryFolder();
    const pack = await run("npm", ["pack", "--pack-destination", packed], PROJECT_ROOT);
    assert.equal(pack.code, 0, pack.stderr);
    const [tarball] = (await readdir(packed)).filter((file) => file.endsWith(".tgz"));
    assert.ok(tarball, "npm pack wrote no tarball");
    const listing = await run("tar", ["-tzf", join(packed, tarball)], packed);
    tarballFiles = listing.stdout.split("\n").filter(Boolean).map((file) => file.replace(/^package\//, ""));

    project = await temporaryFolder();
    await writeFile(join(project, "package.json"), `${JSON.stringify({ name: "empty-project", private: true })}\n`);
    const install = await run("npm", ["install", "--no-audit", "--no-fund", join(packed, tarball)], project);
    assert.equal(install.code, 0, install.stderr);

    archive = join(project, "my-news");
    runs.set("help", await npx(["--help"], project));
    runs.set("init", await npx(["init", "my-news"], project));
    runs.set("new", await npx(["new", "Hello from the package", "--category", "News", "--date", "2021-04-09"], archive));
    runs.set("build", await npx(["build"], archive));
    runs.set("check", await npx(["check"], archive));
  });

  it("holds compiled JavaScript with type declarations, the theme and init's templates, and no TypeScript source", () => {
    for (const file of ["dist/cli/main.js", "dist/cli/main.d.ts", "dist/site-scripts/assets/search.js", "dist/site-scripts/sw.js", "dist/settings.schema.json", "layouts/partials/base.njk", "layouts/assets/style.css", "templates/init/gitignore"]) {
      assert.ok(tarballFiles.includes(file), `${file} is not in the package`);
    }
    assert.deepEqual(tarballFiles.filter((file) => file.endsWith(".ts") && !file.endsWith(".d.ts")), []);
    assert.deepEqual(tarballFiles.filter((file) => /^(src|tests|content|bench)\//.test(file)), []);
  });

  it("needs neither tsx nor TypeScript once installed", async () => {
    const installed = JSON.parse(await readFile(join(project, "node_modules/news-archive/package.json"), "utf8")) as { dependencies: Record<string, string> };
    assert.equal(installed.dependencies["tsx"], undefined);
    assert.equal(installed.dependencies["typescript"], undefined);
    assert.equal(existsSync(join(project, "node_modules/typescript")), false);
  });

  it("runs as npx news-archive, listing its commands", () => {
    const help = runs.get("help");
    assert.equal(help?.code, 0, help?.stderr);
    assert.match(help.stdout, /^Usage: news-archive COMMAND/);
  });

  it("starts an archive with init whose settings name the installed package's JSON Schema", async () => {
    const init = runs.get("init");
    assert.equal(init?.code, 0, init?.stderr);
    const settings = await readFile(join(archive, "content/news-archive.jsonc"), "utf8");
    assert.match(settings, /"\$schema": "\.\.\/node_modules\/news-archive\/dist\/settings\.schema\.json"/);
    const schema = JSON.parse(await readFile(join(project, "node_modules/news-archive/dist/settings.schema.json"), "utf8")) as { properties: Record<string, unknown> };
    assert.ok(schema.properties["timeZone"]);
  });

  it("adds an article with new, then builds the archive and checks its links, from the archive's folder", async () => {
    const added = runs.get("new");
    assert.equal(added?.code, 0, added?.stderr);
    assert.equal(added.stdout, "written: content/2021/2021-04-09-hello-from-the-package.md\nurl: /2021/04/09/hello-from-the-package/\n");
    const build = runs.get("build");
    assert.equal(build?.code, 0, build?.stderr);
    assert.match(build.stdout, /articles: 2 found, 2 published/);
    const check = runs.get("check");
    assert.equal(check?.code, 0, check?.stderr);
    assert.match(check.stdout, /0 broken/);
  });

  it("publishes the articles with the theme, the browser scripts and the search index the package ships", async () => {
    const site = join(archive, "_site");
    const page = await readPage(site, "2021/04/09/hello-from-the-package/index.html");
    assert.equal(page.querySelector("h1")?.textContent?.trim(), "Hello from the package");
    const welcome = (await readdir(site, { recursive: true })).find((file) => /\/welcome\/index\.html$/.test(file));
    assert.ok(welcome, "the welcome article has no page");
    const stylesheet = page.querySelector('link[rel="stylesheet"]')?.getAttribute("href") ?? "";
    assert.match(stylesheet, /^\/assets\/style\.[0-9a-f]+\.css$/);
    assert.match(await readFile(join(site, stylesheet), "utf8"), /--accent/);
    const searchPage = await readPage(site, "search/index.html");
    const searchScripts = [...searchPage.querySelectorAll("script[src]")].map((script) => script.getAttribute("src") ?? "").filter((src) => src.startsWith("/assets/search"));
    assert.equal(searchScripts.length, 1);
    assert.ok((await readFile(join(site, searchScripts[0] ?? ""), "utf8")).length > 1000);
    assert.ok(existsSync(join(site, "sw.js")));
    assert.ok(existsSync(join(site, "search-index/entry.bin")));
  });
});

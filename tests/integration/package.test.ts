import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { readdir, readFile, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { basename, dirname, join, relative, resolve } from "node:path";
import { after, before, describe, it } from "node:test";
import { PROJECT_ROOT } from "../../src/core/project.ts";
import { stopBeforeRemovingFolders, temporaryFolder } from "../support/archive.ts";
import { readPage, runProgram, type CliRun } from "../support/cli.ts";
import { startProcessGroup } from "../support/process-group.ts";

/** Packing compiles the package, and installing fetches its dependencies: minutes on a busy machine. */
const TIMEOUT_MS = 15 * 60_000;
/** How long the served site may take to answer: npm start builds it first. */
const SERVE_DEADLINE_MS = 5 * 60_000;

/**
 * Runs a program as a person at a shell would. npm's own variables are left
 * out: under `npm test` they describe this repository, not the project the
 * command runs in.
 */
function run(command: string, args: readonly string[], cwd: string): Promise<CliRun> {
  return runProgram(command, args, { cwd, env: shellEnvironment() });
}

function shellEnvironment(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^npm_/i.test(name)));
}

/** `npx news-archive ARGS`; --no: never fetch a package of that name from the registry, only run the installed one. */
const npx = (args: readonly string[], cwd: string): Promise<CliRun> => run("npx", ["--no", "--", "news-archive", ...args], cwd);

interface Manifest {
  readonly scripts?: Record<string, string>;
  readonly dependencies?: Record<string, string>;
}

async function readManifest(folder: string): Promise<Manifest> {
  return JSON.parse(await readFile(join(folder, "package.json"), "utf8")) as Manifest;
}

/** A port no server listens on now. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const address = server.address();
  await new Promise((done) => server.close(done));
  assert.ok(address !== null && typeof address === "object");
  return address.port;
}

/** Runs `npm start -- --port N` in the archive until its home page answers, and returns that page's text. */
async function servedHomePage(archive: string): Promise<string> {
  const port = await freePort();
  const server = startProcessGroup("npm", ["start", "--", "--port", String(port)], { cwd: archive, env: shellEnvironment(), stdio: "ignore" });
  stopBeforeRemovingFolders(() => server.stop());
  try {
    const deadline = Date.now() + SERVE_DEADLINE_MS;
    for (;;) {
      const response = await fetch(`http://127.0.0.1:${port}/`).catch(() => undefined);
      if (response?.status === 200) return await response.text();
      assert.ok(Date.now() < deadline, "npm start never served the home page");
      // Building takes seconds: ask again shortly, unless the server has stopped.
      const stopped = await Promise.race([server.exited.then(() => true), new Promise<false>((done) => setTimeout(() => done(false), 250))]);
      assert.equal(stopped, false, "npm start exited before it served the site");
    }
  } finally {
    await server.stop();
  }
}

/**
 * Relative links of the package's Markdown files (README.md, docs/) that
 * lead to no file of the package, outside code, which shows links as text.
 * Links into this repository's development folders, which the package does
 * not ship, are left to the repository.
 */
async function linksMissingFromPackage(unpacked: string, markdownFiles: readonly string[]): Promise<string[]> {
  const missing: string[] = [];
  for (const file of markdownFiles) {
    const text = (await readFile(join(unpacked, file), "utf8")).replace(/^```[\s\S]*?^```/gm, "").replace(/`[^`\n]*`/g, "");
    for (const [, target = ""] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
      if (/^(https?:|mailto:|#)/.test(target)) continue;
      const path = relative(unpacked, resolve(dirname(join(unpacked, file)), target.replace(/#.*$/, "")));
      if (/^(src|tests|bench|scripts)\//.test(path) && existsSync(join(PROJECT_ROOT, path))) continue;
      if (!existsSync(join(unpacked, path))) missing.push(`${file}: ${target}`);
    }
  }
  return missing;
}

describe("the Quick start from a packed tarball: npm pack, npx --package init, npm install, build, serve", { timeout: TIMEOUT_MS }, () => {
  let tarball: string;
  let tarballFiles: string[];
  let unpacked: string;
  let archive: string;
  const runs = new Map<string, CliRun>();
  /** npx installs the tarball into a folder of npm's cache; it is removed after the tests. */
  const npxFolders: string[] = [];

  before(async () => {
    const packed = await temporaryFolder();
    const pack = await run("npm", ["pack", "--pack-destination", packed], PROJECT_ROOT);
    assert.equal(pack.code, 0, pack.stderr);
    const [tarballName] = (await readdir(packed)).filter((file) => file.endsWith(".tgz"));
    assert.ok(tarballName, "npm pack wrote no tarball");
    tarball = join(packed, tarballName);
    unpacked = await temporaryFolder();
    const extract = await run("tar", ["-xzf", tarball, "-C", unpacked, "--strip-components=1"], packed);
    assert.equal(extract.code, 0, extract.stderr);
    tarballFiles = (await readdir(unpacked, { recursive: true, withFileTypes: true }))
      .filter((entry) => entry.isFile())
      .map((entry) => relative(unpacked, join(entry.parentPath, entry.name)));

    // The Quick start, as written: the package's command run from the tarball, then npm install in the new archive.
    const work = await temporaryFolder();
    archive = join(work, "my-news");
    runs.set("init", await run("npx", ["--yes", "--package", tarball, "news-archive", "init", "my-news"], work));
    const cache = (await run("npm", ["config", "get", "cache"], work)).stdout.trim();
    for (const folder of await readdir(join(cache, "_npx")).catch(() => [])) {
      const npxManifest = await readFile(join(cache, "_npx", folder, "package.json"), "utf8").catch(() => "");
      if (npxManifest.includes(tarball)) npxFolders.push(join(cache, "_npx", folder));
    }
    runs.set("install", await run("npm", ["install", "--no-audit", "--no-fund"], archive));
    runs.set("help", await npx(["--help"], archive));
    runs.set("new", await npx(["new", "Hello from the package", "--category", "News", "--date", "2021-04-09"], archive));
    runs.set("build", await run("npm", ["run", "build"], archive));
    runs.set("check", await run("npm", ["run", "check"], archive));
  });

  after(async () => {
    await Promise.all(npxFolders.map((folder) => rm(folder, { recursive: true, force: true })));
  });

  it("holds compiled JavaScript with type declarations, the theme, init's templates, the license and the docs, and no TypeScript source", () => {
    for (const file of [
      "dist/cli/main.js",
      "dist/cli/main.d.ts",
      "dist/site-scripts/assets/search.js",
      "dist/site-scripts/sw.js",
      "dist/settings.schema.json",
      "layouts/partials/base.njk",
      "layouts/assets/style.css",
      "templates/init/gitignore",
      "LICENSE",
      "README.md",
      "docs/commands.md",
      "docs/deploy.md",
    ]) {
      assert.ok(tarballFiles.includes(file), `${file} is not in the package`);
    }
    assert.deepEqual(
      tarballFiles.filter((file) => file.endsWith(".ts") && !file.endsWith(".d.ts")),
      [],
    );
    assert.deepEqual(
      tarballFiles.filter((file) => /^(src|tests|content|bench|scripts)\//.test(file)),
      [],
    );
  });

  it("ships a package.json without this repository's scripts, and leaves the repository's as it was", async () => {
    const packed = await readManifest(unpacked);
    const repository = await readManifest(PROJECT_ROOT);
    assert.equal(packed.scripts, undefined);
    assert.ok(repository.scripts?.["prepare"], "the repository's package.json lost its scripts");
    assert.deepEqual(packed.dependencies, repository.dependencies);
    assert.ok(!existsSync(join(PROJECT_ROOT, ".package.json.repository")), "the repository's package.json was left aside");
  });

  it("has a license saying what package.json says, and README links that lead to files of the package", async () => {
    assert.match(await readFile(join(unpacked, "LICENSE"), "utf8"), /^MIT License\n/);
    const markdown = tarballFiles.filter((file) => file.endsWith(".md") && !file.startsWith("dist/"));
    assert.ok(markdown.includes("README.md") && markdown.includes("docs/settings.md"));
    assert.deepEqual(await linksMissingFromPackage(unpacked, markdown), []);
  });

  it("starts an archive with npx --package TARBALL news-archive init, holding that tarball and depending on it", async () => {
    const init = runs.get("init");
    assert.equal(init?.code, 0, init?.stderr);
    const manifest = await readManifest(archive);
    const vendored = `vendor/${basename(tarball)}`;
    assert.deepEqual(manifest.dependencies, { "news-archive": `file:${vendored}` });
    assert.deepEqual(await readFile(join(archive, vendored)), await readFile(tarball));
    assert.match(init.stdout, new RegExp(`^package\\.json depends on news-archive from the tarball ${tarball.replace(/[.\\]/g, "\\$&")}:`, "m"));
  });

  it("installs in the new archive with npm install, needing neither tsx nor TypeScript", async () => {
    const install = runs.get("install");
    assert.equal(install?.code, 0, install?.stderr);
    const installed = await readManifest(join(archive, "node_modules/news-archive"));
    assert.equal(installed.dependencies?.["tsx"], undefined);
    assert.equal(installed.dependencies?.["typescript"], undefined);
    assert.equal(existsSync(join(archive, "node_modules/typescript")), false);
    const help = runs.get("help");
    assert.equal(help?.code, 0, help?.stderr);
    assert.match(help.stdout, /^Usage: news-archive COMMAND/);
  });

  it("writes settings that name the installed package's JSON Schema", async () => {
    const settings = await readFile(join(archive, "content/news-archive.jsonc"), "utf8");
    assert.match(settings, /"\$schema": "\.\.\/node_modules\/news-archive\/dist\/settings\.schema\.json"/);
    const schema = JSON.parse(await readFile(join(archive, "node_modules/news-archive/dist/settings.schema.json"), "utf8")) as {
      properties: Record<string, unknown>;
    };
    assert.ok(schema.properties["timeZone"]);
  });

  it("adds an article with new, then builds the archive with npm run build and checks its links with npm run check", async () => {
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
    const searchScripts = [...searchPage.querySelectorAll("script[src]")]
      .map((script) => script.getAttribute("src") ?? "")
      .filter((src) => src.startsWith("/assets/search"));
    assert.equal(searchScripts.length, 1);
    assert.ok((await readFile(join(site, searchScripts[0] ?? ""), "utf8")).length > 1000);
    assert.ok(existsSync(join(site, "sw.js")));
    assert.ok(existsSync(join(site, "search-index/entry.bin")));
  });

  it("serves the archive with npm start", async () => {
    assert.match(await servedHomePage(archive), /Hello from the package/);
  });
});

describe("the Quick start from a clone: init run from the clone's folder (as npm link runs it), npm install, build", { timeout: TIMEOUT_MS }, () => {
  let archive: string;
  let init: CliRun;
  let install: CliRun;
  let build: CliRun;

  before(async () => {
    // A clone's npm install compiles dist/ (prepare); this one may have changed since.
    const compile = await run(process.execPath, ["--import", "tsx", join(PROJECT_ROOT, "scripts/compile.ts"), "--if-stale"], PROJECT_ROOT);
    assert.equal(compile.code, 0, compile.stderr);
    const work = await temporaryFolder();
    archive = join(work, "my-news");
    // npm link puts a link to the clone on the PATH; Node runs the clone's dist/cli/main.js through it.
    init = await run(process.execPath, [join(PROJECT_ROOT, "dist/cli/main.js"), "init", "my-news"], work);
    install = await run("npm", ["install", "--no-audit", "--no-fund"], archive);
    build = await run("npm", ["run", "build"], archive);
  });

  it("depends on the clone's folder, which npm install links, and builds the archive", async () => {
    assert.equal(init.code, 0, init.stderr);
    assert.deepEqual((await readManifest(archive)).dependencies, { "news-archive": `file:${relative(archive, PROJECT_ROOT)}` });
    assert.equal(install.code, 0, install.stderr);
    assert.equal(build.code, 0, build.stderr);
    assert.match(build.stdout, /articles: 1 found, 1 published/);
    assert.ok(existsSync(join(archive, "_site/index.html")));
  });
});

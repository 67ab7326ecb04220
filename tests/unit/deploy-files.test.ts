import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, it } from "node:test";
import { parse as parseToml } from "smol-toml";
import { parse as parseYaml } from "yaml";
import { archivePackageJson } from "../../src/cli/scaffold.ts";
import { BUILD_OPTIONS } from "../../src/cli/site-options.ts";
import { parseCommandOptions } from "../../src/core/command-line.ts";
import { PROJECT_ROOT, readOwnPackage } from "../../src/core/project.ts";
import { siteOwnPath } from "../../src/core/urls.ts";
import { DEFAULT_OUTPUT_DIR } from "../../src/pipeline/request.ts";

const DEPLOY = join(PROJECT_ROOT, "templates/init/deploy");
/** The options of `news-archive build`, as its command reads them. */
const BUILD_COMMAND_OPTIONS = { ...BUILD_OPTIONS, "check-links": { type: "boolean" }, "keep-going": { type: "boolean" } } as const;
/** The scripts of the package.json init writes: `npm run build` is one of them. */
const ARCHIVE_SCRIPTS = (JSON.parse(archivePackageJson("site", readOwnPackage(), "^0.1.0")) as { scripts: Record<string, string> }).scripts;

/** The Node.js versions package.json says the package runs on. */
const ENGINES = (JSON.parse(readFileSync(join(PROJECT_ROOT, "package.json"), "utf8")) as { engines: { node: string } }).engines.node;

/** A shell command's words, as sh splits them: spaces outside quotes part them, quotes are removed ("a"b'c' is abc). */
function shellWords(command: string): string[] {
  const words: string[] = [];
  let word: string | undefined;
  let quote: string | undefined;
  for (const char of command) {
    if (quote !== undefined) {
      if (char === quote) quote = undefined;
      else word = (word ?? "") + char;
    } else if (char === '"' || char === "'") {
      quote = char;
      word ??= "";
    } else if (/\s/.test(char)) {
      if (word !== undefined) words.push(word);
      word = undefined;
    } else {
      word = (word ?? "") + char;
    }
  }
  assert.equal(quote, undefined, `unbalanced quote in ${command}`);
  if (word !== undefined) words.push(word);
  return words;
}

/**
 * The news-archive command a line of a deploy file runs, as `npx news-archive
 * ARGS` or `npm run SCRIPT -- ARGS` (the script being one init writes), with
 * what precedes it (variables) and what follows `&&` left out.
 */
function newsArchiveCommandOf(line: string): string[] {
  const words = shellWords(line.split("&&")[0] ?? "").filter((word) => !/^[A-Z_]+=/.test(word));
  if (words[0] === "npx" && words[1] === "news-archive") return words.slice(2);
  if (words[0] === "npm" && words[1] === "run" && words[3] === "--") {
    const script = ARCHIVE_SCRIPTS[words[2] ?? ""];
    assert.ok(script, `npm run ${words[2]} is not a script of the archive init writes`);
    return [...shellWords(script).slice(1), ...words.slice(4)];
  }
  assert.fail(`not a news-archive command: ${line}`);
}

/** Checks that a build command line is one our build command accepts, and returns its options. */
function checkedBuildOptions(line: string): Readonly<Record<string, string | boolean>> {
  const [command, ...args] = newsArchiveCommandOf(line);
  assert.equal(command, "build", line);
  const parsed = parseCommandOptions(args, BUILD_COMMAND_OPTIONS);
  assert.ok(parsed.ok, parsed.ok ? "" : `${line}: ${parsed.problem}`);
  assert.deepEqual(parsed.positionals, []);
  return parsed.values;
}

/** A Node.js major version that is a long-term support line (even) and that package.json's engines allow. */
function assertSupportedLts(version: unknown, where: string): void {
  const major = Number(String(version));
  const floor = Number(/^>=(\d+)/.exec(ENGINES)?.[1]);
  assert.ok(Number.isInteger(major) && major % 2 === 0, `${where}: Node ${String(version)} is not an LTS line`);
  // 20 reached its end of life on 2026-04-30: a deploy starts on a line that is still maintained.
  assert.ok(major >= 22 && major >= floor, `${where}: Node ${major} is past its end of life or below package.json's engines`);
}

interface WorkflowStep {
  readonly id?: string;
  readonly uses?: string;
  readonly run?: string;
  readonly with?: Record<string, unknown>;
}

async function workflowSteps(file: string): Promise<WorkflowStep[]> {
  const workflow = parseYaml(await readFile(join(DEPLOY, file), "utf8")) as { jobs: Record<string, { steps: WorkflowStep[] }> };
  return Object.values(workflow.jobs).flatMap((job) => job.steps);
}

function stepUsing(steps: readonly WorkflowStep[], action: string): WorkflowStep {
  const step = steps.find((candidate) => candidate.uses?.split("@")[0] === action);
  assert.ok(step, `no step uses ${action}`);
  return step;
}

function buildStep(steps: readonly WorkflowStep[]): string {
  const builds = steps.map((step) => step.run ?? "").filter((run) => /news-archive build/.test(run));
  assert.equal(builds.length, 1);
  return builds[0] ?? "";
}

describe("the deploy files init writes", () => {
  it("GitHub Pages: a current LTS Node, the site's address from configure-pages, our build command, the output folder published", async () => {
    const steps = await workflowSteps("github-pages.yml");
    assertSupportedLts(stepUsing(steps, "actions/setup-node").with?.["node-version"], "github-pages.yml");
    assert.equal(stepUsing(steps, "actions/configure-pages").id, "pages");
    const build = buildStep(steps);
    // configure-pages' base_url has no trailing slash: https://owner.github.io/repo, https://owner.github.io, https://news.example.org.
    assert.equal(checkedBuildOptions(build)["site-url"], "${{ steps.pages.outputs.base_url }}/");
    assert.equal(checkedBuildOptions(build)["check-links"], true);
    assert.equal(stepUsing(steps, "actions/upload-pages-artifact").with?.["path"], DEFAULT_OUTPUT_DIR);
    stepUsing(steps, "actions/deploy-pages");
  });

  it("Netlify: our build command through npm run build, the output folder published, a current LTS Node, the headers copied", async () => {
    const config = parseToml(await readFile(join(DEPLOY, "netlify.toml"), "utf8")) as {
      build: { command: string; publish: string; environment: Record<string, string> };
    };
    assert.equal(config.build.publish, DEFAULT_OUTPUT_DIR);
    assertSupportedLts(config.build.environment["NODE_VERSION"], "netlify.toml");
    const options = checkedBuildOptions(config.build.command);
    assert.equal(options["site-url"], "$URL/");
    assert.match(config.build.command, /&& cp deploy\/_headers _site\/_headers$/);
  });

  it("Cloudflare Pages: a current LTS Node, our build command, the headers copied, the output folder sent by wrangler", async () => {
    const steps = await workflowSteps("cloudflare-pages.yml");
    assertSupportedLts(stepUsing(steps, "actions/setup-node").with?.["node-version"], "cloudflare-pages.yml");
    assert.equal(checkedBuildOptions(buildStep(steps))["site-url"], "${{ vars.SITE_URL }}");
    assert.ok(steps.some((step) => step.run === "cp deploy/_headers _site/_headers"));
    const deploy = String(stepUsing(steps, "cloudflare/wrangler-action").with?.["command"]);
    assert.deepEqual(shellWords(deploy).slice(0, 3), ["pages", "deploy", DEFAULT_OUTPUT_DIR]);
  });

  it("_headers: rules for the site's own paths, each a path line then indented Name: value lines", async () => {
    const lines = (await readFile(join(DEPLOY, "_headers"), "utf8")).split("\n").filter((line) => line.trim() !== "" && !line.startsWith("#"));
    assert.ok(lines.length >= 2);
    let path: string | undefined;
    for (const line of lines) {
      if (!line.startsWith(" ")) {
        path = line;
        assert.ok(siteOwnPath(path.replace(/\*$/, "x")) !== undefined, `${path} is none of the site's own paths`);
        continue;
      }
      assert.ok(path !== undefined, `${line} comes before any path`);
      assert.match(line, /^ {2}[A-Za-z-]+: \S/);
    }
    assert.match(lines.join("\n"), /^\/assets\/\*\n {2}Cache-Control: public, max-age=31536000, immutable$/m);
  });
});

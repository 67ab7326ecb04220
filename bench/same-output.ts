// npm run bench:same-output -- --other DIR [--archive NAME ...]
// Builds the sample archive and the shared corpora (../shared/corpora, when
// present) with this checkout's compiled command and with another checkout's
// (DIR, compiled: `npm run compile` there), the build day fixed by
// SOURCE_DATE_EPOCH, and says whether every file has the same bytes. This
// checkout builds each archive three times: without the build cache, then
// twice with it into the same output folder, the second reusing every page
// the first wrote, so that what a rebuild links or copies is compared too.
// Exit code 1 when a file differs.
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { filesUnder } from "../src/core/files.ts";
import { PROJECT_ROOT } from "../src/core/project.ts";
import { ourCommandArgs } from "./measure.ts";

const USAGE = "usage: npm run bench:same-output -- --other DIR [--archive sample|nodejs-blog|kubernetes-blog ...]";
const { values } = parseArgs({ options: { other: { type: "string" }, archive: { type: "string", multiple: true } }, strict: true });
if (values.other === undefined || !existsSync(join(values.other, "dist/cli/main.js"))) {
  console.error(`${USAGE}\nDIR is another checkout of this project, compiled (npm run compile there)`);
  process.exit(2);
}
const otherCli = join(resolve(values.other), "dist/cli/main.js");
/** 2021-06-15, noon UTC: every build prints the same day. */
const BUILD_DAY = "1623758400";
const CORPORA = join(PROJECT_ROOT, "../shared/corpora");

const archives = [
  { name: "sample", content: join(PROJECT_ROOT, "content"), args: [] as string[] },
  ...["nodejs-blog", "kubernetes-blog"].map((name) => ({
    name,
    content: join(CORPORA, name, "content"),
    args: ["--config", join(PROJECT_ROOT, "tests/corpora", `${name}.json`)],
  })),
].filter((archive) => existsSync(archive.content) && (values.archive === undefined || values.archive.includes(archive.name)));

function run(args: readonly string[]): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, args, {
      cwd: PROJECT_ROOT,
      env: { ...process.env, SOURCE_DATE_EPOCH: BUILD_DAY },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("close", (code) => (code === 0 ? done() : fail(new Error(`${args.join(" ")} failed (${String(code)}):\n${stderr.slice(-2000)}`))));
  });
}

/** Every file under a folder, by path, as a digest of its bytes. */
async function digests(dir: string): Promise<Map<string, string>> {
  const files = filesUnder(dir);
  return new Map(
    await Promise.all(
      files.map(async (file) => {
        const bytes = await readFile(join(dir, file.path));
        return [file.path, createHash("sha256").update(bytes).digest("hex")] as const;
      }),
    ),
  );
}

function differences(expected: ReadonlyMap<string, string>, actual: ReadonlyMap<string, string>): string[] {
  const paths = [...new Set([...expected.keys(), ...actual.keys()])].sort();
  return paths.flatMap((path) => {
    const [before, after] = [expected.get(path), actual.get(path)];
    if (before === after) return [];
    return [before === undefined ? `only in this build: ${path}` : after === undefined ? `missing from this build: ${path}` : `differs: ${path}`];
  });
}

let differing = 0;
const root = await mkdtemp(join(tmpdir(), "news-archive-same-output-"));
try {
  for (const archive of archives) {
    const build = (cli: readonly string[], output: string, cache: readonly string[]): Promise<void> =>
      run([...cli, "--content", archive.content, ...archive.args, "--output", output, ...cache]);
    const other = join(root, archive.name, "other");
    await build([otherCli, "build"], other, ["--no-cache"]);
    const expected = await digests(other);
    const ours = ourCommandArgs(["build"]);
    const fresh = join(root, archive.name, "fresh");
    await build(ours, fresh, ["--no-cache"]);
    const rebuilt = join(root, archive.name, "rebuilt");
    const cache = ["--cache-dir", join(root, archive.name, "cache")];
    await build(ours, rebuilt, cache);
    await build(ours, rebuilt, cache);
    for (const [what, dir] of [
      ["without the cache", fresh],
      ["rebuilt over its own output", rebuilt],
    ] as const) {
      const found = differences(expected, await digests(dir));
      differing += found.length;
      console.log(`${archive.name}, ${what}: ${found.length === 0 ? `the same ${expected.size} files, byte for byte` : `${found.length} file(s) differ`}`);
      for (const line of found.slice(0, 20)) console.log(`  ${line}`);
    }
  }
} finally {
  await rm(root, { recursive: true, force: true });
}
process.exit(differing === 0 ? 0 : 1);

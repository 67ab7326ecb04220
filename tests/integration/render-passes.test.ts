import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, it } from "node:test";
import { runBuild } from "../../src/pipeline/build.ts";
import { filesUnder } from "../../src/core/files.ts";
import { resolveBuildRequest } from "../../src/pipeline/request.ts";
import { article, makeArchive, temporaryFolder } from "../support/archive.ts";

const fixture = Object.fromEntries(
  Array.from({ length: 7 }, (_, index) => [
    `2021/article-${index}.md`,
    article({ title: `Article ${index}`, date: `2021-0${1 + (index % 3)}-1${index}`, category: index % 2 ? "News" : "Events", tags: "[energy]" }),
  ]),
);

async function build(content: string, pagesPerRenderPass: number): Promise<{ files: Map<string, string>; summary: string }> {
  const output = join(await temporaryFolder(), "site");
  const resolved = await resolveBuildRequest({ content, output, cacheDir: false });
  assert.ok(resolved.ok);
  const lines: string[] = [];
  const code = await runBuild(
    { ...resolved.request, pagesPerRenderPass },
    { verbose: false, checkLinks: true },
    { out: (line) => lines.push(line), err: (line) => lines.push(line) },
  );
  assert.equal(code, 0, lines.join("\n"));
  const files = filesUnder(output);
  return {
    files: new Map(await Promise.all(files.map(async (file) => [file.path, (await readFile(join(output, file.path))).toString("base64")] as const))),
    summary: lines.join("\n"),
  };
}

describe("rendering in passes", () => {
  it("writes the same site, search index included, in three passes of three article pages (the index written after them) as in one pass (the index made beside it in a worker thread)", async () => {
    const content = await makeArchive(fixture);
    const inOnePass = await build(content, 10_000);
    const inThreePasses = await build(content, 3);
    assert.match(inOnePass.summary, /search: 7 pages indexed, .*\(made in a worker thread\)/);
    assert.match(inThreePasses.summary, /search: 7 pages indexed, .*\(processor [\d.]+ s\)/);
    assert.deepEqual([...inThreePasses.files.keys()].sort(), [...inOnePass.files.keys()].sort());
    assert.ok([...inOnePass.files.keys()].some((file) => file.startsWith("search-index/")));
    for (const [file, bytes] of inOnePass.files) assert.equal(inThreePasses.files.get(file), bytes, `${file} differs`);
  });
});

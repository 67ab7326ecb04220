import assert from "node:assert/strict";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, it } from "node:test";
import { installedPackages, runningCodeIdentity, type RunningCode } from "../../src/pipeline/code-identity.ts";
import { temporaryFolder, writeFiles } from "../support/archive.ts";

const manifest = (
  name: string,
  version: string,
  dependencies: Readonly<Record<string, string>> = {},
  optionalDependencies: Readonly<Record<string, string>> = {},
): string => JSON.stringify({ name, version, dependencies, optionalDependencies });

/**
 * An installed package as npm lays it out in a project: the tool in
 * node_modules/tool with its compiled code in dist/, its dependency "a"
 * hoisted beside it, and "a"'s own "b" nested under it, while another "b"
 * is hoisted for someone else.
 */
async function installedTool(): Promise<{ readonly code: RunningCode; readonly project: string }> {
  const project = await temporaryFolder();
  await writeFiles(project, {
    "package.json": manifest("project", "1.0.0", { tool: "^1.0.0" }),
    "node_modules/tool/package.json": manifest("tool", "1.0.0", { a: "^1.0.0" }, { "missing-platform-binary": "^1.0.0" }),
    "node_modules/tool/dist/core/x.js": "export const x = 1;\n",
    "node_modules/tool/dist/core/x.d.ts": "export declare const x = 1;\n",
    "node_modules/tool/dist/content/y.js": "export const y = 2;\n",
    "node_modules/tool/dist/render/z.js": "export const z = 3;\n",
    "node_modules/a/package.json": manifest("a", "1.2.0", { b: "^2.0.0" }),
    "node_modules/a/node_modules/b/package.json": manifest("b", "2.0.1"),
    "node_modules/b/package.json": manifest("b", "1.0.0"),
  });
  const root = join(project, "node_modules/tool");
  return { project, code: { projectRoot: root, codeRoot: join(root, "dist"), folders: ["core", "content"], moduleExtension: ".js" } };
}

describe("the identity of the running code", () => {
  it("lists the packages the tool loads as Node finds them, nested before hoisted, leaving out an optional one not installed", async () => {
    const { code } = await installedTool();
    assert.deepEqual(installedPackages(code.projectRoot), ["a@1.2.0", "b@2.0.1", "tool@1.0.0"]);
  });

  it("changes when a module of the given folders or the version of a package it loads changes, and only then", async () => {
    const { code, project } = await installedTool();
    const first = runningCodeIdentity(code);
    assert.equal(runningCodeIdentity(code), first);

    await writeFile(join(code.codeRoot, "render/z.js"), "export const z = 4;\n");
    await writeFile(join(code.codeRoot, "core/x.d.ts"), "export declare const x: number;\n");
    await writeFile(join(project, "node_modules/b/package.json"), manifest("b", "1.0.1"));
    assert.equal(runningCodeIdentity(code), first, "a folder not named, a declaration file or a package the tool does not load changed it");

    await writeFile(join(code.codeRoot, "content/y.js"), "export const y = 3;\n");
    const afterEdit = runningCodeIdentity(code);
    assert.notEqual(afterEdit, first);

    await writeFile(join(project, "node_modules/a/node_modules/b/package.json"), manifest("b", "2.0.2"));
    assert.notEqual(runningCodeIdentity(code), afterEdit);
  });
});

import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, it } from "node:test";
import { generateArchive } from "../../bench/generate.ts";
import { temporaryFolder } from "../support/archive.ts";
import { startCli } from "../support/cli.ts";
import { runningMembers, waitUntilStopped } from "../support/process-group.ts";

const TIMEOUT_MS = 120_000;

async function commandOf(pid: number): Promise<string> {
  return (await readFile(`/proc/${pid}/comm`, "utf8").catch(() => "")).trim();
}

describe("stopping npm start", () => {
  it("with SIGTERM during its first build, exits 0, leaving no process of its own running", async () => {
    const root = await temporaryFolder();
    await generateArchive(join(root, "content"), 400);
    const port = 20000 + Math.floor(Math.random() * 20000);
    const site = join(root, "site");
    const server = startCli(["serve", "--no-cache", "--content", join(root, "content"), "--output", site, "--port", String(port)]);
    const group = server.child.pid ?? 0;
    // Stopped as soon as it writes pages, while the rest of the build goes on.
    const deadline = Date.now() + TIMEOUT_MS;
    while (!existsSync(join(site, "archive"))) {
      assert.ok(Date.now() < deadline, "the first build never wrote a page");
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    // To the server alone, as a process manager stops it: not to its group, which would stop its helpers for it.
    process.kill(group, "SIGTERM");
    assert.equal(await server.exited, 0);
    // Its helpers (esbuild's services) may take a moment to be torn down, not to finish their work.
    const stopped = await waitUntilStopped(group, 1000);
    assert.ok(stopped, `still running: ${(await Promise.all((await runningMembers(group)).map(commandOf))).join(", ")}`);
  });
});

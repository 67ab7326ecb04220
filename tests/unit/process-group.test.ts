import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { temporaryFolder } from "../support/archive.ts";
import { runningMembers, startProcessGroup, type ProcessGroup } from "../support/process-group.ts";

/**
 * A group whose leader starts a child that ignores SIGTERM, then runs
 * `then`; resolves once the child ignores it, so that the test's stop
 * reaches it then, however slow the machine.
 */
async function groupWithStubbornChild(then: string, graceMs?: number): Promise<ProcessGroup> {
  const ready = join(await temporaryFolder(), "ready");
  const script = `(trap "" TERM; touch "$1"; ${then}) & wait`;
  const group = startProcessGroup("sh", ["-c", script, "sh", ready], { stdio: "ignore" }, graceMs === undefined ? {} : { graceMs });
  while (!existsSync(ready)) await new Promise((resolve) => setTimeout(resolve, 10));
  return group;
}

describe("a process group started for a test", () => {
  it("is stopped only once the processes its leader started have exited, not when the leader has", async () => {
    const late = join(await temporaryFolder(), "written-after-the-leader-stopped");
    // As a helper process finishing a write after the server is gone.
    const group = await groupWithStubbornChild(`sleep 0.5; touch "${late}"`);
    await group.stop();
    assert.equal(existsSync(late), true);
    assert.deepEqual(await runningMembers(group.child.pid ?? 0), []);
  });

  it("kills what still runs after the grace period", async () => {
    const group = await groupWithStubbornChild("sleep 30", 300);
    const started = Date.now();
    await group.stop();
    assert.ok(Date.now() - started < 10_000, "stopped long before the child would have ended by itself");
    assert.deepEqual(await runningMembers(group.child.pid ?? 0), []);
  });
});

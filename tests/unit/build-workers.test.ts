import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { buildWorkerCount } from "../../src/pipeline/build-workers.ts";

describe("how many worker threads a build starts", () => {
  it("starts one per core, two at most, and one for a small site, where loading a second Eleventy costs more than it saves", () => {
    assert.equal(buildWorkerCount(100, 2), 1);
    assert.equal(buildWorkerCount(4_000, 2), 2);
    assert.equal(buildWorkerCount(100_000, 8), 2);
    assert.equal(buildWorkerCount(100_000, 1), 1);
    assert.equal(buildWorkerCount(0, 2), 1);
  });
});

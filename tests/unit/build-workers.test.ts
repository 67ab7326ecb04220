import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { renderWorkerCount } from "../../src/render/render-workers.ts";

describe("how many render workers a build starts", () => {
  it("starts one per core, two at most, and one for a small site, where loading a second Eleventy costs more than it saves", () => {
    assert.equal(renderWorkerCount(100, 2), 1);
    assert.equal(renderWorkerCount(4_000, 2), 2);
    assert.equal(renderWorkerCount(100_000, 8), 2);
    assert.equal(renderWorkerCount(100_000, 1), 1);
    assert.equal(renderWorkerCount(0, 2), 1);
  });
});

import assert from "node:assert/strict";
import { setImmediate } from "node:timers/promises";
import { describe, it } from "node:test";
import { collectGarbage } from "../../src/core/memory.ts";

describe("collecting garbage on demand", () => {
  it("frees what nothing reaches any more, at once, and can be asked again", async () => {
    for (let round = 0; round < 2; round += 1) {
      let held: { readonly items: number[] } | undefined = { items: Array.from({ length: 1000 }, (_, index) => index) };
      const weak = new WeakRef(held);
      held = undefined;
      // A WeakRef keeps its object alive until the current job ends.
      await setImmediate();
      collectGarbage();
      assert.equal(weak.deref(), undefined, `round ${round + 1}`);
    }
  });
});

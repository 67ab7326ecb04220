import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { placesInOrder, stableSortBy } from "../../src/search/counting-sort.ts";

describe("the counting sort of places by small keys", () => {
  it("orders places by key and keeps the given order among equal keys", () => {
    const keys = [2, 0, 1, 0, 2, 1];
    assert.deepEqual([...stableSortBy(placesInOrder(keys.length), keys, 3)], [1, 3, 2, 5, 0, 4]);
    assert.deepEqual([...stableSortBy(Uint32Array.of(4, 3, 0, 1), keys, 3)], [3, 1, 4, 0]);
  });

  it("sorts by two keys when sorted by the second, then by the first", () => {
    const firsts = [1, 0, 1, 0];
    const seconds = [0, 1, 1, 0];
    const bySecond = stableSortBy(placesInOrder(4), seconds, 2);
    assert.deepEqual([...stableSortBy(bySecond, firsts, 2)], [3, 1, 0, 2]);
  });

  it("gives nothing for nothing", () => {
    assert.deepEqual([...stableSortBy(placesInOrder(0), [], 0)], []);
  });
});

import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { inBatches } from "../../src/core/concurrency.ts";
import { WorkerPool } from "../../src/core/worker-pool.ts";

type Task = { readonly double: number } | { readonly fail: string } | { readonly exit: number };
const ECHO = new URL("../support/echo-worker.ts", import.meta.url);

describe("a pool of worker threads", () => {
  it("answers every task, in two workers, each with its own answer", async () => {
    const pool = new WorkerPool<Task>(ECHO);
    try {
      pool.start(2);
      assert.equal(pool.count, 2);
      assert.deepEqual(await Promise.all([1, 2, 3, 4, 5].map((double) => pool.run({ double }))), [2, 4, 6, 8, 10]);
    } finally {
      await pool.close();
    }
    assert.equal(pool.count, 0);
  });

  it("rejects a failed task with the worker's message and those of its causes, and goes on with the next", async () => {
    const pool = new WorkerPool<Task>(ECHO);
    try {
      await assert.rejects(pool.run({ fail: "no" }), (error: Error) => error.message === "could not do it: no\n  caused by: the reason underneath");
      assert.equal(await pool.run({ double: 21 }), 42);
    } finally {
      await pool.close();
    }
  });

  it("fails the task of a worker that stops, and starts another for the next task", async () => {
    const pool = new WorkerPool<Task>(ECHO);
    try {
      await assert.rejects(pool.run({ exit: 3 }), /a worker thread stopped \(exit code 3\)/);
      assert.equal(await pool.run({ double: 4 }), 8);
    } finally {
      await pool.close();
    }
  });
});

describe("calls gathered into batches", () => {
  it("sends a batch when it is full, the rest of a turn's calls together, and answers each call with its own result", async () => {
    const batches: number[][] = [];
    const double = inBatches(async (items: readonly number[]) => {
      batches.push([...items]);
      return items.map((item) => 2 * item);
    }, 3);
    assert.deepEqual(await Promise.all([1, 2, 3, 4, 5].map(double)), [2, 4, 6, 8, 10]);
    assert.deepEqual(batches, [
      [1, 2, 3],
      [4, 5],
    ]);
    assert.equal(await double(6), 12);
    assert.deepEqual(batches.at(-1), [6]);
  });

  it("rejects every call of a failed batch", async () => {
    const failing = inBatches(async (): Promise<readonly number[]> => Promise.reject(new Error("the batch failed")), 2);
    const results = await Promise.allSettled([failing(1), failing(2), failing(3)]);
    assert.deepEqual(
      results.map((result) => result.status),
      ["rejected", "rejected", "rejected"],
    );
  });
});

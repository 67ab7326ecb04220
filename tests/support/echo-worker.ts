// A worker for tests/unit/worker-pool.test.ts: answers { double: n } with 2n,
// { fail: message } with an error caused by another, and { exit: code } by
// ending its thread.
import { answerTasks } from "../../src/core/worker-pool.ts";

answerTasks(async (task) => {
  const asked = task as { readonly double?: number; readonly fail?: string; readonly exit?: number };
  if (asked.exit !== undefined) process.exit(asked.exit);
  if (asked.fail !== undefined) throw new Error(`could not do it: ${asked.fail}`, { cause: new Error("the reason underneath") });
  return { value: 2 * (asked.double ?? 0) };
});

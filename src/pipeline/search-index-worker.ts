// The search index's worker thread (see SearchIndexWorker in
// build-workers.ts): it makes the index's files in memory while the main
// thread plans the pages and the build workers render them, or writes a
// period's folder of fragments while the main thread writes the rest. Nothing imports it.
import { answerTasks } from "../core/worker-pool.ts";
import { makeSearchIndex, writePeriodFolders } from "../search/search-index.ts";
import type { SearchIndexTask } from "./build-workers.ts";

answerTasks(async (message) => {
  const task = message as SearchIndexTask;
  return { value: task.kind === "make" ? await makeSearchIndex(task.request) : writePeriodFolders(task.job) };
});

// The search index's worker thread (see SearchIndexWorker in
// build-workers.ts): it makes the index's files in memory while the main
// thread plans the pages and the build workers render them. Nothing imports it.
import { answerTasks } from "../core/worker-pool.ts";
import { makeSearchIndex, type SearchIndexRequest } from "../search/search-index.ts";

answerTasks(async (task) => ({ value: await makeSearchIndex(task as SearchIndexRequest) }));

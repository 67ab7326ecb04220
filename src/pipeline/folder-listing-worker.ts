// The folder-listing thread (see FolderListingThread in build-workers.ts): it
// lists an output kept to build over while the build writes into it. Nothing
// imports it.
import { listFolder } from "../core/files.ts";
import { answerTasks } from "../core/worker-pool.ts";
import type { FolderListingTask } from "./build-workers.ts";

answerTasks(async (message) => {
  const { root, skipped } = message as FolderListingTask;
  return { value: listFolder(root, skipped) };
});

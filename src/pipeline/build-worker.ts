// A build worker's thread (see build-workers.ts): it reads articles,
// renders passes of pages and links unchanged files, as the main thread
// asks. Nothing imports it.
import { collectGarbage } from "../core/memory.ts";
import { answerTasks } from "../core/worker-pool.ts";
import { readArticle, type ReadOutcome } from "../content/read-file.ts";
import { createMarkdownRenderer } from "../content/markdown.ts";
import { pageDigests } from "../model/page-changes.ts";
import { makeLinks } from "../publish/output-reuse.ts";
import { loadEleventy } from "../render/eleventy-adapter.ts";
import { renderPages } from "../render/eleventy-site.ts";
import type { BuildTask } from "./build-workers.ts";

// Loaded at once, while the main thread is still loading the archive.
void loadEleventy();

/** One renderer per set of options: a worker reads every article of a build with the same. */
const renderers = new Map<string, ReturnType<typeof createMarkdownRenderer>>();

answerTasks(async (message) => {
  const task = message as BuildTask;
  if (task.kind === "render") {
    if (task.collectGarbageFirst) collectGarbage();
    await renderPages(task.outputDir, { ...task.rendering, views: () => task.views });
    return { value: task.digestWith === undefined ? undefined : pageDigests(task.views, task.digestWith) };
  }
  if (task.kind === "link") return { value: makeLinks(task.links) };
  const key = JSON.stringify(task.markdown);
  const render = renderers.get(key) ?? createMarkdownRenderer(task.markdown);
  renderers.set(key, render);
  const outcomes: ReadOutcome[] = await Promise.all(task.articles.map(({ bytes, file }) => readArticle(bytes, file, task.settings, render)));
  return { value: outcomes };
});

// A render worker's thread: it renders the passes of pages it is sent, one
// Eleventy run each, and answers each with the outcome. Started by
// render-workers.ts; nothing imports it.
import { parentPort } from "node:worker_threads";
import { loadEleventy } from "./eleventy-adapter.ts";
import { renderPages } from "./eleventy-site.ts";
import type { RenderOutcome, RenderTask } from "./render-workers.ts";

// Loaded at once, while the main thread is still loading the archive.
void loadEleventy();

const port = parentPort;
if (port === null) throw new Error("render-worker.ts runs in a worker thread started by render-workers.ts");
port.on("message", (task: RenderTask) => {
  const { id, outputDir, views, ...rendering } = task;
  const answer = (outcome: RenderOutcome): void => port.postMessage(outcome);
  renderPages(outputDir, { ...rendering, views: () => views }).then(
    () => answer({ id, ok: true }),
    (cause: unknown) => answer({ id, ok: false, message: messageChain(cause), ...(cause instanceof Error && cause.stack !== undefined ? { stack: framesOf(cause.stack) } : {}) }),
  );
});

/** The lines of a stack that name where it was thrown, without its first line (the error's own message). */
function framesOf(stack: string): string {
  return stack
    .split("\n")
    .filter((line) => line.startsWith("    at "))
    .join("\n");
}

/**
 * An error's message and those of the errors that caused it: Eleventy's
 * "Having trouble rendering njk template" names the template, the error it
 * wraps (`originalError`, or `cause`) says what is wrong and where. Only
 * text crosses back to the main thread.
 */
function messageChain(error: unknown): string {
  const messages: string[] = [];
  for (let current: unknown = error; current !== undefined && messages.length < 10; ) {
    if (!(current instanceof Error)) {
      messages.push(String(current));
      break;
    }
    messages.push(current.message);
    current = "originalError" in current && current.originalError !== undefined ? current.originalError : current.cause;
  }
  return messages.join("\n  caused by: ");
}

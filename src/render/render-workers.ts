import { availableParallelism } from "node:os";
import { extname } from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { SiteViews } from "../model/pages.ts";
import type { SiteRendering } from "./eleventy-site.ts";

/** The extension of the running modules: .ts under tsx (the tests, the benchmarks' sources), .js compiled. */
const RUNNING_EXTENSION = extname(fileURLToPath(import.meta.url));

/**
 * Starts a worker thread running a module of this folder. Compiled, the
 * module is JavaScript. Under tsx it is TypeScript, and tsx registers its
 * loader in the main thread only (privatenumber/tsx#354): the worker
 * registers it first, from the copy of tsx this code runs with, then
 * imports the module.
 */
function startWorkerModule(module: URL): Worker {
  if (RUNNING_EXTENSION !== ".ts") return new Worker(module);
  const tsx = import.meta.resolve("tsx/esm/api");
  return new Worker(`import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(module.href)}); });`, { eval: true });
}

/** A pass of pages sent to a render worker: the views themselves, since functions do not cross threads. */
export interface RenderTask extends Omit<SiteRendering, "views"> {
  readonly id: number;
  readonly outputDir: string;
  readonly views: SiteViews;
}

/** A worker's answer to a task. */
export type RenderOutcome =
  | { readonly id: number; readonly ok: true }
  /** `message`: the error's and those of the errors that caused it; `stack`: where the worker threw it. */
  | { readonly id: number; readonly ok: false; readonly message: string; readonly stack?: string };

/** A render worker's error, in this thread: its messages, and where the worker threw it. */
function renderError(message: string, workerStack: string | undefined): Error {
  const error = new Error(message);
  if (workerStack !== undefined) error.stack = `Error: ${message}\n${workerStack}`;
  return error;
}

/** Render workers started side by side at most: the build's other work waits for them, so one per core, and two keep the memory of two Eleventy runs. */
const MOST_WORKERS = 2;
/** A worker starts by loading Eleventy (about half a second of CPU): below this many pages a second one costs more than it saves. */
const PAGES_PER_WORKER = 1_000;

/** How many render workers a build of `pages` pages starts: one per core, at most two, one for a small site. */
export function renderWorkerCount(pages: number, cores: number = availableParallelism()): number {
  return Math.max(1, Math.min(MOST_WORKERS, cores, Math.ceil(pages / PAGES_PER_WORKER)));
}

/**
 * Worker threads that render passes of pages, each with an Eleventy of its
 * own, so that a build uses every core: one thread renders a pass while the
 * other renders the next. Eleventy is loaded in the workers only, as soon as
 * they start: a build starts one before it loads the archive, which hides
 * Eleventy's loading. The views are copied to the workers (structured clone).
 * Passes are queued and handed to the first free worker. A failed pass
 * rejects its promise with the worker's error; `close` ends the threads.
 */
export class RenderWorkers {
  readonly #workers: Worker[] = [];
  readonly #idle: Worker[] = [];
  readonly #queue: { readonly task: RenderTask; readonly settle: (outcome: RenderOutcome) => void }[] = [];
  readonly #pending = new Map<number, { readonly worker: Worker; readonly settle: (outcome: RenderOutcome) => void }>();
  #nextId = 0;

  /** How many workers are running. */
  get count(): number {
    return this.#workers.length;
  }

  /** Starts workers until `count` run. */
  start(count: number): void {
    while (this.#workers.length < count) this.#idle.push(this.#start());
    this.#dispatch();
  }

  /** Renders `views` into `outputDir` in the first free worker (one is started if none runs). */
  render(outputDir: string, rendering: Omit<SiteRendering, "views">, views: SiteViews): Promise<void> {
    const task: RenderTask = { ...rendering, id: this.#nextId++, outputDir, views };
    return new Promise((resolve, reject) => {
      this.#queue.push({
        task,
        settle: (outcome) => (outcome.ok ? resolve() : reject(renderError(outcome.message, outcome.stack))),
      });
      if (this.#workers.length === 0) this.start(1);
      this.#dispatch();
    });
  }

  /** Ends the workers; a pass under way is abandoned. Resolves once every thread has stopped. */
  async close(): Promise<void> {
    const workers = this.#workers.splice(0);
    this.#idle.length = 0;
    await Promise.all(workers.map((worker) => worker.terminate()));
  }

  #dispatch(): void {
    for (let worker = this.#idle.pop(); worker !== undefined; worker = this.#idle.pop()) {
      const next = this.#queue.shift();
      if (next === undefined) {
        this.#idle.push(worker);
        return;
      }
      this.#pending.set(next.task.id, { worker, settle: next.settle });
      worker.postMessage(next.task);
    }
  }

  #start(): Worker {
    const worker = startWorkerModule(new URL(`./render-worker${RUNNING_EXTENSION}`, import.meta.url));
    this.#workers.push(worker);
    worker.on("message", (outcome: RenderOutcome) => {
      const pending = this.#pending.get(outcome.id);
      this.#pending.delete(outcome.id);
      this.#idle.push(worker);
      pending?.settle(outcome);
      this.#dispatch();
    });
    worker.on("error", (cause) => this.#failed(worker, cause.message));
    worker.on("exit", (code) => this.#failed(worker, `a render worker stopped (exit code ${code})`));
    return worker;
  }

  /** A worker that died fails the pass it was rendering; the others go on. */
  #failed(worker: Worker, message: string): void {
    for (const [id, pending] of this.#pending) {
      if (pending.worker !== worker) continue;
      this.#pending.delete(id);
      pending.settle({ id, ok: false, message });
    }
    for (const list of [this.#workers, this.#idle]) {
      const at = list.indexOf(worker);
      if (at !== -1) list.splice(at, 1);
    }
  }
}

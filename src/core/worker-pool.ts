import { extname } from "node:path";
import { fileURLToPath } from "node:url";
import { parentPort, Worker, type Transferable } from "node:worker_threads";

/** The extension of the running modules: .ts under tsx (the tests, the benchmarks' sources), .js compiled. */
export const RUNNING_EXTENSION = extname(fileURLToPath(import.meta.url));

/** A task sent to a worker, and its answer: the value, or the error's messages and where the worker threw it. */
interface TaskMessage {
  readonly id: number;
  readonly task: unknown;
}
type AnswerMessage =
  | { readonly id: number; readonly ok: true; readonly value: unknown }
  | { readonly id: number; readonly ok: false; readonly message: string; readonly stack?: string; readonly system?: SystemFailure };

/** The system error (a full disk, a refused write) behind a worker's error, when there is one: its code and the path it names. */
interface SystemFailure {
  readonly code: string;
  readonly path?: string;
}

/**
 * Starts a worker thread running `module`. Compiled, the module is
 * JavaScript. Under tsx it is TypeScript, and tsx registers its loader in
 * the main thread only (privatenumber/tsx#354): the worker registers it
 * first, from the copy of tsx this code runs with, then imports the module.
 */
function startWorkerModule(module: URL): Worker {
  if (RUNNING_EXTENSION !== ".ts") return new Worker(module);
  const tsx = import.meta.resolve("tsx/esm/api");
  return new Worker(`import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(module.href)}); });`, { eval: true });
}

/**
 * Worker threads running one module, which answers tasks with `answerTasks`.
 * Tasks are queued and handed to the first free worker; workers start when
 * asked (`start`) or when a task finds none. A failed task rejects its
 * promise with the worker's error; a worker that dies fails its task, and
 * the others go on. `close` ends the threads. The tasks and answers cross
 * threads by structured clone (or transfer), so they hold data, not
 * functions.
 */
export class WorkerPool<Task> {
  readonly #module: URL;
  readonly #workers: Worker[] = [];
  readonly #idle: Worker[] = [];
  readonly #queue: { readonly message: TaskMessage; readonly transfer: readonly Transferable[]; readonly settle: (answer: AnswerMessage) => void }[] = [];
  readonly #pending = new Map<number, { readonly worker: Worker; readonly settle: (answer: AnswerMessage) => void }>();
  #nextId = 0;

  constructor(module: URL) {
    this.#module = module;
  }

  /** How many workers are running. */
  get count(): number {
    return this.#workers.length;
  }

  /** Starts workers until `count` run. */
  start(count: number): void {
    while (this.#workers.length < count) this.#idle.push(this.#start());
    this.#dispatch();
  }

  /** Runs a task in the first free worker; `transfer` lists buffers moved to it, not copied. Resolves with its answer. */
  run(task: Task, transfer: readonly Transferable[] = []): Promise<unknown> {
    return new Promise((resolve, reject) => {
      this.#queue.push({
        message: { id: this.#nextId++, task },
        transfer,
        settle: (answer) => (answer.ok ? resolve(answer.value) : reject(workerError(answer.message, answer.stack, answer.system))),
      });
      if (this.#workers.length === 0) this.start(1);
      this.#dispatch();
    });
  }

  /** Ends the workers; a task under way is abandoned. Resolves once every thread has stopped. */
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
      this.#pending.set(next.message.id, { worker, settle: next.settle });
      worker.postMessage(next.message, [...next.transfer]);
    }
  }

  #start(): Worker {
    const worker = startWorkerModule(this.#module);
    this.#workers.push(worker);
    worker.on("message", (answer: AnswerMessage) => {
      const pending = this.#pending.get(answer.id);
      this.#pending.delete(answer.id);
      this.#idle.push(worker);
      pending?.settle(answer);
      this.#dispatch();
    });
    worker.on("error", (cause) => this.#failed(worker, cause.message));
    worker.on("exit", (code) => this.#failed(worker, `a worker thread stopped (exit code ${code})`));
    return worker;
  }

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

/**
 * A worker's error, in this thread: its messages, and where the worker threw
 * it; caused by its system error's code and path, so that a full disk is
 * described as it is when this thread writes.
 */
function workerError(message: string, workerStack: string | undefined, system: SystemFailure | undefined): Error {
  const error = new Error(message, system === undefined ? {} : { cause: system });
  if (workerStack !== undefined) error.stack = `Error: ${message}\n${workerStack}`;
  return error;
}

/**
 * In a worker thread of a WorkerPool: answers each task with what `answer`
 * resolves to, or with the error it rejects with (its message and those of
 * the errors that caused it, and where it was thrown).
 */
export function answerTasks(answer: (task: unknown) => Promise<{ readonly value: unknown; readonly transfer?: readonly Transferable[] }>): void {
  const port = parentPort;
  if (port === null) throw new Error("answerTasks runs in a worker thread started by a WorkerPool");
  port.on("message", ({ id, task }: TaskMessage) => {
    answer(task).then(
      ({ value, transfer = [] }) => port.postMessage({ id, ok: true, value } satisfies AnswerMessage, [...transfer]),
      (cause: unknown) => {
        const system = systemFailureOf(cause);
        port.postMessage({
          id,
          ok: false,
          message: messageChain(cause),
          ...(cause instanceof Error && cause.stack !== undefined ? { stack: framesOf(cause.stack) } : {}),
          ...(system === undefined ? {} : { system }),
        } satisfies AnswerMessage);
      },
    );
  });
}

/** The first error of a chain (see messageChain) that carries a system error's code, with the path it names. */
function systemFailureOf(error: unknown): SystemFailure | undefined {
  for (let current: unknown = error, depth = 0; current instanceof Error && depth < 10; depth += 1) {
    if ("code" in current && typeof current.code === "string" && "syscall" in current) {
      return { code: current.code, ...("path" in current && typeof current.path === "string" ? { path: current.path } : {}) };
    }
    current = "originalError" in current && current.originalError !== undefined ? current.originalError : current.cause;
  }
  return undefined;
}

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

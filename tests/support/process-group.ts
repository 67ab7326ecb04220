import { spawn, type ChildProcess, type SpawnOptions } from "node:child_process";
import { readdir, readFile } from "node:fs/promises";

/**
 * A process started in a process group of its own, together with every
 * process it starts: tsx's and esbuild's services.
 * Signalling only the first process would leave the others running, and
 * writing into folders that are about to be removed; stopping the group
 * and waiting until none of it runs does not.
 */
export interface ProcessGroup {
  readonly child: ChildProcess;
  /** Resolves with the first process's exit code (null when a signal ended it). */
  readonly exited: Promise<number | null>;
  /**
   * Sends `signal` to every process of the group and resolves once none of
   * them is running; the ones left after the grace period are killed (SIGKILL).
   * Calling it again returns the same promise.
   */
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/** How long a stopped group may take by default to exit before it is killed: a busy machine runs exit handlers slowly. */
const GRACE_MS = 15_000;
/** How long SIGKILL may take; a process still running after it is reported. */
const KILL_WAIT_MS = 5_000;

/** Starts `command` as the leader of a new process group. */
export function startProcessGroup(command: string, args: readonly string[], options: SpawnOptions, { graceMs = GRACE_MS } = {}): ProcessGroup {
  const child = spawn(command, args, { ...options, detached: true });
  const group = child.pid;
  if (group === undefined) throw new Error(`${command} could not be started`);
  const exited = new Promise<number | null>((resolve, reject) => {
    child.once("exit", (code) => resolve(code));
    child.once("error", reject);
  });
  // A test process that ends before its cleanup runs (a crash, process.exit) must not leave a server behind.
  const onExit = (): void => signalGroup(group, "SIGKILL");
  process.once("exit", onExit);
  let stopping: Promise<void> | undefined;
  const stop = (signal: NodeJS.Signals = "SIGTERM"): Promise<void> => {
    stopping ??= (async () => {
      signalGroup(group, signal);
      if (!(await waitUntilStopped(group, graceMs))) {
        signalGroup(group, "SIGKILL");
        if (!(await waitUntilStopped(group, KILL_WAIT_MS)))
          throw new Error(`processes ${(await runningMembers(group)).join(", ")} of group ${group} still run after SIGKILL`);
      }
      process.off("exit", onExit);
    })();
    return stopping;
  };
  return { child, exited, stop };
}

function signalGroup(group: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-group, signal);
  } catch (cause) {
    if (!isNoSuchProcess(cause)) throw cause;
  }
}

/** Whether no process of the group runs any more, waiting up to `timeoutMs` for it. */
export async function waitUntilStopped(group: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while ((await runningMembers(group)).length > 0) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return true;
}

/**
 * The processes of a group that still run. A group with only zombies left
 * still answers signals, and zombies stay where the machine's first process
 * does not reap orphans (as in some containers); they write nothing, so on
 * Linux they are told apart through /proc. Elsewhere the group counts as
 * running as long as it answers signals.
 */
export async function runningMembers(group: number): Promise<number[]> {
  try {
    process.kill(-group, 0);
  } catch (cause) {
    if (isNoSuchProcess(cause)) return [];
    throw cause;
  }
  const pids = await readdir("/proc").catch(() => undefined);
  if (pids === undefined) return [group];
  const members = await Promise.all(
    pids
      .filter((name) => /^\d+$/.test(name))
      .map(async (pid) => {
        // "pid (command) state ppid pgrp ...": the command may hold spaces and parentheses, so fields are read after its last ")".
        const stat = await readFile(`/proc/${pid}/stat`, "utf8").catch(() => "");
        const [state, , pgrp] = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
        return Number(pgrp) === group && state !== "Z" && state !== "X" ? [Number(pid)] : [];
      }),
  );
  return members.flat();
}

function isNoSuchProcess(cause: unknown): boolean {
  return cause instanceof Error && "code" in cause && cause.code === "ESRCH";
}

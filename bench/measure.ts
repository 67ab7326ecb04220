import { spawn, spawnSync } from "node:child_process";
import { readFile, readdir } from "node:fs/promises";
import { cpus, totalmem } from "node:os";
import { join } from "node:path";
import { PROJECT_ROOT } from "../src/core/project.ts";

export interface Measurement {
  readonly wallMs: number;
  /** User plus system time of the whole process tree. */
  readonly cpuMs: number;
  /** Largest sum of resident memory of the process tree, sampled every 50 ms. */
  readonly peakRssBytes: number;
  readonly exitCode: number | null;
  /** What the command printed on its standard output. */
  readonly stdout: string;
}

const TICKS_PER_SECOND = 100;
const PAGE_SIZE = 4096;

/** Children's CPU time already reaped by this process (fields cutime and cstime of /proc/self/stat), in ms. */
async function reapedChildrenCpuMs(): Promise<number> {
  const fields = (await readFile("/proc/self/stat", "utf8")).split(") ")[1]?.split(" ") ?? [];
  return ((Number(fields[13]) + Number(fields[14])) / TICKS_PER_SECOND) * 1000;
}

async function treeRssBytes(rootPid: number): Promise<number> {
  let total = 0;
  const pending = [rootPid];
  for (let pid = pending.pop(); pid !== undefined; pid = pending.pop()) {
    try {
      const statm = await readFile(`/proc/${pid}/statm`, "utf8");
      total += Number(statm.split(" ")[1]) * PAGE_SIZE;
      for (const task of await readdir(`/proc/${pid}/task`)) {
        const children = (await readFile(`/proc/${pid}/task/${task}/children`, "utf8")).trim();
        if (children !== "") pending.push(...children.split(" ").map(Number));
      }
    } catch {
      // The process ended between two reads.
    }
  }
  return total;
}

/** Runs a command and measures its wall time, CPU time and peak memory, children included. */
export async function measure(command: string, args: readonly string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): Promise<Measurement> {
  const cpuBefore = await reapedChildrenCpuMs();
  const started = performance.now();
  const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  let peak = 0;
  let running = true;
  const sampler = (async () => {
    while (running && child.pid !== undefined) {
      peak = Math.max(peak, await treeRssBytes(child.pid));
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  })();
  const exitCode = await new Promise<number | null>((resolve) => child.on("close", resolve));
  const wallMs = performance.now() - started;
  running = false;
  await sampler;
  if (exitCode !== 0) throw new Error(`${command} ${args.join(" ")} failed (${exitCode}):\n${stderr.slice(-2000)}`);
  return { wallMs, cpuMs: (await reapedChildrenCpuMs()) - cpuBefore, peakRssBytes: peak, exitCode, stdout };
}

/** The middle value (the mean of the two middle values for an even count). */
export function median(numbers: readonly number[]): number {
  const sorted = [...numbers].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

let compiled = false;

/**
 * Node's arguments to run this project's command, `args` naming the command
 * and its options, as every benchmark runs it: the compiled JavaScript in
 * dist/, as `npm run build` and an installed package run it, compiled again
 * first when src/ changed (`scripts/compile.ts --if-stale`, as `npm run build`
 * does). tsx would add its own start-up and compiling to every figure.
 */
export function ourCommandArgs(args: readonly string[]): string[] {
  if (!compiled) {
    const compile = spawnSync(process.execPath, ["--import", "tsx", join(PROJECT_ROOT, "scripts/compile.ts"), "--if-stale"], {
      cwd: PROJECT_ROOT,
      stdio: ["ignore", "ignore", "inherit"],
    });
    if (compile.status !== 0) throw new Error("scripts/compile.ts failed: the benchmark needs the compiled command (npm run compile says why)");
    compiled = true;
  }
  return [join(PROJECT_ROOT, "dist/cli/main.js"), ...args];
}

/** Node's arguments for a full build of an archive with this project's command, as every benchmark times it. */
export function ourBuildArgs(content: string, output: string, cacheDir: string): string[] {
  return ourCommandArgs(["build", "--content", content, "--output", output, "--cache-dir", cacheDir]);
}

/** The machine the figures were measured on, for a report. */
export function machineDescription(): string {
  return `${cpus().length} cores, ${(totalmem() / 1_073_741_824).toFixed(0)} GiB memory, Node ${process.version}`;
}

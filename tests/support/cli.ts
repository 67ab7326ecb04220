import { spawn, type SpawnOptions, type StdioOptions } from "node:child_process";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { after } from "node:test";
import { parseHTML } from "linkedom";
import { PROJECT_ROOT } from "../../src/core/project.ts";
import { stopBeforeRemovingFolders } from "./archive.ts";
import { startProcessGroup, type ProcessGroup } from "./process-group.ts";

export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface CliProcess {
  /** Run as this user (the tests may run as root, who reads any file). */
  readonly user?: { readonly uid: number; readonly gid: number };
  /**
   * A program and its arguments that run the command (node and its
   * arguments follow them), such as setpriv taking away root's power to
   * read any file.
   */
  readonly wrapper?: readonly string[];
  /** Run under this umask, as a shell with `umask 027` would start it. */
  readonly umask?: number;
}

/**
 * `news-archive ARGV` run straight from Node on the TypeScript sources, as the
 * repository's npm scripts run it: `npm` would add processes of its own
 * between the test and the command. tsx is named by its address, since a
 * package name would be looked for from the current folder.
 */
const commandLine = (argv: readonly string[]): string[] => ["--import", import.meta.resolve("tsx"), join(PROJECT_ROOT, "src/cli/main.ts"), ...argv];

/** Runs `news-archive build ARGS` as a user would (`npm run build -- ARGS`), from the project folder. */
export function runCli(args: readonly string[], env: Readonly<Record<string, string>> = {}, how: CliProcess = {}): Promise<CliRun> {
  return runCommand(["build", ...args], { ...how, env });
}

/** Runs `news-archive import ARGS` as a user would (`npm run import -- ARGS`), from the project folder. */
export function runImportCli(args: readonly string[]): Promise<CliRun> {
  return runCommand(["import", ...args]);
}

export interface CommandOptions extends CliProcess {
  readonly env?: Readonly<Record<string, string>>;
  /** The current folder of the command. Default: the project folder, as npm's scripts run. */
  readonly cwd?: string;
}

/** Runs `news-archive ARGV` (any command) to its end. */
export function runCommand(argv: readonly string[], { env = {}, cwd = PROJECT_ROOT, wrapper = [], user, umask }: CommandOptions = {}): Promise<CliRun> {
  const nodeCommand = [...wrapper, process.execPath, ...commandLine(argv)];
  // spawn cannot set a child's umask: a shell sets it, then becomes the command ("$0") with its arguments.
  const [command = process.execPath, ...commandArgs] =
    umask === undefined ? nodeCommand : ["/bin/sh", "-c", `umask ${umask.toString(8).padStart(3, "0")} && exec "$0" "$@"`, ...nodeCommand];
  return runProgram(command, commandArgs, {
    cwd,
    // An ordinary user has no home of its own here; tsx keeps its cache in the temporary folder.
    env: { ...process.env, ...env, ...(user === undefined ? {} : { HOME: "/tmp" }) },
    ...(user ?? {}),
  });
}

/** Runs a program to its end and collects what it prints. */
export function runProgram(command: string, args: readonly string[], options: Omit<SpawnOptions, "stdio">): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...options, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

/**
 * Starts `news-archive ARGV` and leaves it running (`serve`, or a build to
 * interrupt). It is stopped with every process it started, and waited for,
 * when the test that started it ends, and in any case before the test
 * file's temporary folders are removed.
 */
export function startCli(argv: readonly string[], stdio: StdioOptions = "ignore"): ProcessGroup {
  const started = startProcessGroup(process.execPath, commandLine(argv), { cwd: PROJECT_ROOT, stdio });
  const stop = (): Promise<void> => started.stop();
  // Called inside a test, `after` runs when that test ends, so a server does not outlive its test.
  after(stop);
  stopBeforeRemovingFolders(stop);
  return started;
}

export type Page = ReturnType<typeof parseHTML>["document"];

/** Parses a written page into a DOM document. */
export async function readPage(outputDir: string, path: string): Promise<Page> {
  const html = await readFile(join(outputDir, path), "utf8");
  return parseHTML(html).document;
}

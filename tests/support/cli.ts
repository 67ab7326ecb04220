import { spawn, type StdioOptions } from "node:child_process";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { after } from "node:test";
import { parseHTML } from "linkedom";
import { PROJECT_ROOT } from "../../src/core/project.ts";
import { stopBeforeRemovingFolders } from "./archive.ts";
import { startProcessGroup, type ProcessGroup } from "./process-group.ts";

/** The command line run straight from Node: `npm` would add processes of its own between the test and the build. */
const nodeArgsFor = (script: string, args: readonly string[]): string[] => ["--import", "tsx", join(PROJECT_ROOT, script), ...args];

export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface CliProcess {
  /** Run as this user (the tests may run as root, who reads any file). */
  readonly user?: { readonly uid: number; readonly gid: number };
  /** Run under this umask, as a shell with `umask 027` would start it. */
  readonly umask?: number;
}

/** Runs the build command as a user would (`npm run build -- ARGS`), from the project folder. */
export function runCli(args: readonly string[], env: Readonly<Record<string, string>> = {}, options: CliProcess = {}): Promise<CliRun> {
  return runScript("src/cli/main.ts", args, env, options);
}

/** Runs the import command as a user would (`npm run import -- ARGS`), from the project folder. */
export function runImportCli(args: readonly string[]): Promise<CliRun> {
  return runScript("src/cli/import.ts", args, {}, {});
}

function runScript(script: string, args: readonly string[], env: Readonly<Record<string, string>>, { user, umask }: CliProcess): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const nodeArgs = nodeArgsFor(script, args);
    // spawn cannot set a child's umask: a shell sets it, then becomes node ("$0") with its arguments.
    const [command, commandArgs] =
      umask === undefined ? [process.execPath, nodeArgs] : ["/bin/sh", ["-c", `umask ${umask.toString(8).padStart(3, "0")} && exec "$0" "$@"`, process.execPath, ...nodeArgs]];
    const child = spawn(command, commandArgs, {
      cwd: PROJECT_ROOT,
      // An ordinary user has no home of its own here; tsx keeps its cache in the temporary folder.
      env: { ...process.env, ...env, ...(user === undefined ? {} : { HOME: "/tmp" }) },
      stdio: ["ignore", "pipe", "pipe"],
      ...(user ?? {}),
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

/**
 * Starts the command line and leaves it running (`--serve`, or a build to
 * interrupt). It is stopped with every process it started, and waited for,
 * when the test that started it ends, and in any case before the test
 * file's temporary folders are removed.
 */
export function startCli(args: readonly string[], stdio: StdioOptions = "ignore"): ProcessGroup {
  const started = startProcessGroup(process.execPath, nodeArgsFor("src/cli/main.ts", args), { cwd: PROJECT_ROOT, stdio });
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

import type { RunOptions } from "../pipeline/build.ts";
import type { BuildOptions } from "../pipeline/request.ts";
import type { ServeOptions } from "../pipeline/serve.ts";
import { parseCommandLine, readPort, reportUsageErrors } from "./arguments.ts";
import { BUILD_OPTION_LINES, BUILD_OPTIONS, buildOptionsOf } from "./site-options.ts";

const BUILD_USAGE = `Usage: news-archive build [options]

Builds the archive into a static site. A failed build leaves the previous site as it was.
Exit codes: 0 built; 1 an article is invalid, or nothing to publish; 2 the command was wrong.

${BUILD_OPTION_LINES}
  --check-links        check every internal link, image and script of the written site
  --keep-going         leave invalid articles out, publish the rest and exit 0
                       (a build left with no article to publish still fails)
  --help               this text`;

const SERVE_USAGE = `Usage: news-archive serve [options]

Builds the archive, serves the site on 127.0.0.1 with live reload, and rebuilds the
pages an edit changes. Invalid articles are reported and left out.

${BUILD_OPTION_LINES}
  --port N             the port (default: 8080)
  --help               this text`;

/** `news-archive build`. */
export async function buildCommand(argv: readonly string[]): Promise<number> {
  const line = parseCommandLine(argv, { ...BUILD_OPTIONS, "check-links": { type: "boolean" }, "keep-going": { type: "boolean" } } as const, BUILD_USAGE);
  if (!line.ok) return line.exitCode;
  const asked = buildOptionsOf(line.values, line.values["keep-going"] ?? false);
  if ("problem" in asked) return reportUsageErrors([asked.problem]);
  return build(asked.options, { verbose: line.values.verbose ?? false, checkLinks: line.values["check-links"] ?? false });
}

/** `news-archive serve` (`npm start` in this repository). */
export async function serveCommand(argv: readonly string[]): Promise<number> {
  const line = parseCommandLine(argv, { ...BUILD_OPTIONS, port: { type: "string" } } as const, SERVE_USAGE);
  if (!line.ok) return line.exitCode;
  const asked = buildOptionsOf(line.values, false);
  if ("problem" in asked) return reportUsageErrors([asked.problem]);
  const port = readPort(line.values.port, 8080);
  if ("problem" in port) return reportUsageErrors([port.problem]);
  return serve(asked.options, { port: port.port, verbose: line.values.verbose ?? false });
}

const io = { out: (text: string): void => console.log(text), err: (text: string): void => console.error(text) };

/** Resolves the request, then runs the build; the pipeline is loaded only now, so that --help and wrong options answer at once. */
async function build(options: BuildOptions, run: RunOptions): Promise<number> {
  const { resolveBuildRequest } = await import("../pipeline/request.ts");
  const resolved = await resolveBuildRequest(options);
  if (!resolved.ok) return reportUsageErrors(resolved.errors);
  const { runBuild } = await import("../pipeline/build.ts");
  return runBuild(resolved.request, run, io);
}

/** Resolves the request, then serves; the settings file is read again, with the same options, each time it changes. */
async function serve(options: BuildOptions, run: Omit<ServeOptions, "requestAgain">): Promise<number> {
  const { resolveBuildRequest } = await import("../pipeline/request.ts");
  const resolved = await resolveBuildRequest(options);
  if (!resolved.ok) return reportUsageErrors(resolved.errors);
  const { runServe } = await import("../pipeline/serve.ts");
  return runServe(resolved.request, { ...run, requestAgain: () => resolveBuildRequest(options) }, io);
}

import { relative } from "node:path";
import { Eleventy } from "@11ty/eleventy";
import { setCurrentSiteSource } from "./current-build.ts";
import { replaceRefusal, writeAtomically } from "./output-folder.ts";
import { formatDiagnostics, formatSummary } from "./report.ts";
import { PROJECT_ROOT, type BuildRequest } from "./request.ts";
import { SiteSource } from "./site-source.ts";
import { join } from "node:path";

export interface Console {
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
}

export interface RunOptions {
  readonly serve: boolean;
  readonly port: number;
  readonly verbose: boolean;
}

const ELEVENTY_CONFIG = join(PROJECT_ROOT, ".eleventy.ts");
const LAYOUTS_DIR = join(PROJECT_ROOT, "layouts");

/**
 * Loads and checks the archive, reports every problem, then (unless an error
 * stops it) lets Eleventy render the pages. Returns the process exit code.
 */
export async function runBuild(request: BuildRequest, options: RunOptions, io: Console): Promise<number> {
  const started = performance.now();
  const source = new SiteSource(request);
  setCurrentSiteSource(source);
  const { archive, articlePages } = await source.data();
  const { errors, warnings } = formatDiagnostics(archive.diagnostics, request.shownContentDir, options.verbose);
  warnings.forEach(io.err);
  errors.forEach(io.err);
  const outputShown = relative(process.cwd(), request.outputDir) || ".";
  const summary = (pagesWritten?: number): string[] =>
    formatSummary({
      counts: archive.counts,
      diagnostics: archive.diagnostics,
      outputShown,
      seconds: (performance.now() - started) / 1000,
      ...(pagesWritten === undefined ? {} : { pagesWritten }),
    });

  if (archive.counts.articleFiles === 0) {
    io.err(`${request.shownContentDir}: no articles found (no .md or .markdown files); put your Markdown articles in this folder or give another with --content DIR`);
    return 1;
  }
  if (errors.length > 0 && !request.keepGoing) {
    summary().forEach(io.err);
    io.err(`build failed: ${errors.length} error(s) above; nothing was written and ${outputShown} is unchanged. Fix them, or pass --keep-going to publish the valid articles and leave the invalid ones out.`);
    return 1;
  }

  if (options.serve) {
    const eleventy = new Eleventy(LAYOUTS_DIR, request.outputDir, { configPath: ELEVENTY_CONFIG, quietMode: true, runMode: "serve" });
    await eleventy.watch();
    await eleventy.serve(options.port);
    summary(articlePages.length + 1).forEach(io.out);
    return 0;
  }

  const refusal = await replaceRefusal(request.outputDir);
  if (refusal !== undefined) {
    io.err(refusal);
    return 1;
  }
  await writeAtomically(request.outputDir, async (stagingDir) => {
    const eleventy = new Eleventy(LAYOUTS_DIR, stagingDir, { configPath: ELEVENTY_CONFIG, quietMode: true, runMode: "build" });
    await eleventy.write();
  });
  summary(articlePages.length + 1).forEach(io.out);
  return 0;
}

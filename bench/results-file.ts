// bench/results.md is written by two benchmarks: npm run bench writes the
// comparison with Eleventy at the standard sizes, then npm run bench:scale's
// section (from its heading to the end of the file) follows. Each rewrites
// its own part and keeps the other's.
import { median, type Measurement } from "./measure.ts";

/** The heading that opens npm run bench:scale's section. */
export const SCALE_HEADING = "## Scale";

/** A results file cut in two: npm run bench's part, and the scale section (empty when there is none). */
export function splitResults(file: string): { readonly comparison: string; readonly scale: string } {
  const at = file.startsWith(SCALE_HEADING) ? 0 : file.indexOf(`\n${SCALE_HEADING}`);
  if (at === -1) return { comparison: file, scale: "" };
  const cut = at === 0 ? 0 : at + 1;
  return { comparison: file.slice(0, cut), scale: file.slice(cut) };
}

/** The two parts joined again, a blank line between them. */
export function joinResults(comparison: string, scale: string): string {
  if (scale === "" || comparison === "") return `${comparison}${scale}`;
  return `${comparison.trimEnd()}\n\n${scale.trimEnd()}\n`;
}

/** Our builds, in the order every run makes them. */
export const BUILDS = [
  "news-archive, first build (empty cache, new output)",
  "news-archive, articles cached, new output",
  "news-archive, one article edited (cache and output kept)",
  "news-archive, another article edited then (the output replaced kept too)",
] as const;
export const BASELINE = "Eleventy baseline (article pages only)";

export interface ToolResult {
  readonly tool: string;
  readonly runs: readonly Measurement[];
}

const COLUMNS = [
  "articles",
  "build",
  "wall median (s)",
  "min (s)",
  "max (s)",
  "CPU median (s)",
  "CPU per article (ms)",
  "of which search (s)",
  "peak memory median (MB)",
  "wall ratio to baseline",
  "CPU ratio to baseline",
] as const;

/** The search index's seconds, from the "time:" line of our build's summary; undefined for another tool's output. */
export function searchSecondsOf(stdout: string): number | undefined {
  const match = /^time: .*search index (?:beside them )?(\d+(?:\.\d+)?) s\)/m.exec(stdout);
  return match === null ? undefined : Number(match[1]);
}

/** The figures of one build at one size: medians over the runs. */
interface Figures {
  readonly wallMs: number;
  readonly cpuMs: number;
  readonly ratio?: number;
  readonly cpuRatio?: number;
  readonly searchSeconds?: number;
}

function figuresOf(runs: readonly Measurement[], baseline: ToolResult | undefined): Figures {
  const wallMs = median(runs.map((run) => run.wallMs));
  const cpuMs = median(runs.map((run) => run.cpuMs));
  const searches = runs.flatMap((run) => searchSecondsOf(run.stdout) ?? []);
  return {
    wallMs,
    cpuMs,
    ...(baseline === undefined
      ? {}
      : { ratio: wallMs / median(baseline.runs.map((run) => run.wallMs)), cpuRatio: cpuMs / median(baseline.runs.map((run) => run.cpuMs)) }),
    ...(searches.length === 0 ? {} : { searchSeconds: median(searches) }),
  };
}

/** The comparison table of npm run bench, one row per build and size. */
export function comparisonTable(measured: readonly { readonly articles: number; readonly results: readonly ToolResult[] }[]): string {
  const seconds = (ms: number): string => (ms / 1000).toFixed(2);
  const rows = measured.flatMap(({ articles, results }) => {
    const baseline = results.find((result) => result.tool === BASELINE);
    return results.map(({ tool, runs }) => {
      const figures = figuresOf(runs, baseline);
      const walls = runs.map((run) => run.wallMs);
      const cells = [
        articles.toLocaleString("en"),
        tool,
        seconds(figures.wallMs),
        seconds(Math.min(...walls)),
        seconds(Math.max(...walls)),
        seconds(figures.cpuMs),
        (figures.cpuMs / articles).toFixed(2),
        figures.searchSeconds === undefined ? "" : figures.searchSeconds.toFixed(2),
        (median(runs.map((run) => run.peakRssBytes)) / 1_048_576).toFixed(0),
        figures.ratio === undefined ? "" : figures.ratio.toFixed(2),
        figures.cpuRatio === undefined ? "" : figures.cpuRatio.toFixed(2),
      ];
      return `| ${cells.join(" | ")} |`;
    });
  });
  return [`| ${COLUMNS.join(" | ")} |`, `| ${COLUMNS.map(() => "---").join(" | ")} |`, ...rows].join("\n");
}

/** What a results file recorded for one build at one size. */
export interface RecordedFigures {
  readonly ratio?: number;
  readonly cpuPerArticleMs?: number;
}

/** The figures recorded for `articles` articles in npm run bench's part of a results file, by build. */
export function recordedFigures(comparison: string, articles: number): Map<string, RecordedFigures> {
  const recorded = new Map<string, RecordedFigures>();
  let header: string[] | undefined;
  for (const line of comparison.split("\n")) {
    if (!line.startsWith("|")) {
      header = undefined;
      continue;
    }
    const cells = line
      .slice(1, line.endsWith("|") ? -1 : undefined)
      .split("|")
      .map((cell) => cell.trim());
    if (header === undefined) {
      header = cells;
      continue;
    }
    const cell = (name: string): number | undefined => {
      const at = header?.indexOf(name) ?? -1;
      const value = at === -1 ? "" : (cells[at] ?? "");
      return value === "" || !Number.isFinite(Number(value)) ? undefined : Number(value);
    };
    const size = Number((cells[header.indexOf("articles")] ?? "").replaceAll(",", ""));
    const build = cells[header.indexOf("build")];
    if (size !== articles || build === undefined) continue;
    const cpuSeconds = cell("CPU median (s)");
    const cpuPerArticleMs = cell("CPU per article (ms)") ?? (cpuSeconds === undefined ? undefined : (cpuSeconds * 1000) / articles);
    const ratio = cell("wall ratio to baseline");
    recorded.set(build, { ...(ratio === undefined ? {} : { ratio }), ...(cpuPerArticleMs === undefined ? {} : { cpuPerArticleMs }) });
  }
  return recorded;
}

/** The regression guard's report: each of our builds' ratio and CPU per article, beside what was recorded. */
export function guardLines(articles: number, results: readonly ToolResult[], recorded: ReadonlyMap<string, RecordedFigures>): string[] {
  const baseline = results.find((result) => result.tool === BASELINE);
  const lines = [
    `Against bench/results.md, ${articles.toLocaleString("en")} articles (ratios to the baseline of the same run; CPU per article of the whole process tree):`,
  ];
  for (const { tool, runs } of results) {
    if (!(BUILDS as readonly string[]).includes(tool)) continue;
    const now = figuresOf(runs, baseline);
    const before = recorded.get(tool);
    const was = (value: number | undefined, digits: number, unit = ""): string =>
      value === undefined ? "none recorded" : `recorded ${value.toFixed(digits)}${unit}`;
    lines.push(
      `- ${tool}: ratio ${now.ratio?.toFixed(2) ?? "?"} (${was(before?.ratio, 2)}), CPU ratio ${now.cpuRatio?.toFixed(2) ?? "?"}, CPU per article ${(now.cpuMs / articles).toFixed(2)} ms (${was(before?.cpuPerArticleMs, 2, " ms")})`,
    );
  }
  return lines;
}

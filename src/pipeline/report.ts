import { formatDiagnostic, type Diagnostic } from "../core/diagnostics.ts";
import type { ArchiveCounts } from "../content/load-archive.ts";
import type { TemplateCounts } from "../content/templates.ts";
import type { TemplateOutcome } from "../content/expand-templates.ts";
import type { SearchIndexReport } from "../search/search-index.ts";
import type { OfflineReport } from "../publish/beside-pages.ts";

/** How many problems of one kind are listed before the rest are counted, unless --verbose. */
const LISTED_PER_KIND = 10;

/** Errors in full; warnings by kind, the first few of each listed and the rest counted. */
export function formatDiagnostics(diagnostics: readonly Diagnostic[], shownRoot: string, verbose: boolean): { errors: string[]; warnings: string[] } {
  const errors = diagnostics.filter((item) => item.severity === "error").map((item) => formatDiagnostic(item, shownRoot));
  const warnings: string[] = [];
  const byKind = new Map<string, Diagnostic[]>();
  for (const item of diagnostics) {
    if (item.severity === "warning") byKind.set(item.kind, [...(byKind.get(item.kind) ?? []), item]);
  }
  for (const [kind, items] of byKind) {
    const listed = verbose ? items : items.slice(0, LISTED_PER_KIND);
    warnings.push(...listed.map((item) => formatDiagnostic(item, shownRoot)));
    if (listed.length < items.length) warnings.push(`… and ${items.length - listed.length} more warnings of the kind "${kind}" (--verbose lists them all)`);
  }
  return { errors, warnings };
}

/** "invalid-date: 2, duplicate-url: 1": what the errors were about. */
function countByKind(diagnostics: readonly Diagnostic[], severity: Diagnostic["severity"]): string {
  const counts = new Map<string, number>();
  for (const item of diagnostics) if (item.severity === severity) counts.set(item.kind, (counts.get(item.kind) ?? 0) + 1);
  return [...counts.entries()].map(([kind, count]) => `${kind} ${count}`).join(", ");
}

/**
 * The failure of a build that found article files but would publish none of
 * them (all invalid, all drafts, or both), or undefined when it publishes
 * some. Such a build fails even with --keep-going: it would replace the
 * previous site with one without articles.
 */
export function nothingToPublish(counts: ArchiveCounts, outputShown: string): string | undefined {
  if (counts.articleFiles === 0 || counts.published > 0) return undefined;
  const { articleFiles, invalidLeftOut: invalid, draftsLeftOut: drafts } = counts;
  const why =
    drafts === 0
      ? `all ${articleFiles} article file(s) are invalid (the errors above)`
      : invalid === 0
        ? `all ${articleFiles} article file(s) are drafts, which are left out without --drafts`
        : `the ${articleFiles} article file(s) are ${invalid} invalid one(s) (the errors above) and ${drafts} draft(s), which are left out without --drafts`;
  const todo = [
    ...(invalid > 0 ? ["Fix the errors: --keep-going leaves invalid articles out, but never publishes a site without articles."] : []),
    ...(drafts > 0 ? ['Set "draft: false" in the articles that are ready, or pass --drafts to publish drafts too.'] : []),
  ];
  return `build failed: no article to publish: ${why}; nothing was written and ${outputShown} is unchanged. ${todo.join(" ")}`;
}

interface SummaryFacts {
  readonly counts: ArchiveCounts;
  readonly diagnostics: readonly Diagnostic[];
  /** Pages written; undefined when the build failed and wrote nothing. */
  readonly pagesWritten?: number;
  /** How the pages were written: how many were rendered, by how many worker threads, and how many were the previous build's, unchanged. */
  readonly rendering?: PagesRendering;
  readonly search?: SearchIndexReport & { readonly filters: Readonly<Record<string, number>> };
  readonly offline?: OfflineReport;
  readonly outputShown: string;
  readonly seconds: number;
  /** Where a build's time went: loading and checking the archive, and writing the site: Eleventy's pages and the files beside them, the search index (written while the pages render) included. */
  readonly phases?: { readonly loadSeconds: number; readonly writeSeconds: number };
}

export interface PagesRendering {
  readonly rendered: number;
  readonly workers: number;
  /** Pages whose view and templates are unchanged, linked (or copied) from the previous build's output. */
  readonly reused: number;
}

export function formatSummary(facts: SummaryFacts): string[] {
  const { counts, diagnostics } = facts;
  const errorCount = diagnostics.filter((item) => item.severity === "error").length;
  const warningCount = diagnostics.length - errorCount;
  // A failed build writes nothing: its valid articles are counted, not called published.
  const failed = facts.pagesWritten === undefined;
  const lines = [
    failed
      ? `articles: ${counts.articleFiles} found, none published (the build failed): ${counts.published} valid, ${counts.draftsLeftOut} draft(s) left out, ${counts.invalidLeftOut} invalid`
      : `articles: ${counts.articleFiles} found, ${counts.published} published, ${counts.draftsLeftOut} draft(s) left out, ${counts.invalidLeftOut} invalid left out`,
    `files: ${counts.bundleAssets} page-bundle file(s) ${failed ? "not published" : "published"}, ${counts.skippedFiles} other file(s) skipped with a warning, ${counts.ignoredBySettings} ignored by settings${filesNotes(counts, failed)}`,
    ...migrationLines(counts, failed),
    `problems: ${errorCount} error(s)${errorCount > 0 ? ` (${countByKind(diagnostics, "error")})` : ""}, ${warningCount} warning(s)${warningCount > 0 ? ` (${countByKind(diagnostics, "warning")})` : ""}`,
  ];
  const templates = templatesLine(counts.templates);
  if (templates !== undefined) lines.push(templates);
  lines.push(
    failed
      ? `pages: none written; ${facts.outputShown} is unchanged`
      : `pages: ${facts.pagesWritten} written to ${facts.outputShown}${renderingOf(facts.rendering)}`,
  );
  if (facts.search !== undefined) {
    const { search } = facts;
    const filters = Object.entries(search.filters)
      .map(([name, values]) => `${name} (${values} values)`)
      .join(", ");
    lines.push(
      `search: ${search.pagesIndexed} pages indexed, filters ${filters}, index ${megabytes(search.bytesOnDisk)} in ${search.files} files${search.periods > 1 ? ` (${search.periods} periods)` : ""}${search.filesReused > 0 ? `, ${search.filesReused} unchanged and kept` : ""}, ${search.seconds.toFixed(2)} s (${search.cpuSeconds === undefined ? "made in a worker thread" : `processor ${search.cpuSeconds.toFixed(2)} s`})`,
    );
  }
  const offline = facts.offline;
  if (offline?.kind === "service-worker") {
    const whole = `the whole archive (${offline.archiveFiles} files, ${megabytes(offline.archiveBytes)})`;
    lines.push(
      `offline: a service worker saves ${offline.savedFiles} files (${megabytes(offline.savedBytes)}) on a reader's first visit, then the pages the reader opens and the parts of the search index searches load; ${
        offline.archiveBytes <= offline.firstVisitBytes
          ? `${whole} on a first visit too, unless the reader's connection is metered or saving data`
          : `${whole} when the reader asks`
      }`,
    );
  }
  if (offline?.kind === "portable") {
    lines.push("offline: portable site, opened from disk: no service worker; the search index loads as scripts");
  }
  const { phases } = facts;
  const searchSeconds = (facts.search?.seconds ?? 0).toFixed(2);
  // An index made in a worker thread was made while the pages were planned and written: not a part of their time.
  const searchPart =
    facts.search !== undefined && facts.search.cpuSeconds === undefined
      ? `; search index beside them ${searchSeconds} s`
      : `, of which search index ${searchSeconds} s`;
  lines.push(
    phases === undefined
      ? `time: ${facts.seconds.toFixed(2)} s`
      : `time: ${facts.seconds.toFixed(2)} s (loading and checking ${phases.loadSeconds.toFixed(2)} s, pages and files ${phases.writeSeconds.toFixed(2)} s${searchPart})`,
  );
  return lines;
}

/** " (12 rendered by 1 worker thread, 8,267 unchanged, kept from the previous build)". */
function renderingOf(rendering: PagesRendering | undefined): string {
  if (rendering === undefined) return "";
  const { rendered, workers, reused } = rendering;
  const by = rendered === 0 ? "none rendered" : `${rendered} rendered by ${workers} worker thread${workers === 1 ? "" : "s"}`;
  return ` (${by}${reused > 0 ? `, ${reused} unchanged, kept from the previous build` : ""})`;
}

/** The static files and skipped READMEs, after the files line's usual counts, when there are any. */
function filesNotes(counts: ArchiveCounts, failed: boolean): string {
  const notes = [
    ...(counts.staticFiles > 0 ? [`${counts.staticFiles} static file(s) ${failed ? "not published" : "published as they are"}`] : []),
    ...(counts.readmes > 0 ? [`${counts.readmes} README(s) without front matter skipped (a folder's notes)`] : []),
  ];
  return notes.map((note) => `, ${note}`).join("");
}

/** Site pages, redirect stubs, and the links in bodies that named old addresses: the lines of an archive moved from another tool, when it has them. */
function migrationLines(counts: ArchiveCounts, failed: boolean): string[] {
  const lines: string[] = [];
  const redirects = [
    ...(counts.stubs > 0 ? [`${counts.stubs} redirect stub(s) (redirect, redirect_to)`] : []),
    ...(counts.settingsRedirects > 0 ? [`${counts.settingsRedirects} from the "redirects" setting`] : []),
  ];
  if (counts.pages > 0 || redirects.length > 0) {
    const pages = counts.pages > 0 ? [`${counts.pages} page(s) of the site from undated files ${failed ? "valid" : "published"}`] : [];
    lines.push(`pages and redirects: ${[...pages, ...redirects].join(", ")}`);
  }
  const { rewritten, unmatched } = counts.links;
  if (rewritten > 0 || unmatched > 0) {
    lines.push(
      `links: ${rewritten} link(s) naming an old address now lead to the article's, ${unmatched} look internal but lead nowhere in the archive${unmatched > 0 ? " (see the warning)" : ""}`,
    );
  }
  return lines;
}

const RENDERED_TEMPLATES: readonly (readonly [Exclude<TemplateOutcome, "text">, string])[] = [
  ["image", "image(s)"],
  ["video-link", "video link(s)"],
  ["article-link", "article link(s)"],
  ["code-block", "code block(s)"],
  ["site-url", "site address(es) dropped before a path"],
  ["as-written", "printed as written"],
  ["mapped", "as the shortcodes file says"],
];

/** How many of the unmapped names the summary shows. */
const SHOWN_UNMAPPED = 8;

/** "templates: 332 call(s) in 123 article(s); rendered: 177 image(s), 13 video link(s), 1 code block(s); 141 left as text with a warning". */
function templatesLine(templates: TemplateCounts): string | undefined {
  if (templates.articles === 0) return undefined;
  const rendered = RENDERED_TEMPLATES.filter(([outcome]) => templates[outcome] > 0).map(([outcome, label]) => `${templates[outcome]} ${label}`);
  const calls = RENDERED_TEMPLATES.reduce((sum, [outcome]) => sum + templates[outcome], templates.text);
  const unmapped = Object.entries(templates.unmapped).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const names = unmapped
    .slice(0, SHOWN_UNMAPPED)
    .map(([name, count]) => `${name} ${count}`)
    .join(", ");
  const more = unmapped.length > SHOWN_UNMAPPED ? `, and ${unmapped.length - SHOWN_UNMAPPED} more` : "";
  return `templates: ${calls} call(s) in ${templates.articles} article(s); rendered: ${rendered.length === 0 ? "none" : rendered.join(", ")}; ${templates.text} left as text with a warning${unmapped.length === 0 ? "" : ` (unmapped: ${names}${more})`}`;
}

/** Bytes as decimal megabytes, as the offline budget is set: "0.39 MB". */
export function megabytes(bytes: number): string {
  return `${(bytes / 1_000_000).toFixed(2)} MB`;
}

/** What a file system's refusal means, and what to do about it. */
const WRITE_FAILURES: Readonly<Record<string, string>> = {
  ENOSPC: "the disk is full; free some space (a build needs room for the new site beside the old one) and build again",
  EDQUOT: "the disk quota is used up; free some space and build again",
  EROFS: "the file system is read-only; give an output folder on a writable one",
  EACCES: "permission was denied; give the folder to the user who builds, or give another output folder",
  EPERM: "the operation was not permitted; give the folder to the user who builds, or give another output folder",
  EIO: "the disk failed to read or write; check it, then build again",
};

/**
 * A failure to write the site (a full disk, a read-only file system) in a
 * sentence naming the file and what to do, or undefined for any other failure.
 * The file system's error may be wrapped, by Eleventy among others.
 */
export function describeWriteFailure(failure: unknown, outputShown: string): string | undefined {
  for (let cause = failure, depth = 0; typeof cause === "object" && cause !== null && depth < 10; depth += 1) {
    const code = "code" in cause && typeof cause.code === "string" ? cause.code : undefined;
    const advice = code === undefined ? undefined : WRITE_FAILURES[code];
    if (advice !== undefined) {
      const path = "dest" in cause && typeof cause.dest === "string" ? cause.dest : "path" in cause && typeof cause.path === "string" ? cause.path : undefined;
      return `${path ?? outputShown} could not be written (${code}): ${advice}`;
    }
    cause = "originalError" in cause ? cause.originalError : "cause" in cause ? cause.cause : undefined;
  }
  return undefined;
}

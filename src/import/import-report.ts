import type { ImportedArticle } from "./imported-article.ts";
import type { SettingsUpdate } from "./settings-file.ts";
import type { ImportPlan } from "./import-plan.ts";
import type { MissingMedia, WriteOutcome } from "./write-articles.ts";

interface ReportContext {
  /** The source as the user named it, for `file:line` in warnings. */
  readonly source: string;
  /** The content folder as the user named it. */
  readonly contentDir: string;
  readonly uploadsGiven: boolean;
  /** Warnings about files of the uploads copy that were not copied: links leading outside it. */
  readonly refusedUploads: readonly string[];
  readonly verbose: boolean;
  readonly elapsedMs: number;
}

/** How many media lines and warnings are shown without --verbose. */
const SHOWN = 10;

/** The import's report: what the source held, what was written, skipped, copied and missed, and what was converted imperfectly. */
export function formatImportReport(plan: ImportPlan, outcome: WriteOutcome, settings: SettingsUpdate, context: ReportContext): string[] {
  const drafts = plan.articles.filter((article) => article.frontMatter.draft === true);
  const lines = [
    `Imported ${plan.description} into ${context.contentDir} in ${(context.elapsedMs / 1000).toFixed(1)} s`,
    `Items: ${total(plan.items)} (${listCounts(plan.items)})`,
    `Articles: ${plan.articles.length}: ${outcome.written.length - outcome.replaced} new, ${outcome.replaced} replaced, ${outcome.unchanged} unchanged, ${outcome.kept.length} kept as they were${outcome.kept.length > 0 ? " (they differ from the import; --overwrite replaces them)" : ""}`,
    `Drafts: ${drafts.length}${drafts.length === 0 ? "" : ` (${listCounts(countBy(drafts, (article) => article.frontMatter.status ?? "password-protected"))}), imported with draft: true`}`,
    `Skipped: ${plan.skipped.size === 0 ? "nothing" : listCounts(plan.skipped)}`,
    `Comments: ${plan.comments} not imported (the archive publishes no comments)`,
    ...mediaLines(outcome, context),
    `Time zone: ${plan.zone.zone ?? "not known"} (${plan.zone.why})${alternatives(plan)}; ${settings.line}`,
    ...unsafeLines(plan.articles),
    ...conversionLines(plan.articles),
  ];
  const warnings = [
    ...(plan.notices ?? []).map((notice) => `${context.source}: warning: ${notice}`),
    ...(settings.warning === undefined ? [] : [`${context.contentDir}: warning: ${settings.warning}`]),
    ...context.refusedUploads,
    ...warningLines(plan.articles, context),
    ...[...outcome.failures, ...(settings.failure === undefined ? [] : [settings.failure])].map((failure) => `error: ${failure}`),
  ];
  if (warnings.length > 0) lines.push(`Warnings (${warnings.length}):`, ...shown(warnings, context.verbose).map((line) => `  ${line}`));
  return lines;
}

function mediaLines(outcome: WriteOutcome, context: ReportContext): string[] {
  // Each file once, with the first article that uses it.
  const firstUse = new Map<string, MissingMedia>();
  for (const entry of outcome.mediaMissing) if (!firstUse.has(entry.file.url)) firstUse.set(entry.file.url, entry);
  const missing = [...firstUse.values()];
  const listed = shown(
    missing.map((entry) => `${entry.file.url} (${entry.article})`),
    context.verbose,
  ).map((line) => `  ${line}`);
  if (!context.uploadsGiven) {
    if (missing.length === 0) return ["Media: the articles use no file of the old site's uploads"];
    return [
      `Media: ${missing.length} file(s) of the old site's uploads are still linked at their old address (give --uploads with a copy of wp-content/uploads to copy them beside the articles):`,
      ...listed,
    ];
  }
  const head = `Media: ${outcome.mediaCopied} copied beside their articles, ${outcome.mediaUnchanged} already there, ${missing.length} not found in the uploads folder`;
  return missing.length === 0 ? [head] : [`${head} (still linked at their old address):`, ...listed];
}

/** What would have run in a reader's browser, removed: how much of it, and in how many articles. */
function unsafeLines(articles: readonly ImportedArticle[]): string[] {
  const removed = sum(articles, (article) => article.notes.removedAsUnsafe);
  if (removed.size === 0) return [];
  const touched = articles.filter((article) => article.notes.removedAsUnsafe.size > 0).length;
  return [`Removed as unsafe (content from another site runs nothing in the archive): ${listCounts(removed)}, in ${touched} article(s)`];
}

function conversionLines(articles: readonly ImportedArticle[]): string[] {
  const kept = sum(articles, (article) => article.notes.keptAsHtml);
  const dropped = sum(articles, (article) => article.notes.droppedBlocks);
  const shortcodes = sum(articles, (article) => article.notes.unknownShortcodes);
  const lines = [
    kept.size === 0 ? "" : `  kept as HTML, having no Markdown form: ${listCounts(kept)}`,
    dropped.size === 0
      ? ""
      : `  dynamic blocks dropped, having no content of their own (WordPress drew them from the site when a page was shown): ${listCounts(dropped)}`,
    shortcodes.size === 0 ? "" : `  shortcodes of plugins left as written: ${listCounts(shortcodes)}`,
  ].filter((line) => line !== "");
  return lines.length === 0 ? [] : ["Converted imperfectly:", ...lines];
}

function warningLines(articles: readonly ImportedArticle[], context: ReportContext): string[] {
  return articles.flatMap((article) =>
    article.warnings.map(
      (warning) => `${context.source}${article.line === undefined ? "" : `:${article.line}`}: warning: "${article.frontMatter.title}" ${warning}`,
    ),
  );
}

/** The counts of all articles added up, by name. */
function sum(articles: readonly ImportedArticle[], pick: (article: ImportedArticle) => ReadonlyMap<string, number>): Map<string, number> {
  const totals = new Map<string, number>();
  for (const article of articles) for (const [name, count] of pick(article)) totals.set(name, (totals.get(name) ?? 0) + count);
  return totals;
}

function alternatives(plan: ImportPlan): string {
  if (plan.zone.zone === undefined || plan.zone.alternatives.length === 0) return "";
  const others = plan.zone.alternatives;
  return `; ${others.length} other zone(s) fit as well, e.g. ${others.slice(0, 3).join(", ")}`;
}

function shown(lines: readonly string[], verbose: boolean): string[] {
  if (verbose || lines.length <= SHOWN) return [...lines];
  return [...lines.slice(0, SHOWN), `... and ${lines.length - SHOWN} more (--verbose lists them all)`];
}

function countBy<T>(values: readonly T[], key: (value: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(key(value), (counts.get(key(value)) ?? 0) + 1);
  return counts;
}

function total(counts: ReadonlyMap<string, number>): number {
  return [...counts.values()].reduce((sum, count) => sum + count, 0);
}

function listCounts(counts: ReadonlyMap<string, number>): string {
  return [...counts]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([name, count]) => `${name} ${count}`)
    .join(", ");
}

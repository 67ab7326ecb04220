// The build's search step: assembles the global index from the articles'
// records (index-build.ts) and writes its files (index-write.ts) into the
// output's search-index/ folder, compressed; a portable build's as classic
// scripts, which a page opened from disk can load; what the output being
// replaced already has is linked from it (index-sinks.ts).
import { existsSync } from "node:fs";
import { join } from "node:path";
import type { FileInFolder } from "../core/files.ts";
import { pathFromRoot } from "../core/urls.ts";
import { loadStemmer } from "../text/stemmers.ts";
import { buildIndex, periodRanges, type ArticleToIndex, type BuiltIndex } from "./index-build.ts";
import { FolderSink, MemorySink, type FolderShare, type MadePart } from "./index-sinks.ts";
import {
  periodFolderName,
  periodsToWrite,
  writeEntry,
  writePeriods,
  writeTermFiles,
  type IndexSink,
  type PeriodToWrite,
  type WrittenPeriods,
} from "./index-write.ts";
import { foldedMonthNames } from "./query.browser.ts";

/** The index's folder in the output folder. */
export const SEARCH_INDEX_DIR = pathFromRoot({ kind: "search-index" }).slice(0, -1);

export interface SearchIndexRequest {
  /** The articles to search, oldest first (drafts left out). */
  readonly articles: readonly ArticleToIndex[];
  /** The categories in the site's order. */
  readonly categories: readonly string[];
  /** For each month, January first, its names in the site's language (long, then short). */
  readonly monthNames: readonly (readonly string[])[];
  /** The most articles a period holds: the unit in which fragments are written, kept and saved (periods.ts). */
  readonly periodArticles: number;
  /** Write the files as classic scripts, for a site opened from disk. */
  readonly portable: boolean;
  /** The script of each language's stemmer, from the site's root: a theme file (render/theme.ts). */
  readonly stemmerScripts: ReadonlyMap<string, string>;
  /** The output folder being replaced (or written into, under npm start), whose unchanged files are kept. */
  readonly previousOutputDir?: string;
  /** The folder written into holds an earlier build's index, which an output an earlier build replaced does (FolderSink). */
  readonly outputHoldsIndex?: boolean;
}

export interface SearchIndexReport {
  readonly pagesIndexed: number;
  readonly periods: number;
  readonly filesWritten: number;
  /** Taken from the output being replaced, unchanged. */
  readonly filesReused: number;
  readonly files: number;
  readonly bytesOnDisk: number;
  /** Every file of the index folder, with its size, its path from the folder. */
  readonly listing: readonly FileInFolder[];
  readonly seconds: number;
  /** The step's processor time (user and system), of the whole process while it ran (its threads' too); undefined when it was made in a worker thread. */
  readonly cpuSeconds: number | undefined;
}

/**
 * A period whose folder an earlier index has (the previous output's, or the
 * folder written into): kept by its name, its documents not sent along.
 */
interface KeptPeriod extends Pick<PeriodToWrite, "first" | "label"> {
  readonly folder: string;
  readonly files: number;
}

/** Periods' folders of fragments to write into the index's folder, or to keep, each with a sink of its own (writePeriodFolders). */
export interface PeriodsJob {
  readonly indexDir: string;
  readonly previousIndexDir: string | undefined;
  readonly portable: boolean;
  readonly holdsEarlier: boolean;
  readonly periods: readonly (PeriodToWrite | KeptPeriod)[];
}

/** A period's folder written: what the entry lists of it, and the files its sink wrote or kept, for the index folder's sink (FolderSink.adopt). */
export interface PeriodFolderWritten {
  readonly written: WrittenPeriods;
  readonly files: FolderShare;
}

/** Writes periods' folders elsewhere (in other threads), as writePeriodFolders would here, in the same order. */
export type PeriodsWriter = (job: PeriodsJob) => Promise<readonly (PeriodFolderWritten | undefined)[]>;

/**
 * Writes each period's folder of fragments and texts (or keeps the previous
 * build's) into the index's folder; undefined for a period to keep whose
 * folder is gone since it was named (its documents are not here).
 */
export function writePeriodFolders(job: PeriodsJob): (PeriodFolderWritten | undefined)[] {
  return job.periods.map((period) => {
    const sink = new FolderSink(job.indexDir, job.previousIndexDir, job.portable, job.holdsEarlier);
    if (!("folder" in period)) return { written: writePeriods([period], sink), files: sink.share() };
    if (!sink.reuseFolder(period.folder, period.files)) return undefined;
    const { first, folder, label } = period;
    return { written: { periods: [{ first, folder, label }], written: 0, reused: period.files }, files: sink.share() };
  });
}

/**
 * A job's periods in `parts` jobs (fewer when it has fewer periods) of about
 * as many documents each, in order: what each of `parts` threads writes.
 */
export function splitPeriodsJob(job: PeriodsJob, parts: number): PeriodsJob[] {
  // A kept period's documents are its files, two each, to link.
  const documentsOf = (period: PeriodsJob["periods"][number]): number => ("folder" in period ? period.files / 2 : period.documents.length);
  const total = job.periods.reduce((sum, period) => sum + documentsOf(period), 0);
  const groups = Array.from({ length: parts }, (): PeriodsJob["periods"][number][] => []);
  let done = 0;
  for (const period of job.periods) {
    // A period goes to the part its middle document falls in.
    const part = Math.min(parts - 1, Math.floor(((done + documentsOf(period) / 2) * parts) / Math.max(1, total)));
    done += documentsOf(period);
    groups[part]?.push(period);
  }
  return groups.filter((periods) => periods.length > 0).map((periods) => ({ ...job, periods }));
}

/**
 * Builds and writes the search index of the articles into `outputDir`. Each
 * period's folder is written apart (writePeriodFolders): by `elsewhere`, in
 * other threads, while this one builds and writes the terms' files (at
 * 30,000 articles the fragments and texts were 7.6 s of an 18 s step), or
 * here after them.
 */
export async function writeSearchIndex(outputDir: string, request: SearchIndexRequest, elsewhere?: PeriodsWriter): Promise<SearchIndexReport> {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const [indexDir, previousIndexDir, holdsEarlier] = [join(outputDir, SEARCH_INDEX_DIR), previousIndexDirOf(request), request.outputHoldsIndex === true];
  const sink = new FolderSink(indexDir, previousIndexDir, request.portable, holdsEarlier);
  const folderOf = { indexDir, previousIndexDir, portable: request.portable, holdsEarlier };
  const periods = periodsToWrite(request.articles, periodRanges(request.articles, request.periodArticles));
  // Where an earlier index has a period's folder, it is sent by its name alone: an edit sends the other thread one
  // period's documents, not the whole archive's (at 100,000 articles, 0.8 GB more while the index is written).
  const earlier = holdsEarlier || (previousIndexDir !== undefined && existsSync(previousIndexDir));
  const job: PeriodsJob = { ...folderOf, periods: earlier ? periods.map((period) => keptElseWhole(period, sink)) : periods };
  const writtenElsewhere = elsewhere?.(job);
  // Awaited once the terms' files are written; a failure meanwhile is not left unhandled.
  writtenElsewhere?.catch(() => undefined);
  let made: Awaited<ReturnType<typeof assembleIndex>>;
  try {
    made = await assembleIndex(request, sink, async () => {
      const written = writtenElsewhere === undefined ? writePeriodFolders(job) : await writtenElsewhere;
      // A folder gone since it was named (another build's?) is written here from the documents.
      const folders = written.map((folder, at) => folder ?? writePeriodFolders({ ...folderOf, periods: [periods[at] as PeriodToWrite] })[0]);
      return adoptPeriods(sink, folders);
    });
  } catch (cause) {
    // The other threads are done before the build fails and removes the folder they write into.
    await writtenElsewhere?.catch(() => undefined);
    throw cause;
  }
  sink.removeOthers();
  const used = process.cpuUsage(cpu);
  return {
    ...made,
    ...filesCounted(made, sink),
    files: sink.files,
    bytesOnDisk: sink.bytes,
    listing: sink.listing,
    seconds: (performance.now() - started) / 1000,
    cpuSeconds: (used.user + used.system) / 1e6,
  };
}

/**
 * The search index's files made in memory, compressed, to be put into an
 * output folder later (putSearchIndex): what a worker thread makes while the
 * main thread plans the pages. Those the output being replaced has are named, not held.
 */
export interface MadeSearchIndex extends Pick<SearchIndexReport, "pagesIndexed" | "periods" | "filesWritten" | "filesReused"> {
  readonly parts: readonly MadePart[];
  /** How long making it took, where it was made. */
  readonly seconds: number;
}

/** Makes the search index's files in memory (see MadeSearchIndex). */
export async function makeSearchIndex(request: SearchIndexRequest): Promise<MadeSearchIndex> {
  const started = performance.now();
  const sink = new MemorySink(previousIndexDirOf(request), request.portable);
  const made = await assembleIndex(request, sink, async (built) => writePeriods(periodsToWrite(request.articles, built.periods), sink));
  return { ...made, parts: sink.parts, seconds: (performance.now() - started) / 1000 };
}

/** Puts an index made in memory (makeSearchIndex, of the same request) into `outputDir`; its report counts the making's time, not its processor's. */
export function putSearchIndex(outputDir: string, request: SearchIndexRequest, made: MadeSearchIndex): SearchIndexReport {
  const started = performance.now();
  const sink = new FolderSink(join(outputDir, SEARCH_INDEX_DIR), previousIndexDirOf(request), request.portable, request.outputHoldsIndex);
  for (const part of made.parts) {
    if (part.kind === "file") sink.put(part.path, part.content);
    else if (part.kind === "kept") sink.reuse(part.path);
    else sink.reuseFolder(part.folder, part.files);
  }
  sink.removeOthers();
  return {
    pagesIndexed: made.pagesIndexed,
    periods: made.periods,
    ...filesCounted(made, sink),
    files: sink.files,
    bytesOnDisk: sink.bytes,
    listing: sink.listing,
    seconds: made.seconds + (performance.now() - started) / 1000,
    cpuSeconds: undefined,
  };
}

/** The files written and reused, those of new period folders the sink linked from the previous output counted as reused. */
function filesCounted(
  made: Pick<SearchIndexReport, "filesWritten" | "filesReused">,
  sink: FolderSink,
): Pick<SearchIndexReport, "filesWritten" | "filesReused"> {
  return { filesWritten: made.filesWritten - sink.linked, filesReused: made.filesReused + sink.linked };
}

/** Builds the index of the request's articles and writes its files into `sink`: its terms', its periods' (`periodsOf`), then its entry. */
async function assembleIndex(
  request: SearchIndexRequest,
  sink: IndexSink,
  periodsOf: (built: BuiltIndex) => Promise<WrittenPeriods>,
): Promise<Pick<SearchIndexReport, "pagesIndexed" | "periods" | "filesWritten" | "filesReused">> {
  const languages = [...new Set(request.articles.map((article) => article.record.language))];
  const stemmers = new Map(await Promise.all(languages.map(async (language) => [language, await loadStemmer(language)] as const)));
  const built = buildIndex({
    articles: request.articles,
    categories: request.categories,
    monthNames: request.monthNames,
    periodArticles: request.periodArticles,
    stemmers,
  });
  const terms = writeTermFiles(built, sink);
  const written = writeEntry(built, terms, await periodsOf(built), sink, request.stemmerScripts, foldedMonthNames(request.monthNames));
  return { pagesIndexed: built.documents, periods: written.entry.periods.length, filesWritten: written.written, filesReused: written.reused };
}

/** Counts the periods' folders, in order, as written by `sink` (FolderSink.adopt): what the entry lists of them. */
function adoptPeriods(sink: FolderSink, folders: readonly (PeriodFolderWritten | undefined)[]): WrittenPeriods {
  const written = folders.map((folder) => {
    if (folder === undefined) throw new Error("the search index's periods were written fewer than asked; this is a fault of news-archive, please report it");
    sink.adopt(folder.files);
    return folder.written;
  });
  return {
    periods: written.flatMap((period) => period.periods),
    written: written.reduce((sum, period) => sum + period.written, 0),
    reused: written.reduce((sum, period) => sum + period.reused, 0),
  };
}

/** A period as a job sends it: by its folder's name when the earlier index `sink` sees has it, else whole. */
function keptElseWhole(period: PeriodToWrite, sink: FolderSink): PeriodToWrite | KeptPeriod {
  const folder = periodFolderName(period);
  const files = 2 * period.documents.length;
  return sink.hasFolder(folder, files) ? { first: period.first, label: period.label, folder, files } : period;
}

/** The index's folder in the output being replaced, when there is one. */
function previousIndexDirOf(request: SearchIndexRequest): string | undefined {
  return request.previousOutputDir === undefined ? undefined : join(request.previousOutputDir, SEARCH_INDEX_DIR);
}

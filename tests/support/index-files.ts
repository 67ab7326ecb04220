// The search index's files written in one go, into one sink, as the index
// made in memory writes them (search-index.ts): its terms', its periods',
// then its entry.
import type { ArticleToIndex, BuiltIndex } from "../../src/search/index-build.ts";
import { periodsToWrite, writeEntry, writePeriods, writeTermFiles, type IndexSink } from "../../src/search/index-write.ts";

/** Writes the index `built` was made of `articles` (in the same order) into `sink`. */
export function writeIndex(
  built: BuiltIndex,
  articles: readonly ArticleToIndex[],
  sink: IndexSink,
  stemmerScripts: ReadonlyMap<string, string>,
  monthNames: readonly (readonly string[])[],
): ReturnType<typeof writeEntry> {
  const terms = writeTermFiles(built, sink);
  return writeEntry(built, terms, writePeriods(periodsToWrite(articles, built.periods), sink), sink, stemmerScripts, monthNames);
}

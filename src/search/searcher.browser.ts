// A search over the global index: one ranking over the whole archive, however
// many periods it has. The articles found are known exactly from the terms'
// sets (so the total and the count of each filter value are exact), and the
// best come from the ranker (ranker.ts), reading only what they need; "Show
// more" asks the same ranking for more. The same code runs in the reader's
// browser (hosted or opened from disk) and in Node.
import { DocSet } from "./doc-sets.browser.ts";
import type { IndexEntry } from "./index-format.browser.ts";
import type { DictionaryEntry } from "./dictionary.browser.ts";
import type { IndexReader } from "./index-reader.browser.ts";
import { parseQuery, type ParsedQuery, type QueryDate } from "./query.browser.ts";
import { Ranker, type ListToRank } from "./ranker.browser.ts";
import { ORDERING, refineFirstResults } from "./ranking.browser.ts";
import { ResultParts, type FoundArticle, type UnshownArticle } from "./shown.browser.ts";
import { extensionShare, inverseDocumentFrequency } from "./scoring.browser.ts";
import { closestWord } from "./suggest.browser.ts";
import { stemsOfWord } from "./first-files.browser.ts";
import { isNumberTerm } from "../text/numbers.browser.ts";

export interface SearchRequest {
  readonly query: string;
  /** A category's name, or "" for all. */
  readonly category: string;
  /** A year, or "" for all. */
  readonly year: string;
  readonly sort: "relevance" | "newest";
}

/** How many found articles each filter value would leave. */
interface Facets {
  readonly categories: readonly (readonly [name: string, found: number])[];
  readonly years: readonly (readonly [year: number, found: number])[];
}

export interface SearchOutcome {
  /** Every article found, exactly, within the filters. */
  readonly count: number;
  readonly query: ParsedQuery;
  /** Words of the query no article holds, passed over (the others were searched). */
  readonly missing: readonly string[];
  /** The next `count` results, in the one order over the whole archive. */
  next(count: number): Promise<(FoundArticle | UnshownArticle)[]>;
  facets(): Promise<Facets>;
  /** A query of the archive's own words close to this one that finds articles, when a word was missing or nothing was found. */
  suggestion(): Promise<string | undefined>;
}

/** A query word as looked up: the terms it stands for, and the articles holding any. */
interface LookedUp {
  readonly written: string;
  readonly terms: readonly { readonly entry: DictionaryEntry; readonly share: number }[];
  readonly docs: DocSet;
  /** Found only as a shorter word it starts with ("electrik" as "electr"): perhaps misspelt. */
  readonly approximate: boolean;
}

/** Searches the index for what a request asks. Rejects with IndexPartUnavailable when a part it needs cannot be loaded. */
export async function search(reader: IndexReader, request: SearchRequest): Promise<SearchOutcome> {
  const entry = await reader.entry();
  const query = parseQuery(request.query, entry.months);
  const stemsOf = await stemmingOf(reader, query);
  // Common words that meet are ranked from deep in their blocks, asked for with their shards (newest first reads none).
  if (request.sort === "relevance") await reader.askBlocksTogether(query.words.flatMap((word) => stemsOf(word.term, word.number)));
  // The pairs of the query's words are asked for with its words' shards, not after them: the ranking needs both.
  const together = request.sort === "newest" ? Promise.resolve([]) : togetherSets(reader, entry, query, stemsOf);
  // Awaited by the ranking, if the search gets that far; a failure then is the ranking's.
  together.catch(() => undefined);
  const found = await findAll(reader, entry, query, stemsOf);
  const filters = await filterSets(reader, entry, request);
  const within = found.docs.and(filters.category).and(filters.year);
  const docs = within.docs();
  const count = docs.length;
  const matched = found.words.filter((word) => word.terms.length > 0);
  const marks = [...new Set([...query.words.map((word) => word.term), ...matched.flatMap((word) => word.terms.map((term) => term.entry.term))])];
  const idfs = matched.map((word) => inverseDocumentFrequency(entry.documents, word.docs.count()));
  const parts = new ResultParts(reader, marks);
  const show = (doc: number): Promise<FoundArticle | UnshownArticle> => parts.show(doc, yearOf(entry, doc));
  let ranker: Promise<Ranker> | undefined;
  /** The first results once given their second look (ranking.ts), which later pages follow. */
  let firstPage: number[] | undefined;
  /** The found articles in order, as far as asked. */
  const inOrder = async (upTo: number): Promise<number[]> => {
    if (request.sort === "newest") return Array.from(docs.subarray(Math.max(count - upTo, 0)).reverse());
    ranker ??= together.then((sets) =>
      Ranker.create(
        reader,
        docs,
        matched.flatMap((word, at): ListToRank[] => word.terms.map(({ entry: term, share }) => ({ word: at, idf: idfs[at] ?? 0, share, entry: term }))),
        idfs,
        togetherFactors(sets, docs),
      ),
    );
    const best = await (await ranker).best(Math.max(upTo, Math.min(ORDERING.firstResults, count)));
    if (firstPage === undefined) {
      const firstHits = best.slice(0, ORDERING.firstResults);
      const asked = firstHits.map((hit) => parts.fragment(hit.doc));
      // Their texts are asked for with the fragments the second look reads, not after it: each may arrive before the others.
      parts.askTexts(firstHits.map((hit) => hit.doc));
      const first = await Promise.all(firstHits.map(async (hit, at) => ({ ...hit, fragment: await asked[at] })));
      const sets = await together;
      const read = ({ doc, fragment }: (typeof first)[number]): { title: string; holdsPhrase: boolean } => ({
        title: fragment?.title ?? "",
        holdsPhrase: sets.length > 0 && sets.every((set) => set.has(doc)),
      });
      firstPage = refineFirstResults(first, read, { terms: query.words.map((word) => word.term), text: request.query }).map((hit) => hit.doc);
    }
    return [...firstPage, ...best.slice(firstPage.length).map((hit) => hit.doc)];
  };
  let shown = 0;
  let queue: Promise<unknown> = Promise.resolve();
  const take = async (wanted: number): Promise<(FoundArticle | UnshownArticle)[]> => {
    const upTo = Math.min(shown + wanted, count);
    if (upTo <= shown) return [];
    const results = await Promise.all((await inOrder(upTo)).slice(shown, upTo).map(show));
    shown = upTo;
    return results;
  };
  return {
    count,
    query,
    missing: found.words.filter((word) => word.terms.length === 0).map((word) => word.written),
    next(wanted) {
      // One request at a time: a second "Show more" waits for the first.
      const taken = queue.then(() => take(wanted));
      queue = taken.catch(() => undefined);
      return taken;
    },
    facets: () => facetsOf(reader, entry, found.docs, filters),
    suggestion: () =>
      count > 0 && found.words.every((word) => word.terms.length > 0 && !word.approximate)
        ? Promise.resolve(undefined)
        : suggest(reader, entry, request.query, query, found.words),
  };
}

/** A query word's stems (itself for a number term), by the archive's stemmers. */
type StemsOf = (term: string, number: boolean) => string[];

/** How a query's words are stemmed: by every stemmer of the archive's languages (loaded only when the query has a word to stem). */
async function stemmingOf(reader: IndexReader, query: ParsedQuery): Promise<StemsOf> {
  const stemmers = query.words.some((word) => !word.number) || query.phrases.length > 0 ? await reader.stemmers() : [];
  return (term, number) => stemsOfWord(stemmers, term, number);
}

/** The articles a query finds before the filters: every word (a missing word passed over), every phrase, the date. */
async function findAll(reader: IndexReader, entry: IndexEntry, query: ParsedQuery, stemsOf: StemsOf): Promise<{ docs: DocSet; words: LookedUp[] }> {
  const words = await Promise.all(
    query.words.map(async (word): Promise<LookedUp> => {
      const stems = stemsOf(word.term, word.number);
      const terms = new Map<string, { entry: DictionaryEntry; share: number }>();
      for (const stem of stems) {
        for (const extension of await reader.extensions(stem)) {
          const share = extensionShare(Math.abs(Array.from(extension.term).length - Array.from(stem).length));
          const known = terms.get(extension.term);
          if (known === undefined || known.share < share) terms.set(extension.term, { entry: extension, share });
        }
      }
      // Every term's documents asked for at once: one round trip, not one per word the query word starts.
      let docs = new DocSet(entry.documents);
      for (const termDocs of await Promise.all([...terms.values()].map(({ entry: term }) => reader.docs(term))))
        docs = docs.or(DocSet.of(entry.documents, termDocs));
      const approximate = terms.size > 0 && [...terms.keys()].every((term) => stems.every((stem) => term.length < stem.length));
      return { written: word.written, terms: [...terms.values()], docs, approximate };
    }),
  );
  const completed = completeCompounds(query, words, stemsOf);
  const searched = completed.filter((word) => word.terms.length > 0);
  let docs =
    searched.length === 0 && query.phrases.length === 0 && query.date === undefined
      ? new DocSet(entry.documents)
      : DocSet.range(entry.documents, 0, entry.documents);
  for (const word of searched) docs = docs.and(word.docs);
  for (const phrase of query.phrases) docs = docs.and(await phraseDocs(reader, entry, phrase, stemsOf));
  if (query.date !== undefined) docs = docs.and(await dateDocs(reader, entry, query.date));
  return { docs, words: completed };
}

/** For each pair of neighbouring words of the query, the articles holding them one after the other (the index's pairs, a compound's parts included). */
function togetherSets(reader: IndexReader, entry: IndexEntry, query: ParsedQuery, stemsOf: StemsOf): Promise<DocSet[]> {
  const pairs = query.words.slice(1).map((word, at) => [query.words[at], word] as const);
  return Promise.all(pairs.map(([before, after]) => pairDocs(reader, entry, before?.term ?? "", before?.number ?? false, after.term, after.number, stemsOf)));
}

/**
 * What each found article's score is multiplied by for holding the query's
 * words together: a share of ORDERING.phraseWeight for each pair of
 * neighbouring words (`sets`, togetherSets) it holds. An article about
 * "diagnostic report" says it in so many words; one that says "diagnostics"
 * in one place and "trip report" in another does not. Undefined for a query
 * of one word.
 */
function togetherFactors(sets: readonly DocSet[], found: Uint32Array): Float64Array | undefined {
  if (sets.length === 0) return undefined;
  // A set at a time over the found, each a plain loop: 100,000 found articles are common where common words meet.
  // Counted wide enough for a query pasted whole: hundreds of pairs.
  const held = new Uint32Array(found.length);
  for (const { words } of sets) {
    for (let place = 0; place < found.length; place += 1) {
      const doc = found[place] ?? 0;
      if (((words[doc >>> 5] ?? 0) & (1 << (doc & 31))) !== 0) held[place] = (held[place] ?? 0) + 1;
    }
  }
  const factors = new Float64Array(found.length);
  for (let place = 0; place < found.length; place += 1) factors[place] = 1 + (ORDERING.phraseWeight * (held[place] ?? 0)) / sets.length;
  return factors;
}

/**
 * The words with each term that a word and the next make together counting
 * as the word itself, not as a longer word it starts: "worker threads" is
 * what `worker_threads` says, "async hooks" `async_hooks`, and an article
 * naming the module holds the query whole, not a word that merely begins
 * with "worker". Such a term is among the first word's already.
 */
function completeCompounds(query: ParsedQuery, words: readonly LookedUp[], stemsOf: StemsOf): LookedUp[] {
  return words.map((looked, at) => {
    const [word, next] = [query.words[at], query.words[at + 1]];
    if (word === undefined || next === undefined || word.number || next.number) return looked;
    const compounds = new Set(stemsOf(word.term + next.term, false));
    if (!looked.terms.some(({ entry }) => compounds.has(entry.term))) return looked;
    return { ...looked, terms: looked.terms.map((term) => (compounds.has(term.entry.term) ? { ...term, share: 1 } : term)) };
  });
}

/** The articles holding a phrase: every pair of its consecutive words. */
async function phraseDocs(reader: IndexReader, entry: IndexEntry, tokens: readonly string[], stemsOf: StemsOf): Promise<DocSet> {
  let docs = DocSet.range(entry.documents, 0, entry.documents);
  for (let at = 1; at < tokens.length; at += 1) {
    const [before, after] = [tokens[at - 1] ?? "", tokens[at] ?? ""];
    docs = docs.and(await pairDocs(reader, entry, before, isNumberTerm(before), after, isNumberTerm(after), stemsOf));
  }
  return docs;
}

/** The articles holding one word right after another (by any of their stems). */
async function pairDocs(
  reader: IndexReader,
  entry: IndexEntry,
  before: string,
  beforeIsNumber: boolean,
  after: string,
  afterIsNumber: boolean,
  stemsOf: StemsOf,
): Promise<DocSet> {
  let docs = new DocSet(entry.documents);
  for (const first of stemsOf(before, beforeIsNumber)) {
    for (const second of stemsOf(after, afterIsNumber)) {
      const pair = await reader.pair(`${first} ${second}`);
      if (pair !== undefined) docs = docs.or(DocSet.of(entry.documents, await reader.docs(pair)));
    }
  }
  return docs;
}

/** The articles of the date a query names. */
async function dateDocs(reader: IndexReader, entry: IndexEntry, date: QueryDate): Promise<DocSet> {
  const days = await reader.days();
  const docs: number[] = [];
  for (const [doc, day] of days.entries()) {
    const when = new Date(day * 86_400_000);
    if (
      (date.year === undefined || when.getUTCFullYear() === date.year) &&
      when.getUTCMonth() + 1 === date.month &&
      (date.day === undefined || when.getUTCDate() === date.day)
    )
      docs.push(doc);
  }
  return DocSet.of(entry.documents, docs);
}

/** The filters chosen, as sets (every article for a filter not chosen). */
async function filterSets(reader: IndexReader, entry: IndexEntry, request: SearchRequest): Promise<{ category: DocSet; year: DocSet }> {
  const every = DocSet.range(entry.documents, 0, entry.documents);
  let category = every;
  if (request.category !== "") {
    const at = entry.categories.findIndex(([name]) => name === request.category);
    category = at === -1 ? new DocSet(entry.documents) : ((await reader.categorySets())[at] ?? new DocSet(entry.documents));
  }
  const year = request.year === "" ? every : yearSet(entry, Number(request.year));
  return { category, year };
}

/** The articles of a year: a run of documents, as they are numbered by date. */
function yearSet(entry: IndexEntry, year: number): DocSet {
  const at = entry.years.findIndex(([candidate]) => candidate === year);
  if (at === -1) return new DocSet(entry.documents);
  return DocSet.range(entry.documents, entry.years[at]?.[1] ?? 0, entry.years[at + 1]?.[1] ?? entry.documents);
}

function yearOf(entry: IndexEntry, doc: number): number {
  return entry.years.findLast(([, first]) => first <= doc)?.[0] ?? 0;
}

/** Counts of each category within the year chosen, and of each year within the category chosen. */
async function facetsOf(reader: IndexReader, entry: IndexEntry, found: DocSet, filters: { category: DocSet; year: DocSet }): Promise<Facets> {
  const sets = await reader.categorySets();
  const inYear = found.and(filters.year);
  const inCategory = found.and(filters.category);
  return {
    categories: entry.categories.map(([name], at) => [name, sets[at] === undefined ? 0 : inYear.and(sets[at]).count()]),
    years: entry.years.map(([year, first], at) => [year, inCategory.countIn(first, entry.years[at + 1]?.[1] ?? entry.documents)]),
  };
}

/**
 * The query with each word the archive lacks or has only cut short replaced
 * by the closest word of its vocabulary (every word, when nothing was found),
 * if that finds articles.
 */
async function suggest(reader: IndexReader, entry: IndexEntry, text: string, query: ParsedQuery, words: readonly LookedUp[]): Promise<string | undefined> {
  const vocabulary = await reader.vocabulary();
  const doubtful = words.filter((word) => word.terms.length === 0 || word.approximate);
  let suggested = text;
  let changed = false;
  for (const [at, word] of query.words.entries()) {
    const looked = words[at];
    if (word.number || (doubtful.length > 0 && (looked === undefined || !doubtful.includes(looked)))) continue;
    const closest = closestWord(word.term, vocabulary);
    if (closest === undefined) continue;
    suggested = suggested.replace(word.written, closest);
    changed = true;
  }
  if (!changed) return undefined;
  const suggestedQuery = parseQuery(suggested, entry.months);
  const again = await findAll(reader, entry, suggestedQuery, await stemmingOf(reader, suggestedQuery));
  return again.docs.count() > 0 && again.words.every((word) => word.terms.length > 0) ? suggested : undefined;
}

import { excerptWithoutNumberTerms, withoutNumberTerms } from "../search/numbers.ts";
import { orderByScoreAndDate, ORDERING, RANKING, refineFirstResults } from "../search/ranking.ts";
import { queryWords } from "../search/words.ts";
import { HIGHLIGHT_PARAM, type PagefindModule, type PagefindResult } from "./pagefind-api.ts";
import type { FoundArticle, SearchEngine, SearchOutcome, SearchRequest } from "./search-engine.ts";

/**
 * Searches the Pagefind bundle of a hosted site. The index records pages by
 * their path from the site's root, and the site's root is given as the base,
 * so the site may be served under any path. The query goes to Pagefind as the
 * portable search reads it (`queryWords`: numbers as number terms), with the
 * ranking options both searches share; results are then ordered as the
 * portable search orders them (ranking.ts): the date among near-equal
 * matches, then the first results by their titles.
 */
export function pagefindEngine(root: URL): SearchEngine {
  let loaded: Promise<PagefindModule> | undefined;
  const load = async (): Promise<PagefindModule> => {
    const module = (await import(new URL("pagefind/pagefind.js", root).href)) as PagefindModule;
    await module.options({ baseUrl: root.pathname, excerptLength: 30, ranking: RANKING });
    await module.init();
    return module;
  };
  return {
    async search(request: SearchRequest): Promise<SearchOutcome> {
      const words = queryWords(request.query);
      if (words.length === 0) return { count: 0, next: async () => [] };
      loaded ??= load();
      const pagefind = await loaded;
      const filters: Record<string, string> = {};
      if (request.category !== "") filters["category"] = request.category;
      if (request.year !== "") filters["year"] = request.year;
      const term = words.join(" ");
      const byDate = (await pagefind.search(term, { filters, sort: { date: "desc" } }))?.results ?? [];
      const read = (result: PagefindResult): Promise<FoundArticle> => readResult(result, request.query);
      if (request.sort === "newest") {
        const pending = [...byDate];
        return { count: pending.length, next: async (count) => Promise.all(pending.splice(0, count).map(read)) };
      }
      // Pagefind's scores, and each result's place among the found articles newest first.
      const newestFirst = new Map(byDate.map((result, place) => [result.id, place]));
      const found = ((await pagefind.search(term, { filters }))?.results ?? []).map((result) => ({ result, score: result.score, newestFirst: newestFirst.get(result.id) ?? byDate.length }));
      const ranked = orderByScoreAndDate(found);
      // The first results are read at once: their titles order them again, as the portable search does.
      const first = await Promise.all(ranked.slice(0, ORDERING.firstResults).map(async (hit) => ({ ...hit, ...(await readWithText(hit.result, request.query)) })));
      const pending: (() => Promise<FoundArticle>)[] = [
        ...refineFirstResults(first, found.length, (hit) => ({ title: hit.shown.meta["title"] ?? "", text: hit.text }), request.query).map((hit) => () => Promise.resolve(hit.shown)),
        ...ranked.slice(ORDERING.firstResults).map((hit) => () => read(hit.result)),
      ];
      return { count: found.length, next: async (count) => Promise.all(pending.splice(0, count).map((shown) => shown())) };
    },
  };
}

async function readResult(result: PagefindResult, query: string): Promise<FoundArticle> {
  return (await readWithText(result, query)).shown;
}

/** A result as the search page shows it (number terms taken out, a link that highlights the words searched for), and its text. */
async function readWithText(result: PagefindResult, query: string): Promise<{ shown: FoundArticle; text: string }> {
  const { url, meta, excerpt, content } = await result.data();
  const link = new URL(url, location.href);
  for (const word of query.split(/\s+/)) if (word !== "") link.searchParams.append(HIGHLIGHT_PARAM, word);
  const title = meta["title"];
  const date = meta["date"];
  const shown = {
    // From the site's root, as the index records pages: the site may be served under any path.
    url: `${link.pathname}${link.search}`,
    meta: { ...meta, ...(title === undefined ? {} : { title: withoutNumberTerms(title).trim() }), ...(date === undefined ? {} : { date: withoutNumberTerms(date).trim() }) },
    excerpt: excerptWithoutNumberTerms(excerpt),
  };
  return { shown, text: content };
}

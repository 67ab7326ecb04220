import { HIGHLIGHT_PARAM, type PagefindModule } from "./pagefind-api.ts";
import type { SearchEngine, SearchOutcome, SearchRequest } from "./search-engine.ts";

/**
 * Searches the Pagefind bundle of a hosted site. The index records pages by
 * their path from the site's root, and the site's root is given as the base,
 * so the site may be served under any path.
 */
export function pagefindEngine(root: URL): SearchEngine {
  let loaded: Promise<PagefindModule> | undefined;
  const load = async (): Promise<PagefindModule> => {
    const module = (await import(new URL("pagefind/pagefind.js", root).href)) as PagefindModule;
    await module.options({ baseUrl: root.pathname, highlightParam: HIGHLIGHT_PARAM, excerptLength: 30 });
    await module.init();
    return module;
  };
  return {
    async search(request: SearchRequest): Promise<SearchOutcome> {
      loaded ??= load();
      const pagefind = await loaded;
      const filters: Record<string, string> = {};
      if (request.category !== "") filters["category"] = request.category;
      if (request.year !== "") filters["year"] = request.year;
      const found = await pagefind.search(request.query, { filters, ...(request.sort === "newest" ? { sort: { date: "desc" } } : {}) });
      const pending = [...(found?.results ?? [])];
      return {
        count: pending.length,
        next: async (count) => (await Promise.all(pending.splice(0, count).map((result) => result.data()))).map(({ url, meta, excerpt }) => ({ url, meta, excerpt })),
      };
    },
  };
}

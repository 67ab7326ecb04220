import type { Author, Category, Tag } from "../../core/article.ts";
import { outputFileFor, pathFromRoot } from "../../core/urls.ts";
import { SEARCH_ENTRY_COPY_ID } from "../../core/search-files.browser.ts";
import type { TopicGroup } from "../archive-model.ts";
import type { ViewContext } from "./context.ts";
import { TOPIC_WORDS } from "./listing-pages.ts";
import type { PageBase } from "./types.ts";

interface TopicEntryView {
  readonly name: string;
  readonly href: string;
  readonly count: number;
  readonly description?: string;
}

/** The entries of a topic index under one initial: "A", or "#" for names that start with no letter. */
interface TopicLetterView {
  readonly letter: string;
  /** The group's id, the target of the index's jump links: "letter-a". */
  readonly id: string;
  readonly entries: readonly TopicEntryView[];
}

export interface TopicIndexView extends PageBase {
  readonly heading: string;
  /** Every entry, in order (categories in the settings' order, tags and authors by name). */
  readonly entries: readonly TopicEntryView[];
  /** Tags and authors, listed side by side with their counts rather than one a line: they can number hundreds. */
  readonly compact?: true;
  /** When they are many: the same entries by initial, for an A-Z index. */
  readonly letters?: readonly TopicLetterView[];
}

export interface SearchPageView extends PageBase {
  readonly categories: readonly string[];
  /** Newest first. */
  readonly years: readonly number[];
  /** The search index's folder from the site's root, for the search script, which finds the root from its own place. */
  readonly searchIndex: string;
  /** The stemmers the search reads queries with (one per language of the archive), loaded beside the search script. */
  readonly stemmerScriptHrefs: readonly string[];
  /** The index's entry file, asked for with the page rather than once the script runs; none on a portable site. */
  readonly searchEntryHref?: string;
  /** The page's first script, inline, which asks for the entry and the files a query in the page's address reads first (browser/search-start.ts); with the entry. */
  readonly searchStart?: { readonly code: string; readonly digest: string; readonly entryCopyId: string };
}

export const categoryIndex = (context: ViewContext): TopicIndexView => topicIndex(context, context.model.categories, "category");
/** The tag index; none when no article has tags, so that no link leads to an empty page. */
export const tagIndex = (context: ViewContext): TopicIndexView[] => (context.model.tags.length === 0 ? [] : [topicIndex(context, context.model.tags, "tag")]);
/** The index of authors; none on a site whose articles name nobody. */
export const authorIndexes = (context: ViewContext): TopicIndexView[] =>
  context.model.authors.length === 0 ? [] : [topicIndex(context, context.model.authors, "author")];

/** From how many tags or authors their index is grouped by initial, with jump links: fewer read at a glance. */
export const LETTER_INDEX_MIN = 40;

/** Every category, tag or author, with its number of articles. */
function topicIndex(context: ViewContext, groups: readonly TopicGroup<Category | Tag | Author>[], kind: "category" | "tag" | "author"): TopicIndexView {
  const heading = TOPIC_WORDS[kind].indexTitle;
  const route = { kind: TOPIC_WORDS[kind].index };
  const entries = groups.map((group): TopicEntryView => {
    const description = kind === "category" ? context.categoryDescription(group.topic.slug) : undefined;
    return {
      name: group.topic.name,
      href: context.href({ kind, slug: group.topic.slug }),
      count: group.articles.length,
      ...(description === undefined ? {} : { description }),
    };
  });
  return {
    permalink: outputFileFor(route),
    title: heading,
    heading,
    meta: context.meta(route),
    breadcrumb: [context.crumbs.home, { title: heading }],
    entries,
    // Categories are few and described; tags and authors, listed by name, side by side, by initial when many.
    ...(kind === "category" ? {} : { compact: true }),
    ...(kind === "category" || entries.length < LETTER_INDEX_MIN ? {} : { letters: byInitial(entries) }),
  };
}

/**
 * Entries (in order of name) grouped by the initial of their name, without
 * its accents and in capitals ("É" under "E"), groups in the order of their
 * first entries; names starting with no letter go under "#", first.
 */
export function byInitial(entries: readonly TopicEntryView[]): TopicLetterView[] {
  const groups = new Map<string, TopicEntryView[]>();
  for (const entry of entries) {
    const first =
      Array.from(
        entry.name
          .normalize("NFD")
          .replace(/\p{M}+/gu, "")
          .trim(),
      )[0] ?? "";
    const letter = /\p{L}/u.test(first) ? first.toLocaleUpperCase("en") : "#";
    const group = groups.get(letter);
    if (group === undefined) groups.set(letter, [entry]);
    else group.push(entry);
  }
  const letters = [...groups.entries()].map(([letter, grouped]) => ({
    letter,
    id: letter === "#" ? "letter-other" : `letter-${letter.toLowerCase()}`,
    entries: grouped,
  }));
  return [...letters.filter((group) => group.letter === "#"), ...letters.filter((group) => group.letter !== "#")];
}

/** The search page, with the filters it offers. */
export function searchPage(context: ViewContext): SearchPageView {
  return {
    permalink: outputFileFor({ kind: "search" }),
    title: "Search",
    breadcrumb: [context.crumbs.home, { title: "Search" }],
    meta: context.meta({ kind: "search" }, `Search the articles of ${context.settings.title}.`),
    ownSearchBox: true,
    categories: context.model.categories.map((group) => group.topic.name),
    years: context.model.years.map((group) => group.year),
    searchIndex: pathFromRoot({ kind: "search-index" }),
    stemmerScriptHrefs: Object.values(context.theme.searchStemmers ?? {}).map((path) => context.href({ kind: "file", path })),
    ...(context.theme.searchIndexEntry === undefined ? {} : { searchEntryHref: context.href({ kind: "file", path: context.theme.searchIndexEntry }) }),
    ...(context.theme.searchStart === undefined ? {} : { searchStart: { ...context.theme.searchStart, entryCopyId: SEARCH_ENTRY_COPY_ID } }),
  };
}

/** What the service worker shows, offline, for a page the reader has not opened before: none on a site without one. */
export function offlinePages(context: ViewContext): PageBase[] {
  if (context.theme.offlineScript === undefined) return [];
  return [
    {
      permalink: outputFileFor({ kind: "offline" }),
      title: "Not saved for offline reading",
      breadcrumb: [context.crumbs.home, { title: "Offline" }],
      meta: context.meta({ kind: "offline" }),
    },
  ];
}

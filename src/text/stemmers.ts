// Snowball stemmers, by the language's primary subtag, so that "purchasing"
// finds "purchased". The same stemmer runs in Node, as articles are indexed,
// and in the reader's browser, as queries are read (render/browser-scripts.ts
// bundles the module named here for the search page).

/** Cuts a folded word to its stem. */
export type Stemmer = (word: string) => string;

/** Where a language's stemmer is: a module and the name of the function it exports. */
interface StemmerModule {
  readonly module: string;
  readonly export: "stemmer" | "default";
}

const orama = (name: string): StemmerModule => ({ module: `@orama/stemmers/${name}`, export: "stemmer" });

/**
 * Snowball's algorithms: @orama/stemmers has most; its English is the first
 * Porter stemmer, where Snowball's is Porter2, which wink-porter2-stemmer has.
 */
const STEMMERS: Readonly<Record<string, StemmerModule>> = {
  da: orama("danish"),
  de: orama("german"),
  en: { module: "wink-porter2-stemmer", export: "default" },
  es: orama("spanish"),
  fi: orama("finnish"),
  fr: orama("french"),
  hu: orama("hungarian"),
  it: orama("italian"),
  nb: orama("norwegian"),
  nl: orama("dutch"),
  no: orama("norwegian"),
  pt: orama("portuguese"),
  ro: orama("romanian"),
  ru: orama("russian"),
  sv: orama("swedish"),
  tr: orama("turkish"),
};

/** The stemmer a language tag ("en", "pt-BR") is read with: its primary subtag, or "" for a language without one (words stay as written). */
export function stemmingLanguage(language: string): string {
  const primary = language.split("-")[0]?.toLowerCase() ?? "";
  return STEMMERS[primary] === undefined ? "" : primary;
}

/** The module of a stemming language's stemmer (stemmingLanguage), for the browser's copy. */
export function stemmerModule(language: string): StemmerModule | undefined {
  return STEMMERS[language];
}

/** A word is stemmed once: an archive repeats its words. Beyond this many, the memory is started afresh. */
const MOST_REMEMBERED = 200_000;
const loaded = new Map<string, Promise<Stemmer>>();

/** The stemmer of a stemming language (stemmingLanguage), loaded once per process, remembering what it stemmed. */
export function loadStemmer(language: string): Promise<Stemmer> {
  let found = loaded.get(language);
  if (found === undefined) {
    found = importStemmer(language);
    loaded.set(language, found);
  }
  return found;
}

async function importStemmer(language: string): Promise<Stemmer> {
  const found = STEMMERS[language];
  if (found === undefined) return (word) => word;
  const module: unknown = await import(found.module);
  const stem: unknown = typeof module === "object" && module !== null ? Reflect.get(module, found.export) : undefined;
  if (typeof stem !== "function") throw new Error(`${found.module} has no stemmer function named ${found.export}`);
  const known = new Map<string, string>();
  const unchanged = language === "en" ? porter2Unchanged : () => undefined;
  return (word) => {
    let stemmed = known.get(word);
    if (stemmed === undefined) {
      if (known.size >= MOST_REMEMBERED) known.clear();
      stemmed = unchanged(word) ?? String(stem(word));
      known.set(word, stemmed);
    }
    return stemmed;
  };
}

/** The last character of a word Porter2 may change: a letter, where its suffixes end, an apostrophe, or a 3 (see porter2Unchanged). */
const PORTER2_MAY_CHANGE = /[a-z'\u2019]$|3$/;

/**
 * What wink-porter2-stemmer makes of a word of three characters or more
 * that ends in none of the characters its rules look at last, found without
 * running them: every rule of Porter2 is a suffix of letters (or an
 * apostrophe's), so such a word keeps its letters, and only the stemmer's
 * mark of a consonant "y" (the digit 3, turned into "y" at its end) shows.
 * Undefined for a word the stemmer must read. An archive's words that end
 * in a digit are mostly hashes and versions, long and each seen once, on
 * which the stemmer's regular expressions are slowest.
 */
export function porter2Unchanged(word: string): string | undefined {
  const lower = word.toLowerCase();
  return lower.length < 3 || PORTER2_MAY_CHANGE.test(lower) ? undefined : lower.replaceAll("3", "y");
}

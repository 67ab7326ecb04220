import { bundleForBrowser } from "../core/script-bundle.ts";
import type { PortableLanguage } from "./portable-index.ts";
import { PORTABLE_INDEX_CALLBACK } from "./portable-query.ts";

/** Where a language's stemmer is: a module and the name of the function it exports. */
interface StemmerModule {
  readonly module: string;
  readonly export: "stemmer" | "default";
}

const orama = (name: string): StemmerModule => ({ module: `@orama/stemmers/${name}`, export: "stemmer" });

/**
 * Snowball stemmers, by the language's primary subtag: Pagefind stems the
 * languages it knows with Snowball's algorithms, and the portable index must
 * stem the same words alike to find the same articles and rank them alike.
 * @orama/stemmers has most; its English is the first Porter stemmer, where
 * Snowball's (and Pagefind's) is Porter2, which wink-porter2-stemmer has.
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

/**
 * The stemmer of a language tag ("en", "pt-BR") for the portable index, and
 * the script that gives the search page the same one. Words stay as written
 * in a language without a stemmer.
 */
export async function portableLanguage(language: string): Promise<PortableLanguage> {
  const found = STEMMERS[language.split("-")[0]?.toLowerCase() ?? ""];
  if (found === undefined) return { stem: (word) => word };
  const module: unknown = await import(found.module);
  const loaded: unknown = typeof module === "object" && module !== null ? Reflect.get(module, found.export) : undefined;
  if (typeof loaded !== "function") throw new Error(`${found.module} has no stemmer function named ${found.export}`);
  const stem = (word: string): string => String(loaded(word));
  const imported = found.export === "default" ? "stemmer" : "{ stemmer }";
  const script = await bundleForBrowser({
    stdin: { contents: `import ${imported} from ${JSON.stringify(found.module)};\n${PORTABLE_INDEX_CALLBACK}("stemmer", null, stemmer);\n`, resolveDir: import.meta.dirname, sourcefile: "stemmer.js", loader: "js" },
  });
  return { stem, stemmerScript: script };
}

import { bundleForBrowser } from "../render/browser-scripts.ts";
import type { PortableLanguage } from "./portable-index.ts";
import { PORTABLE_INDEX_CALLBACK } from "./portable-query.ts";

/**
 * Snowball-family stemmers (@orama/stemmers), by the language's primary
 * subtag: Pagefind stems the languages it knows, and the portable index must
 * stem the same words to find the same articles.
 */
const STEMMERS: Readonly<Record<string, string>> = {
  da: "danish",
  de: "german",
  en: "english",
  es: "spanish",
  fi: "finnish",
  fr: "french",
  hu: "hungarian",
  it: "italian",
  nb: "norwegian",
  nl: "dutch",
  no: "norwegian",
  pt: "portuguese",
  ro: "romanian",
  ru: "russian",
  sv: "swedish",
  tr: "turkish",
};

/**
 * The stemmer of a language tag ("en", "pt-BR") for the portable index, and
 * the script that gives the search page the same one. Words stay as written
 * in a language without a stemmer.
 */
export async function portableLanguage(language: string): Promise<PortableLanguage> {
  const name = STEMMERS[language.split("-")[0]?.toLowerCase() ?? ""];
  if (name === undefined) return { stem: (word) => word };
  const specifier = `@orama/stemmers/${name}`;
  const { stemmer } = (await import(specifier)) as { stemmer: (word: string) => string };
  const script = await bundleForBrowser({
    stdin: { contents: `import { stemmer } from ${JSON.stringify(specifier)};\n${PORTABLE_INDEX_CALLBACK}("stemmer", null, stemmer);\n`, resolveDir: import.meta.dirname, sourcefile: `${name}-stemmer.js`, loader: "js" },
  });
  return { stem: stemmer, stemmerScript: script };
}

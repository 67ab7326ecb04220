import Prism from "prismjs";
import components from "prismjs/components.js";
import loadLanguages from "prismjs/components/index.js";
import { z } from "zod";

/**
 * Code blocks highlighted while the site is built, so pages carry no script
 * for it: Prism's grammars turn the code into `<span class="token keyword">`
 * and the like, which the theme's stylesheet colours in the light and the
 * dark scheme. Prism was chosen over Shiki for page weight (classes, where
 * Shiki writes two colours into a style attribute on every token, which a
 * Content-Security-Policy of `style-src 'self'` also blocks) and build time
 * (see docs/performance.md).
 */

/** Names that archives give languages in fences and Prism knows under another. */
const EXTRA_ALIASES: Readonly<Record<string, string>> = {
  console: "shell-session",
  terminal: "shell-session",
  shellsession: "shell-session",
  mjs: "javascript",
  cjs: "javascript",
  golang: "go",
};

const componentList = z.record(z.string(), z.looseObject({ alias: z.union([z.string(), z.array(z.string())]).optional() }));

/** Every language name Prism has a grammar for (ids and aliases), to its id. */
const LANGUAGE_IDS: ReadonlyMap<string, string> = (() => {
  const ids = new Map<string, string>();
  for (const [id, language] of Object.entries(componentList.parse(components.languages))) {
    if (id === "meta") continue;
    ids.set(id, id);
    for (const alias of [language.alias ?? []].flat()) ids.set(alias, id);
  }
  for (const [name, id] of Object.entries(EXTRA_ALIASES)) ids.set(name, id);
  return ids;
})();

loadLanguages.silent = true;

/**
 * The highlighted HTML of a code block's text, for the language its fence
 * names (`js`, `Python`, `console`...); an empty string when no language is
 * named or Prism has no grammar for it, and markdown-it then prints the code
 * as written. A grammar is loaded the first time a body uses it.
 */
export function highlightCode(code: string, language: string): string {
  const id = LANGUAGE_IDS.get(language.trim().toLowerCase());
  if (id === undefined) return "";
  if (Prism.languages[id] === undefined) loadLanguages([id]);
  const grammar = Prism.languages[id];
  return grammar === undefined ? "" : Prism.highlight(code, grammar, id);
}

import { warning, type Diagnostic } from "../core/diagnostics.ts";

/** How many keys the warning names before it counts the rest. */
const SHOWN_KEYS = 15;

/**
 * One warning for the whole archive naming the front matter keys no part of
 * the build reads (Jekyll's `layout`, the Go blog's `template`...), each
 * with how many files use it, most used first: what the old site did with
 * them is not done here, and nothing is lost without saying so.
 */
export function unreadKeysWarning(outcomes: readonly { readonly unreadKeys?: readonly string[] }[]): Diagnostic | undefined {
  const counts = new Map<string, number>();
  for (const outcome of outcomes) for (const key of outcome.unreadKeys ?? []) counts.set(key, (counts.get(key) ?? 0) + 1);
  if (counts.size === 0) return undefined;
  const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const shown = ranked.slice(0, SHOWN_KEYS).map(([key, count]) => `${key} (${count})`).join(", ");
  const more = ranked.length > SHOWN_KEYS ? ` and ${ranked.length - SHOWN_KEYS} more` : "";
  return warning(
    "unread-keys",
    "",
    `front matter keys that no part of the build reads, with how many files use each: ${shown}${more}. They are kept in the files but change nothing on the site; see docs/writing-articles.md for the keys that are read`,
  );
}

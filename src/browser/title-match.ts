// Guessing which article a missing address meant, from the words of the
// address (its slug, mostly) and those of each article's title and link.
// Pure, so that it is tested apart from the 404 page's script that uses it.

/** An article as the 404 page's lists give it: its title and its link. */
export type TitledLink = readonly [title: string, href: string];

/** Words a missing address holds that say nothing of the article it meant: those of web addresses. */
const NOISE = new Set(["www", "html", "htm", "php", "aspx", "index", "blog", "post", "posts"]);

/** The words of a text as they are compared: lower case, without accents, letters and digits only; a version one word ("v22.9.0" and "22.9.0" are "22_9_0"). */
function wordsOf(text: string): string[] {
  return text
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/(\d)\.(?=\d)/g, "$1_")
    .replace(/(?<![\p{L}\p{N}])v(?=\d)/gu, "")
    .split(/[^\p{L}\p{N}_]+/u)
    .filter((word) => word !== "");
}

/** The words of a missing address worth matching: not its base path, dates, numbers alone or words of URLs. */
export function addressWords(path: string, basePath: string): string[] {
  // Each run of escapes decoded on its own, so that a malformed one leaves the others readable.
  const decoded = path.replace(/(?:%[0-9a-f]{2})+/gi, (escapes) => {
    try {
      return decodeURIComponent(escapes);
    } catch {
      return escapes;
    }
  });
  const own = decoded.startsWith(basePath) ? decoded.slice(basePath.length) : decoded;
  // Short words and numbers alone (dates, mostly) say little; a version ("22_9_0") says much.
  return [
    ...new Set(
      wordsOf(own)
        .filter((word) => (word.length > 2 && !/^\d+$/.test(word)) || word.includes("_"))
        .filter((word) => !NOISE.has(word)),
    ),
  ];
}

/** How closely a word of the address matches a word of an article: 1 the same, less for a word cut short or mistyped once or twice, 0 for none. */
function likeness(wanted: string, word: string): number {
  if (wanted === word) return 1;
  if (Math.min(wanted.length, word.length) >= 4 && (word.startsWith(wanted) || wanted.startsWith(word))) return 0.8;
  if (wanted.length < 5 || Math.abs(wanted.length - word.length) > 2) return 0;
  const distance = editDistance(wanted, word);
  return distance === 1 ? 0.6 : distance === 2 && wanted.length >= 7 ? 0.5 : 0;
}

/** Levenshtein distance (insertions, deletions, substitutions). */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1)
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1)));
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/**
 * The articles a missing address most likely meant, best first (the newer
 * first on a tie, as lists come newest first). Each of the address's words
 * counts as much as it matches a word of the article's title or of the last
 * part of its link, and as much as it is rare among the articles (a word
 * every title has tells little); an article must match at least half of
 * what the words weigh. One whose link has the date the address names comes
 * before others that match as well.
 */
export function guessArticles(words: readonly string[], articles: readonly TitledLink[], count = 3, path = ""): TitledLink[] {
  if (words.length === 0) return [];
  const entries = articles.map((article) => ({
    article,
    own: [
      ...new Set([
        ...wordsOf(article[0]),
        ...wordsOf(
          article[1]
            .split("/")
            .filter((part) => part !== "")
            .pop() ?? "",
        ),
      ]),
    ],
  }));
  const holding = new Map<string, number>();
  for (const { own } of entries) for (const word of own) holding.set(word, (holding.get(word) ?? 0) + 1);
  const weights = words.map((word) => Math.log(1 + entries.length / (1 + (holding.get(word) ?? 0))));
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  const date = /\/(?:19|20)\d\d\/(?:\d\d\/)?/.exec(path)?.[0];
  return entries
    .map(({ article, own }) => ({
      article,
      score: words.reduce((sum, wanted, index) => sum + (weights[index] ?? 0) * Math.max(0, ...own.map((word) => likeness(wanted, word))), 0) / total,
    }))
    .filter((entry) => entry.score >= 0.5)
    .map((entry) => ({ ...entry, score: entry.score + (date !== undefined && entry.article[1].includes(date) ? 0.1 : 0) }))
    .sort((a, b) => b.score - a.score)
    .slice(0, count)
    .map((entry) => entry.article);
}

/**
 * Which part of the titles to look in (their ids, newest first: "all", a
 * year "2016", a month "2016-04"): the month, else the year, the address
 * names (/2016/04/...), else the whole archive, else the newest part.
 */
export function partFor(path: string, parts: readonly string[]): string | undefined {
  const date = /\/((?:19|20)\d\d)(?:\/(\d\d))?(?=\/|$)/.exec(path);
  const year = date?.[1];
  const month = date?.[2];
  const wanted = [year !== undefined && month !== undefined ? `${year}-${month}` : "", year ?? "", "all"];
  return wanted.find((id) => parts.includes(id)) ?? parts[0];
}

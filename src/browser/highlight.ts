// On an article reached from the search page (?highlight=words), marks the
// searched words in the article: each word of the text that starts with one
// of them (matching ignores case and accents, as the search does), or, for a
// number, that is that number. Loaded by every article page, it does nothing
// more when the address names no words.
const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}]*/gu;
const fold = (word: string): string =>
  word
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase();
const wanted = new URLSearchParams(location.search)
  .getAll("highlight")
  .flatMap((words) => Array.from(words.matchAll(WORD), ([word]) => fold(word)))
  .filter((word) => word.length > 1 || /\d/.test(word));
const matches = (word: string): boolean => wanted.some((searched) => (/^\d+$/.test(searched) ? word === searched : word.startsWith(searched)));
const article = document.querySelector("article");

if (wanted.length > 0 && article !== null) {
  const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
  const texts: Text[] = [];
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode())
    if (node instanceof Text && node.parentElement?.closest("script, style") === null) texts.push(node);
  for (const text of texts) {
    const value = text.data;
    const parts: (string | HTMLElement)[] = [];
    let cursor = 0;
    for (const match of value.matchAll(WORD)) {
      if (!matches(fold(match[0]))) continue;
      const mark = document.createElement("mark");
      mark.textContent = match[0];
      parts.push(value.slice(cursor, match.index), mark);
      cursor = match.index + match[0].length;
    }
    if (parts.length > 0) text.replaceWith(...parts, value.slice(cursor));
  }
}

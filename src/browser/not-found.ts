// On the 404 page: guesses the article a missing address meant ("Did you
// mean ...") from the address's words and the titles and links of the
// articles, which the build writes in small parts (the whole archive when it
// is small, else one part a year or a month; see model/not-found-titles.ts).
// It loads the one part the address's date points to, and nothing when the
// address has no word to match. Without it the page stays as it is.
import { addressWords, guessArticles, partFor, type TitledLink } from "./title-match.ts";

const box = document.querySelector<HTMLElement>("[data-title-parts]");
if (box !== null && location.protocol !== "file:") {
  const words = addressWords(location.pathname, box.dataset["basePath"] ?? "/");
  const parts = new Map<string, string>();
  const pairs = (box.dataset["titleParts"] ?? "").split(" ");
  for (let index = 0; index + 1 < pairs.length; index += 2) parts.set(pairs[index] ?? "", pairs[index + 1] ?? "");
  const part = partFor(location.pathname, [...parts.keys()]);
  const href = part === undefined ? undefined : parts.get(part);
  if (words.length > 0 && href !== undefined) {
    fetch(href)
      .then((response) => (response.ok ? (response.json() as Promise<TitledLink[]>) : []))
      .then((articles) => {
        const guesses = guessArticles(words, articles, 3, location.pathname);
        const list = box.querySelector("ul");
        if (guesses.length === 0 || list === null) return;
        for (const [title, link] of guesses) {
          const item = document.createElement("li");
          const anchor = item.appendChild(document.createElement("a"));
          anchor.href = link;
          anchor.textContent = title;
          list.append(item);
        }
        box.hidden = false;
      })
      .catch((cause: unknown) => console.warn("The titles to guess from could not be read:", cause));
  }
}

import { hrefFor, outputFileFor, type UrlContext } from "../core/urls.ts";
import type { ArchiveModel } from "../model/archive-model.ts";
import { titlesParts } from "../model/not-found-titles.ts";
import type { PublishedFile } from "./feeds.ts";

/**
 * The lists of titles the 404 page's script matches a missing address
 * against: one JSON file per part (model/not-found-titles.ts), each an array
 * of `[title, link]`, newest first.
 */
export function buildNotFoundTitles(model: ArchiveModel, urls: UrlContext): PublishedFile[] {
  return titlesParts(model).map((part) => ({
    path: outputFileFor({ kind: "not-found-titles", part: part.id }),
    content: `${JSON.stringify(part.articles.map((article) => [article.title, hrefFor(article.route, urls)]))}\n`,
  }));
}

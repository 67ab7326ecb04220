import type { Article } from "../core/article.ts";
import { sameView } from "./page-changes.ts";
import type { SiteViews } from "./pages.ts";
import { articleBodyHtml } from "./views/article-pages.ts";
import type { ArticlePageView } from "./views/types.ts";

/**
 * The views of an archive whose articles changed in their bodies alone since
 * `previous` was built (with the same settings, day and theme), or undefined when anything else changed (an article
 * added, removed, moved, retitled; its excerpt, which lists show, included).
 * A body is printed by its article's page alone: that page's view is made
 * again, and every other view is the previous one, the very object, so that
 * comparing them with the previous build's is immediate. This is how an
 * edit under `npm start` recomputes only the views it touches.
 */
export function withNewBodies(previous: { readonly articles: readonly Article[]; readonly views: SiteViews }, articles: readonly Article[], basePath: string): SiteViews | undefined {
  const pages = previous.views.pages.article;
  if (articles.length !== previous.articles.length || pages.length !== articles.length) return undefined;
  let updated: ArticlePageView[] | undefined;
  for (const [index, article] of articles.entries()) {
    const before = previous.articles[index];
    const page = pages[index];
    if (before === undefined || page === undefined || !sameView(withoutBody(before), withoutBody(article))) return undefined;
    if (before.bodyHtml === article.bodyHtml) continue;
    updated ??= [...pages];
    updated[index] = { ...page, bodyHtml: articleBodyHtml(article, basePath) };
  }
  return updated === undefined ? previous.views : { site: previous.views.site, pages: { ...previous.views.pages, article: updated } };
}

function withoutBody(article: Article): Omit<Article, "bodyHtml"> {
  const { bodyHtml: _body, ...rest } = article;
  return rest;
}

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
    if (before === undefined || page === undefined || !sameExceptBody(before, article)) return undefined;
    if (before.bodyHtml === article.bodyHtml) continue;
    updated ??= [...pages];
    updated[index] = { ...page, bodyHtml: articleBodyHtml(article, basePath) };
  }
  return updated === undefined ? previous.views : { site: previous.views.site, pages: { ...previous.views.pages, article: updated } };
}

/**
 * Whether two articles are the same but for their bodies, compared field by
 * field (a copy without the body would cost more). The search index record
 * is read from the title and the body, and no view prints it.
 */
function sameExceptBody(a: Article, b: Article): boolean {
  const keys = Object.keys(a) as (keyof Article)[];
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((key) => key === "bodyHtml" || key === "searchRecord" || (key in b && sameView(a[key], b[key])));
}

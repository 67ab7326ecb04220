import type { Article } from "../core/article.ts";
import type { IndexRecord } from "../text/index-record.ts";
import { sameView } from "./page-changes.ts";
import { mapPageKinds, type PageKindName, type PageViews, type SiteViews } from "./pages.ts";
import type { ArticlePageView } from "./views/article-pages.ts";

/**
 * The views of an archive whose articles changed in their bodies alone since
 * `previous` was built (with the same settings, day and theme), or undefined when anything else changed (an article
 * added, removed, moved, retitled; its excerpt, which lists show, included;
 * its subject: the terms and weights of its search index record, from which
 * related articles are found). Site pages and redirects are the caller's to
 * compare.
 * A body is printed by its article's page alone: that page's view is made
 * again, and every other view is the previous one, the very object, so that
 * comparing them with the previous build's is immediate. This is how an
 * edit under `npm start` recomputes only the views it touches.
 */
export function withNewBodies(
  previous: { readonly articles: readonly Article[]; readonly views: SiteViews },
  articles: readonly Article[],
): SiteViews | undefined {
  const pages = previous.views.pages.article;
  if (articles.length !== previous.articles.length || pages.length !== articles.length) return undefined;
  let updated: ArticlePageView[] | undefined;
  for (const [index, article] of articles.entries()) {
    const before = previous.articles[index];
    const page = pages[index];
    if (before === undefined || page === undefined || !sameExceptBody(before, article)) return undefined;
    // The record is read from the title and the body: with the same body, the same record.
    if (before.bodyHtml === article.bodyHtml) continue;
    if (!sameSubject(before.searchRecord, article.searchRecord)) return undefined;
    updated ??= [...pages];
    // Its links were resolved when the archive was loaded, as articlePages prints it.
    updated[index] = { ...page, bodyHtml: article.bodyHtml };
  }
  return updated === undefined ? previous.views : { site: previous.views.site, pages: { ...previous.views.pages, article: updated } };
}

/**
 * Whether two articles are the same but for their bodies, compared field by
 * field (a copy without the body would cost more). The search index record
 * changes with the body; no view prints it, and what related articles are
 * found from is compared by sameSubject.
 */
function sameExceptBody(a: Article, b: Article): boolean {
  const keys = Object.keys(a) as (keyof Article)[];
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((key) => key === "bodyHtml" || key === "searchRecord" || (key in b && sameView(a[key], b[key])));
}

/** Whether two records give an article the same subject (related.ts): the same terms, with the same weights. */
function sameSubject(a: IndexRecord, b: IndexRecord): boolean {
  return a.terms === b.terms && a.weights.length === b.weights.length && a.weights.every((weight, index) => weight === b.weights[index]);
}

/**
 * The article pages whose new bodies are given (by the file each page is
 * written to), each with its new body, and no other page: what `npm start`
 * renders at once for an edit of bodies alone, before the archive is loaded
 * again (the lists, related articles and excerpts that may change with the
 * body follow then).
 */
export function articlePagesWithBodies(views: SiteViews, bodies: ReadonlyMap<string, string>): SiteViews {
  const article = views.pages.article.flatMap((page) => {
    const bodyHtml = bodies.get(page.permalink);
    return bodyHtml === undefined ? [] : [{ ...page, bodyHtml }];
  });
  return { site: views.site, pages: { ...mapPageKinds(<Name extends PageKindName>(): PageViews[Name] => []), article } };
}

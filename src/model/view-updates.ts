import { compareArticles, type Article, type Category } from "../core/article.ts";
import type { ThemeAssetPaths } from "../core/assets.ts";
import type { CalendarDate } from "../core/dates.ts";
import type { Settings } from "../core/settings.ts";
import { outputFileFor } from "../core/urls.ts";
import type { IndexRecord } from "../text/index-record.ts";
import { sameView } from "./page-changes.ts";
import { mapPageKinds, type PageKindName, type PageViews, type SiteViews } from "./pages.ts";
import { buildArchiveModel } from "./archive-model.ts";
import { articlePage, type ArticlePageView } from "./views/article-pages.ts";
import { createViewContext, type SiteExtras } from "./views/context.ts";

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
function sameExceptBody(a: Article | undefined, b: Article): boolean {
  if (a === undefined) return false;
  const keys = Object.keys(a) as (keyof Article)[];
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((key) => key === "bodyHtml" || key === "searchRecord" || (key in b && sameView(a[key], b[key])));
}

/** Whether two records give an article the same subject (related.ts): the same terms, with the same weights. */
function sameSubject(a: IndexRecord, b: IndexRecord): boolean {
  return a.terms === b.terms && a.weights.length === b.weights.length && a.weights.every((weight, index) => weight === b.weights[index]);
}

/** What an article page is made in besides the articles: the settings, the build's day, the theme, the archive's categories and pages. */
interface PageFrame {
  readonly settings: Settings;
  readonly today: CalendarDate;
  readonly theme: ThemeAssetPaths;
  readonly categories: readonly Category[];
  readonly extras: SiteExtras;
}

/**
 * The pages of articles edited, and no other page: what `npm start` renders
 * at once for an edit of articles, before the archive is loaded again (the
 * lists, neighbours' links, related articles and feeds the edit changes
 * follow then). Each edited article takes the place of the article of the
 * same file in `previous`, and its page is made as articlePages makes it
 * over the archive so changed: between the neighbours its date now gives it,
 * listing the related articles its last page listed. An edit of bodies
 * alone reuses the last views, with the new bodies put in.
 */
export function editedArticlePages(
  previous: { readonly articles: readonly Article[]; readonly views: SiteViews },
  edited: readonly Article[],
  frame: PageFrame,
): SiteViews {
  const editedFiles = new Set(edited.map((article) => article.sourcePath));
  const lastOf = new Map(previous.articles.filter((article) => editedFiles.has(article.sourcePath)).map((article) => [article.sourcePath, article]));
  if (edited.every((article) => sameExceptBody(lastOf.get(article.sourcePath), article))) {
    return articlePagesWithBodies(previous.views, new Map(edited.map((article) => [outputFileFor(article.route), article.bodyHtml])));
  }
  const lastPages = new Map(previous.views.pages.article.map((page) => [page.permalink, page]));
  const articles = [...previous.articles.filter((article) => !editedFiles.has(article.sourcePath)), ...edited].sort(compareArticles);
  const { settings, today, theme, categories, extras } = frame;
  const context = createViewContext(articles, buildArchiveModel(articles, categories, settings.categories), settings, today, theme, extras);
  const pages = articles.flatMap((article, index) => {
    if (!editedFiles.has(article.sourcePath)) return [];
    const last = lastOf.get(article.sourcePath);
    return [articlePage(context, index, (last === undefined ? undefined : lastPages.get(outputFileFor(last.route)))?.related ?? [])];
  });
  return { site: previous.views.site, pages: { ...mapPageKinds(<Name extends PageKindName>(): PageViews[Name] => []), article: pages } };
}

/**
 * The article pages whose new bodies are given (by the file each page is
 * written to), each with its new body, and no other page.
 */
function articlePagesWithBodies(views: SiteViews, bodies: ReadonlyMap<string, string>): SiteViews {
  const article = views.pages.article.flatMap((page) => {
    const bodyHtml = bodies.get(page.permalink);
    return bodyHtml === undefined ? [] : [{ ...page, bodyHtml }];
  });
  return { site: views.site, pages: { ...mapPageKinds(<Name extends PageKindName>(): PageViews[Name] => []), article } };
}

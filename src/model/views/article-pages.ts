import type { Article } from "../../core/article.ts";
import { bundleFolder, outputFileFor, routeFolder, type Route } from "../../core/urls.ts";
import { formatLongDate } from "../format.ts";
import { relatedArticles } from "../related.ts";
import type { ViewContext } from "./context.ts";
import type { AuthorView, DatedView, LinkView, PageBase } from "./types.ts";

export interface ArticlePageView extends PageBase, DatedView {
  readonly href: string;
  readonly lang?: string;
  /** When it last changed, if later than its date. */
  readonly updatedIso?: string;
  readonly updatedText?: string;
  readonly authors: readonly AuthorView[];
  readonly category: LinkView;
  readonly tags: readonly LinkView[];
  readonly summary?: string;
  readonly bodyHtml: string;
  /** The article published just before (older), and just after (newer). */
  readonly previous?: LinkView;
  readonly next?: LinkView;
  /** Articles sharing its tags and category, nearest in time (see model/related.ts). */
  readonly related: readonly RelatedArticleView[];
  /** Drafts (published with --drafts) are never put in the search index, nor highlight searched words. */
  readonly searchable: boolean;
}

interface RelatedArticleView extends LinkView, DatedView {}

/** One page per article, oldest first, each linking the articles published just before and after it, and its related articles. */
export function articlePages(context: ViewContext): ArticlePageView[] {
  const related = relatedArticles(context.model);
  return context.articles.map((article, index) => articlePage(context, index, relatedViews(context, related.get(article) ?? [])));
}

/** Related articles as an article page lists them. */
function relatedViews(context: ViewContext, articles: readonly Article[]): RelatedArticleView[] {
  return articles.map((other) => {
    const { title, href, dateIso, dateText, dayHref } = context.summaryOf(other);
    return { title, href, dateIso, dateText, dayHref };
  });
}

/** The page of the article at `index` of the context's articles, between its neighbours there, listing `related`. */
export function articlePage(context: ViewContext, index: number, related: readonly RelatedArticleView[]): ArticlePageView {
  const { articles, settings, href, crumbs } = context;
  const article = articles[index];
  if (article === undefined) throw new RangeError(`no article at ${index} of ${articles.length}`);
  const previous = articles[index - 1];
  const next = articles[index + 1];
  const { year, month, day } = article.date;
  const summary = context.summaryOf(article);
  // Shown when it changed on a later day than it was published.
  const updated = article.updated !== undefined && article.updated.iso.slice(0, 10) > article.date.iso.slice(0, 10) ? article.updated : undefined;
  return {
    permalink: outputFileFor(article.route),
    title: article.title,
    breadcrumb: [crumbs.home, crumbs.year(year), crumbs.month(year, month), crumbs.day(year, month, day), { title: article.title }],
    meta: context.articleMeta(article),
    href: href(article.route),
    ...(article.lang === undefined ? {} : { lang: article.lang }),
    dateIso: summary.dateIso,
    dateText: summary.dateText,
    dayHref: summary.dayHref,
    ...(updated === undefined ? {} : { updatedIso: updated.iso, updatedText: formatLongDate(updated, settings.locale) }),
    authors: context.authorsOf(article),
    category: { title: article.category.name, href: href({ kind: "category", slug: article.category.slug }) },
    tags: article.tags.map((tag) => ({ title: tag.name, href: href({ kind: "tag", slug: tag.slug }) })),
    ...(article.summary === undefined ? {} : { summary: article.summary }),
    // Its links were resolved when the archive was loaded: those into the archive carry the base path already, those to the rest of the host must not.
    bodyHtml: article.bodyHtml,
    ...(previous === undefined ? {} : { previous: { title: previous.title, href: href(previous.route) } }),
    ...(next === undefined ? {} : { next: { title: next.title, href: href(next.route) } }),
    related,
    searchable: !article.draft,
  };
}

/**
 * Where each page bundle's files are copied: under an article's own folder
 * (see `bundleFolder`), beside a site page's page.
 */
export function bundleAssetCopies(
  articles: readonly { readonly bundleDir?: string | undefined; readonly assets: readonly string[]; readonly route: Route }[],
): { readonly from: string; readonly to: string }[] {
  return articles.flatMap((article) =>
    article.bundleDir === undefined
      ? []
      : article.assets.map((asset) => ({
          from: `${article.bundleDir}/${asset}`,
          to: outputFileFor({ kind: "file", path: `${article.route.kind === "article" ? bundleFolder(article.route) : routeFolder(article.route)}${asset}` }),
        })),
  );
}

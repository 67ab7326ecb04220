import type { Article } from "../content/load-archive.ts";
import type { Settings } from "../settings/settings.ts";
import { formatLongDate } from "../site/format.ts";
import { hrefFor, outputFileFor, routePath } from "../site/urls.ts";

/**
 * What the templates print. Everything is computed here, once per build,
 * so that templates only loop and print, and no page scans all articles.
 */
export interface LinkView {
  readonly title: string;
  readonly href: string;
}

export interface ArticleSummaryView extends LinkView {
  readonly dateIso: string;
  readonly dateText: string;
}

export interface ArticlePageView {
  /** The file written, relative to the output folder. */
  readonly permalink: string;
  readonly href: string;
  readonly title: string;
  readonly lang?: string;
  readonly dateIso: string;
  readonly dateText: string;
  readonly category: { readonly name: string; readonly href: string };
  readonly tags: readonly { readonly name: string; readonly href: string }[];
  readonly summary?: string;
  readonly bodyHtml: string;
  /** The article published just before (older), and just after (newer). */
  readonly previous?: LinkView;
  readonly next?: LinkView;
}

export interface SiteView {
  readonly title: string;
  readonly description: string;
  readonly language: string;
  readonly homeHref: string;
  readonly stylesheetHref: string;
  /** The "Focus on" box: the latest featured articles, newest first. */
  readonly focusOn: readonly ArticleSummaryView[];
  /** The latest articles, newest first, for the home page. */
  readonly latest: readonly ArticleSummaryView[];
}

export const STYLESHEET_PATH = "assets/style.css";
const LATEST_ON_HOME = 20;

export function buildSiteView(articles: readonly Article[], settings: Settings): SiteView {
  const summary = (article: Article): ArticleSummaryView => ({
    title: article.title,
    href: hrefFor(article.route, settings.basePath),
    dateIso: article.date.iso,
    dateText: formatLongDate(article.date, settings.locale),
  });
  const newestFirst = [...articles].reverse();
  return {
    title: settings.title,
    description: settings.description,
    language: settings.language,
    homeHref: hrefFor({ kind: "home" }, settings.basePath),
    stylesheetHref: hrefFor({ kind: "file", path: STYLESHEET_PATH }, settings.basePath),
    focusOn: newestFirst.filter((article) => article.featured).slice(0, settings.featuredCount).map(summary),
    latest: newestFirst.slice(0, LATEST_ON_HOME).map(summary),
  };
}

/** One view per article, oldest first, with its neighbours in date order. */
export function buildArticlePages(articles: readonly Article[], settings: Settings): ArticlePageView[] {
  const link = (article: Article | undefined): LinkView | undefined =>
    article === undefined ? undefined : { title: article.title, href: hrefFor(article.route, settings.basePath) };
  return articles.map((article, index) => {
    const previous = link(articles[index - 1]);
    const next = link(articles[index + 1]);
    return {
      permalink: outputFileFor(article.route),
      href: hrefFor(article.route, settings.basePath),
      title: article.title,
      ...(article.lang === undefined ? {} : { lang: article.lang }),
      dateIso: article.date.iso,
      dateText: formatLongDate(article.date, settings.locale),
      category: { name: article.category.name, href: hrefFor({ kind: "category", slug: article.category.slug }, settings.basePath) },
      tags: article.tags.map((tag) => ({ name: tag.name, href: hrefFor({ kind: "tag", slug: tag.slug }, settings.basePath) })),
      ...(article.summary === undefined ? {} : { summary: article.summary }),
      bodyHtml: article.bodyHtml,
      ...(previous === undefined ? {} : { previous }),
      ...(next === undefined ? {} : { next }),
    };
  });
}

/** Where each page bundle's files are copied: beside the article's page. */
export function bundleAssetCopies(articles: readonly Article[]): { readonly from: string; readonly to: string }[] {
  return articles.flatMap((article) =>
    article.bundleDir === undefined
      ? []
      : article.assets.map((asset) => ({ from: `${article.bundleDir}/${asset}`, to: outputFileFor({ kind: "file", path: `${routePath(article.route)}${asset}` }) })),
  );
}

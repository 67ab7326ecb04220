import { outputFileFor } from "../../core/urls.ts";
import type { ViewContext } from "./context.ts";
import type { SitePageView } from "./types.ts";

/** One page per page of the site (an undated file: About, Contact), by path: its title, its body, a trail home. */
export function sitePages(context: ViewContext): SitePageView[] {
  return context.pages.map((page) => ({
    permalink: outputFileFor(page.route),
    title: page.title,
    breadcrumb: [context.crumbs.home, { title: page.title }],
    meta: context.meta(page.route, page.summary ?? context.settings.description),
    ...(page.lang === undefined ? {} : { lang: page.lang }),
    bodyHtml: page.bodyHtml,
    draft: page.draft,
  }));
}

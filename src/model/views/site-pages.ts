import { outputFileFor } from "../../core/urls.ts";
import type { ViewContext } from "./context.ts";
import type { PageBase } from "./types.ts";

/** A page of the site made from an undated file (About, Contact): its title and body. */
export interface SitePageView extends PageBase {
  readonly lang?: string;
  readonly bodyHtml: string;
  /** Published with --drafts: left out of the sitemap. */
  readonly draft: boolean;
}

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

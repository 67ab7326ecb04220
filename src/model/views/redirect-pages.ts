import { outputFileFor } from "../../core/urls.ts";
import type { ViewContext } from "./context.ts";
import type { RedirectPageView } from "./types.ts";

/**
 * A page at each old address of an article (`aliases`, `redirect_from`), as
 * Hugo, Zola and jekyll-redirect-from write them: it sends browsers on at
 * once, tells search engines where the article is now, and shows a link.
 * Old addresses with a query ("/?p=12") have no page of their own: the
 * `_redirects` file and the home page's script serve them.
 */
export function redirectPages(context: ViewContext): RedirectPageView[] {
  return context.articles.flatMap((article) =>
    article.redirects
      .filter((address) => address.query === "")
      .map((address): RedirectPageView => {
        const route = { kind: "redirect", path: address.path } as const;
        return {
          permalink: outputFileFor(route),
          title: article.title,
          meta: context.articleMeta(article),
          targetHref: context.href(article.route),
          targetTitle: article.title,
        };
      }),
  );
}

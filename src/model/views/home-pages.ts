import type { Article } from "../../core/article.ts";
import { outputFileFor } from "../../core/urls.ts";
import { chunk } from "../archive-model.ts";
import { leadArticle } from "../latest.ts";
import { sectionsOf } from "../sections.ts";
import { pagination, type ViewContext } from "./context.ts";
import { recentYears } from "./grid.ts";
import type { HomePageView, HomeSectionView } from "./types.ts";

/** How many of the latest articles the first page lists before its sections, when it has sections. */
const TOP_STORIES = 5;
/** How many articles each section of the first page shows. */
const SECTION_ITEMS = 3;

/**
 * The home page, a front page whatever the archive sets: the lead story (the
 * newest featured article, else the newest of the latest articles), the
 * latest articles after it, then the latest of each section (categories, or
 * tags where categories say nothing; see model/sections.ts), then the recent
 * years of the grid. Its older pages (/page/2/ ...) go on with the latest
 * articles where the first page's list stops. An archive without sections
 * lists a whole page of the latest articles on its first page.
 */
export function homePages(context: ViewContext): HomePageView[] {
  const { model, settings, grid, href, today, latest } = context;
  const lead = leadArticle(model, latest, today);
  const listed = latest.filter((article) => article !== lead);
  const sectionsFound = sectionsOf(model, listed);
  const firstCount = sectionsFound.length === 0 ? settings.itemsPerPage : Math.min(TOP_STORIES, settings.itemsPerPage);
  const onFirst = new Set<Article>([...(lead === undefined ? [] : [lead]), ...listed.slice(0, firstCount)]);
  const sections = sectionsFound.flatMap((section): HomeSectionView[] => {
    // Articles shown higher up the page are not shown again.
    const items = section.articles.filter((article) => !onFirst.has(article)).slice(0, SECTION_ITEMS);
    if (items.length === 0) return [];
    return [{ id: `section-${section.kind}-${section.topic.slug}`, title: section.topic.name, href: href({ kind: section.kind, slug: section.topic.slug }), countText: context.countOf(section.total), items: items.map(context.summaryOf) }];
  });
  const pages = [listed.slice(0, firstCount), ...(listed.length > firstCount ? chunk(listed.slice(firstCount), settings.itemsPerPage) : [])];
  const gridYears = settings.homeGridYears;
  return pages.map((items, index): HomePageView => {
    const page = index + 1;
    const isFirst = page === 1;
    // The first page shows the sections itself: the box of their newest articles would repeat them.
    const showsSections = isFirst && sections.length > 0;
    return {
      permalink: outputFileFor({ kind: "home", page }),
      title: isFirst ? settings.title : `Latest articles, page ${page}`,
      meta: context.meta({ kind: "home", page }),
      heading: isFirst ? "Latest articles" : `Latest articles, page ${page}`,
      ...(isFirst && lead !== undefined ? { lead: context.summaryOf(lead), leadKicker: lead.featured ? "Featured" : "Latest" } : {}),
      items: items.map(context.summaryOf),
      ...(context.categoriesDivide ? {} : { omitItemCategory: true }),
      sections: isFirst ? sections : [],
      pagination: pagination(page, pages.length, (number) => href({ kind: "home", page: number })),
      ...(isFirst && gridYears > 0 ? { grid: recentYears(grid, gridYears) } : {}),
      gridIsPartial: grid.rows.length > gridYears,
      ...(showsSections ? { sidebar: context.sidebarWithout("sections") } : {}),
    };
  });
}

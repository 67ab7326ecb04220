import type { Article } from "../../core/article.ts";
import { outputFileFor } from "../../core/urls.ts";
import { chunk } from "../archive-model.ts";
import { leadArticle } from "../latest.ts";
import { sectionsOf } from "../sections.ts";
import { pagination, type ViewContext } from "./context.ts";
import { recentYears } from "./grid.ts";
import type { GridView } from "./grid-types.ts";
import type { SidebarBoxView, ArticleSummaryView } from "./types.ts";
import type { ListingPageView } from "./listing-pages.ts";

/** One section of the home page: a category's (or a tag's) latest articles, linking its page. */
interface HomeSectionView {
  /** Its heading's id. */
  readonly id: string;
  readonly title: string;
  readonly href: string;
  /** "117 articles": how many its page lists. */
  readonly countText: string;
  readonly items: readonly ArticleSummaryView[];
}

export interface HomePageView extends ListingPageView {
  /** On the first page only: the lead story (model/latest.ts), shown larger above the list. */
  readonly lead?: ArticleSummaryView;
  /** What the lead story is: "Featured", or "Latest" on an archive that features none. */
  readonly leadKicker?: string;
  /** On the first page only: the latest articles of each section, after the list. */
  readonly sections: readonly HomeSectionView[];
  /** On the first page only: the recent years of the grid. */
  readonly grid?: GridView;
  readonly gridIsPartial: boolean;
}

/** How many of the latest articles the first page lists before its sections, when it has sections. */
const TOP_STORIES = 5;
/** How many articles each section of the first page shows. */
const SECTION_ITEMS = 3;

/**
 * The home page, a front page whatever the archive sets: the lead story (the
 * newest featured article, else the newest of the latest articles), the
 * latest articles after it, then the latest of each section (categories, or
 * tags where categories say nothing; see model/sections.ts), then the recent
 * years of the grid (in the sidebar's box of the year, when it has one, so
 * that the grid is not shown twice and the sidebar is not left short beside
 * a long page). Its older pages (/page/2/ ...) go on with the latest
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
    return [
      {
        id: `section-${section.kind}-${section.topic.slug}`,
        title: section.topic.name,
        href: href({ kind: section.kind, slug: section.topic.slug }),
        countText: context.countOf(section.total),
        items: items.map(context.summaryOf),
      },
    ];
  });
  const pages = [listed.slice(0, firstCount), ...(listed.length > firstCount ? chunk(listed.slice(firstCount), settings.itemsPerPage) : [])];
  const gridYears = settings.homeGridYears;
  const recent = gridYears > 0 ? recentYears(grid, gridYears) : undefined;
  // The first page shows the sections itself: the box of their newest articles would repeat them.
  const firstSidebar = sections.length > 0 ? context.sidebarWithout("sections") : context.sidebar;
  const gridInSidebar = recent !== undefined && firstSidebar.some((box) => box.type === "year");
  return pages.map((items, index): HomePageView => {
    const page = index + 1;
    const isFirst = page === 1;
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
      ...(isFirst && recent !== undefined && !gridInSidebar ? { grid: recent } : {}),
      gridIsPartial: grid.rows.length > gridYears,
      ...(isFirst && (firstSidebar !== context.sidebar || gridInSidebar)
        ? { sidebar: gridInSidebar ? firstSidebar.map((box) => withRecentYears(box, recent)) : firstSidebar }
        : {}),
    };
  });
}

/** The box of the year showing the recent years instead, "By month", without the legend (the archive's grid explains the shades). */
function withRecentYears(box: SidebarBoxView, recent: GridView): SidebarBoxView {
  if (box.type !== "year") return box;
  const years = recent.rows.length;
  return { ...box, title: years === 1 ? box.title : `The last ${years} years by month`, grid: { ...recent, legend: [] } };
}

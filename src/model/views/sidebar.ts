import type { Article } from "../../core/article.ts";
import type { SidebarBoxSetting } from "../../core/sidebar-settings.ts";
import type { Route } from "../../core/urls.ts";
import type { ArchiveModel } from "../archive-model.ts";
import { findCategory, isAfterDay, thisDayInPastYears } from "../latest.ts";
import { sectionsOf } from "../sections.ts";
import { recentYears } from "./grid.ts";
import type { GridView } from "./grid-types.ts";
import type { ArticleSummaryView, SidebarBoxView } from "./types.ts";
import type { CalendarDate } from "../../core/dates.ts";

/** What the sidebar boxes are drawn from. */
interface SidebarSource {
  readonly boxes: readonly SidebarBoxSetting[];
  readonly model: ArchiveModel;
  /** The latest articles (model/latest.ts), newest first. */
  readonly latest: readonly Article[];
  readonly today: CalendarDate;
  /** The grid of every year. */
  readonly grid: GridView;
  readonly summaryOf: (article: Article) => ArticleSummaryView;
  readonly href: (route: Route) => string;
}

/**
 * The sidebar boxes the settings name, in their order, each drawn from the
 * archive once per build. A box with nothing to show is left out: an empty
 * box would hold a third of a wide screen for nothing.
 */
export function buildSidebar(source: SidebarSource): SidebarBoxView[] {
  return source.boxes.flatMap((box, index) => {
    const built = buildBox(box, `sidebar-${index + 1}`, source);
    return built === undefined || ("items" in built && built.items.length === 0) ? [] : [built];
  });
}

function buildBox(box: SidebarBoxSetting, id: string, source: SidebarSource): SidebarBoxView | undefined {
  const { model, today, summaryOf, href } = source;
  switch (box.type) {
    case "featured":
      return {
        type: box.type,
        id,
        title: box.title,
        items: model.newestFirst
          .filter((article) => article.featured)
          .slice(0, box.count)
          .map(summaryOf),
      };
    case "latest":
    case "upcoming": {
      const group = findCategory(model, box.category);
      const name = group?.topic.name ?? box.category;
      const articles = group?.articles ?? [];
      if (box.type === "latest")
        return {
          type: box.type,
          id,
          title: box.title ?? name,
          items: articles
            .filter((article) => !isAfterDay(article.date, today))
            .slice(0, box.count)
            .map(summaryOf),
        };
      const upcoming = articles.filter((article) => !isAfterDay(today, article.date)).reverse();
      return { type: box.type, id, title: box.title ?? `Upcoming: ${name}`, items: upcoming.slice(0, box.count).map(summaryOf) };
    }
    case "sections":
      return {
        type: box.type,
        id,
        title: box.title,
        items: sectionsOf(model, source.latest, box.count).flatMap((section) => {
          const newest = section.articles[0];
          return newest === undefined
            ? []
            : [{ ...summaryOf(newest), section: { title: section.topic.name, href: href({ kind: section.kind, slug: section.topic.slug }) } }];
        }),
      };
    case "this-day": {
      const { articles, exact } = thisDayInPastYears(model, today);
      return {
        type: box.type,
        id,
        title: box.title ?? (exact ? "This day in past years" : "This week in past years"),
        items: articles.slice(0, box.count).map(summaryOf),
      };
    }
    case "year": {
      // The build's year, or the newest one that has articles when the build's has none yet.
      const row = source.grid.rows.find((candidate) => candidate.year === today.year) ?? source.grid.rows[0];
      if (row === undefined) return undefined;
      // Its row alone, without the legend: the box is narrow, and the archive's grid explains the shades.
      const grid: GridView = { ...recentYears({ ...source.grid, rows: [row] }, 1), legend: [] };
      return { type: box.type, id, title: box.title ?? `${row.year} by month`, grid, more: { title: "Every year", href: href({ kind: "archive" }) } };
    }
  }
}

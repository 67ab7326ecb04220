import type { Route } from "../../core/urls.ts";
import type { ArchiveModel } from "../archive-model.ts";
import type { CalendarDay, GridRowView, GridView } from "./types.ts";

/** The month grid: a row per year (newest first), a cell per month, linking the months that have articles. */
export function buildGrid(model: ArchiveModel, today: CalendarDay, href: (route: Route) => string, monthName: (month: number) => string): GridView {
  const monthNames = Array.from({ length: 12 }, (_, index) => monthName(index + 1));
  const rows = model.years.map((group): GridRowView => {
    const counts = new Map(group.months.map((month) => [month.month, month.articles.length]));
    return {
      year: group.year,
      href: href({ kind: "year", year: group.year }),
      count: group.count,
      cells: monthNames.map((name, index) => {
        const month = index + 1;
        const count = counts.get(month) ?? 0;
        const description = `${name} ${group.year}: ${count === 0 ? "no articles" : count === 1 ? "1 article" : `${count} articles`}`;
        const isCurrent = group.year === today.year && month === today.month;
        return count === 0
          ? { label: String(month).padStart(2, "0"), count, description, isCurrent }
          : { label: String(month).padStart(2, "0"), count, href: href({ kind: "month", year: group.year, month }), description, isCurrent };
      }),
    };
  });
  return { columns: monthNames.map((name, index) => ({ label: String(index + 1).padStart(2, "0"), name })), rows };
}

/** The grid cut to its most recent `years` rows. */
export function recentYears(grid: GridView, years: number): GridView {
  return { ...grid, rows: grid.rows.slice(0, years) };
}

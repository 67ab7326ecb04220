import assert from "node:assert/strict";
import { readPage } from "./cli.ts";

export interface GridFacts {
  readonly years: number;
  readonly linkedMonths: number;
  readonly articlesInGrid: number;
}

/**
 * Reads the month grid of a built site and checks it against the pages behind
 * it: every linked month leads to a page listing exactly as many articles as
 * the grid says, each dated in that month; empty months are not links.
 */
export async function checkGridAgainstMonthPages(outputDir: string, basePath = "/"): Promise<GridFacts> {
  const archive = await readPage(outputDir, "archive/index.html");
  const rows = [...archive.querySelectorAll(".month-grid tbody tr")];
  let linkedMonths = 0;
  let articlesInGrid = 0;
  let previousYear = Number.POSITIVE_INFINITY;
  for (const row of rows) {
    const year = Number(row.querySelector("th")?.textContent);
    assert.ok(year < previousYear, `years newest first (${year} after ${previousYear})`);
    previousYear = year;
    const cells = [...row.querySelectorAll("td:not(.grid-total)")];
    assert.equal(cells.length, 12, `${year} has twelve months`);
    let yearTotal = 0;
    for (const [index, cell] of cells.entries()) {
      const link = cell.querySelector("a");
      if (link === null) {
        assert.equal(cell.textContent?.trim(), "none", `${year}-${index + 1} is empty and says so`);
        continue;
      }
      linkedMonths += 1;
      const month = String(index + 1).padStart(2, "0");
      const count = Number(/: ([\d,]+) articles?$/.exec(link.getAttribute("aria-label") ?? "")?.[1]?.replaceAll(",", ""));
      assert.ok(count > 0, `${year}-${month} has a count`);
      assert.equal(link.textContent?.replaceAll(",", ""), String(count), `${year}-${month} shows its count`);
      yearTotal += count;
      const href = link.getAttribute("href") ?? "";
      assert.equal(href, `${basePath}${year}/${month}/`);
      const monthPage = await readPage(outputDir, `${year}/${month}/index.html`);
      const items = [...monthPage.querySelectorAll(".article-list .article-item")];
      assert.equal(items.length, count, `${year}-${month}: the grid says ${count}, the month page lists ${items.length}`);
      for (const item of items) {
        const datetime = item.querySelector("time")?.getAttribute("datetime") ?? "";
        assert.ok(datetime.startsWith(`${year}-${month}`) || datetime.length > 10, `${datetime} in ${year}-${month}`);
        assert.ok(
          item.querySelector("a")?.getAttribute("href")?.startsWith(`${basePath}${year}/${month}/`),
          `article of ${year}-${month} lives under its month`,
        );
      }
      articlesInGrid += count;
    }
    assert.equal(row.querySelector(".grid-total")?.textContent?.replaceAll(",", ""), String(yearTotal), `${year}'s total is the sum of its months`);
  }
  return { years: rows.length, linkedMonths, articlesInGrid };
}

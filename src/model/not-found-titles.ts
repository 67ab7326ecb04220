import type { Article } from "../core/article.ts";
import type { ArchiveModel } from "./archive-model.ts";

/** A part of the titles the 404 page matches a missing address against: "all", a year ("2016") or a month ("2016-04"). */
interface TitlesPart {
  readonly id: string;
  /** Newest first. */
  readonly articles: readonly Article[];
}

/** An archive of at most this many articles ships its titles in one part. */
export const ONE_PART_MAX = 3000;
/** A larger archive ships a part per year, or per month for a year holding more than this. */
export const YEAR_PART_MAX = 1000;

/**
 * The titles the 404 page guesses the article meant from, cut into parts so
 * that the page loads a small one: the whole archive when it is small, else
 * the year (or the month) the missing address names, as dated addresses do.
 * Newest part first.
 */
export function titlesParts(model: ArchiveModel): TitlesPart[] {
  if (model.newestFirst.length <= ONE_PART_MAX) return [{ id: "all", articles: model.newestFirst }];
  return model.years.flatMap((year): TitlesPart[] => {
    if (year.count <= YEAR_PART_MAX) return [{ id: String(year.year), articles: year.months.flatMap((month) => month.articles) }];
    return year.months.map((month) => ({ id: `${year.year}-${String(month.month).padStart(2, "0")}`, articles: month.articles }));
  });
}

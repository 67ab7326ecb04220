/** The month grid as pages print it (grid.ts builds it): one row per year, one shaded cell per month. */

export interface GridCellView {
  readonly count: number;
  /** The count as printed, e.g. "3". */
  readonly countText: string;
  /** Its shade: 0 for an empty month, else 1 (fewest) to the number of legend entries. */
  readonly level: number;
  /** Only months with articles link to their page. */
  readonly href?: string;
  /** "April 2021: 3 articles": the link's name for screen readers. */
  readonly description: string;
  /** The build's month. */
  readonly isCurrent: boolean;
  /** The month's count by category ("release:5 announcements:2"), for the script that recounts the grid without a category; when categories divide the archive. */
  readonly categoryCounts?: string;
}

export interface GridRowView {
  readonly year: number;
  readonly href: string;
  readonly count: number;
  /** The year's total as printed, e.g. "1,049". */
  readonly countText: string;
  readonly cells: readonly GridCellView[];
}

/** The monthly counts one shade stands for. */
export interface VolumeRange {
  readonly min: number;
  readonly max: number;
}

export interface GridView {
  /** Column headers: "01", "Jan" and "January", ... */
  readonly columns: readonly { readonly number: string; readonly short: string; readonly name: string }[];
  readonly rows: readonly GridRowView[];
  /** What each shade stands for, lightest first: "1", "2–3", ... */
  readonly legend: readonly { readonly level: number; readonly label: string }[];
  /** "December 2026", when the build's month is in a row shown (it is marked). */
  readonly current?: string;
  readonly currentYear?: number;
  /** The largest count of each shade ("1 3 7 20"), with which the script shades a recounted month as the legend says. */
  readonly levelMaxes: string;
}

// bench/results.md is written by two benchmarks: npm run bench writes the
// comparison with Eleventy at the standard sizes, then npm run bench:scale's
// section (from its heading to the end of the file) follows. Each rewrites
// its own part and keeps the other's.

/** The heading that opens npm run bench:scale's section. */
export const SCALE_HEADING = "## Scale";

/** A results file cut in two: npm run bench's part, and the scale section (empty when there is none). */
export function splitResults(file: string): { readonly comparison: string; readonly scale: string } {
  const at = file.startsWith(SCALE_HEADING) ? 0 : file.indexOf(`\n${SCALE_HEADING}`);
  if (at === -1) return { comparison: file, scale: "" };
  const cut = at === 0 ? 0 : at + 1;
  return { comparison: file.slice(0, cut), scale: file.slice(cut) };
}

/** The two parts joined again, a blank line between them. */
export function joinResults(comparison: string, scale: string): string {
  if (scale === "" || comparison === "") return `${comparison}${scale}`;
  return `${comparison.trimEnd()}\n\n${scale.trimEnd()}\n`;
}

import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { before, describe, it } from "node:test";
import type { Page } from "playwright-core";
import { openPage, SAMPLE_PAGES, serveSample } from "../support/browser.ts";

interface AxeViolation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly nodes: readonly { readonly target: readonly string[] }[];
}

const axeSource = await readFile(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/** One page of each kind of the sample archive (built with a fixed build day). */
const PAGES: Readonly<Record<string, string>> = {
  ...SAMPLE_PAGES,
  "article with highlighted code": "2021/02/08/green-criteria-in-tenders-2016-2020/",
  "not saved for offline reading": "offline/",
};

/** What axe-core finds on the page, one line a rule. */
async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: axeSource });
  const violations = (await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: unknown[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] } });
    return result.violations;
  })) as AxeViolation[];
  return violations.map(
    (violation) =>
      `${violation.id} (${violation.impact}): ${violation.help} at ${violation.nodes
        .map((node) => node.target.join(" "))
        .slice(0, 3)
        .join(", ")}`,
  );
}

describe("accessibility of every page type (axe-core, WCAG 2.2 AA)", () => {
  let siteUrl: string;

  before(async () => {
    siteUrl = await serveSample();
  });

  /** Pages whose parts are laid out anew on a phone: wide code and tables scrolling in their box, the grid on two lines a year, search results. */
  const PHONE_PAGES: Readonly<Record<string, string>> = {
    "article with wide code and a wide table": "2021/02/08/green-criteria-in-tenders-2016-2020/",
    "search results": "search/?q=canteen",
    archive: "archive/",
    "year, its categories offered to leave out": "2021/",
    "not found, guessing the article meant": "2022/03/lcc-survy-result/",
  };

  for (const [kind, path] of Object.entries(PHONE_PAGES)) {
    it(`finds no violation on the ${kind} page at 390 px`, async () => {
      const { page } = await openPage(siteUrl, { width: 390, height: 844 });
      await page.goto(`${siteUrl}${path}`);
      if (kind === "search results") await page.locator("#search-results li").first().waitFor();
      if (kind.startsWith("not found")) await page.locator(".not-found-guesses li").first().waitFor();
      if (kind.startsWith("year")) await page.locator("form.category-filter:not([hidden])").waitFor();
      assert.deepEqual(await axeViolations(page), []);
    });
  }

  for (const scheme of ["light", "dark"] as const) {
    for (const [kind, path] of Object.entries(PAGES)) {
      it(`finds no violation on the ${kind} page in the ${scheme} scheme`, async () => {
        const { page } = await openPage(siteUrl);
        await page.emulateMedia({ colorScheme: scheme });
        await page.goto(`${siteUrl}${path}`);
        if (kind === "search") await page.locator("#search-results li").first().waitFor();
        assert.deepEqual(await axeViolations(page), []);
      });
    }
  }
});

import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { before, describe, it } from "node:test";
import { openPage, serveSample } from "../support/browser.ts";

interface AxeViolation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly nodes: readonly { readonly target: readonly string[] }[];
}

const axeSource = await readFile(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/** One page of each kind of the sample archive (built with a fixed build day). */
const PAGES: Readonly<Record<string, string>> = {
  home: "",
  "home, page 2": "page/2/",
  archive: "archive/",
  year: "2021/",
  month: "2021/11/",
  day: "2022/03/15/",
  categories: "category/",
  category: "category/events/",
  tags: "tag/",
  tag: "tag/eco-labels/",
  author: "author/marta-ellison/",
  "author index": "author/",
  article: "2022/03/15/lcc-survey-results/",
  "article with highlighted code": "2021/02/08/green-criteria-in-tenders-2016-2020/",
  search: "search/?q=canteen",
  "not found": "no/such/page/",
  "not saved for offline reading": "offline/",
};

describe("accessibility of every page type (axe-core, WCAG 2.2 AA)", () => {
  let siteUrl: string;

  before(async () => {
    siteUrl = await serveSample();
  });

  for (const scheme of ["light", "dark"] as const) {
    for (const [kind, path] of Object.entries(PAGES)) {
      it(`finds no violation on the ${kind} page in the ${scheme} scheme`, async () => {
        const { page } = await openPage(siteUrl);
        await page.emulateMedia({ colorScheme: scheme });
        await page.goto(`${siteUrl}${path}`);
        if (kind === "search") await page.locator("#search-results li").first().waitFor();
        await page.addScriptTag({ content: axeSource });
        const violations = (await page.evaluate(async () => {
          const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: unknown[] }> } }).axe;
          const result = await axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] } });
          return result.violations;
        })) as AxeViolation[];
        const summary = violations.map((violation) => `${violation.id} (${violation.impact}): ${violation.help} at ${violation.nodes.map((node) => node.target.join(" ")).slice(0, 3).join(", ")}`);
        assert.deepEqual(summary, []);
      });
    }
  }
});

import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { DateTime } from "luxon";
import { formatLongDate } from "../../src/model/format.ts";

describe("a calendar date written out", () => {
  it("reads as Luxon writes the date's parts, in every locale, for years of any length and leap days", () => {
    for (const locale of ["en-US", "en-GB", "fr", "de", "ru", "ja", "ar-EG", "th", "fa", "he"]) {
      for (const [year, month, day] of [
        [2021, 4, 9],
        [2024, 2, 29],
        [1999, 12, 31],
        [1900, 1, 1],
        [99, 7, 4],
        [5, 3, 1],
        [2100, 11, 30],
      ] as const) {
        const expected = DateTime.fromObject({ year, month, day }, { zone: "UTC", locale }).toLocaleString(DateTime.DATE_FULL);
        assert.equal(formatLongDate({ year, month, day }, locale), expected, `${locale} ${year}-${month}-${day}`);
      }
    }
    assert.equal(formatLongDate({ year: 2021, month: 4, day: 9 }, "en-US"), "April 9, 2021");
  });
});

import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { isNumberTerm, numberTermsOf, queryNumberTerm, wholeNumberTerm } from "../../src/text/numbers.browser.ts";

const own = (written: string): string[] => numberTermsOf(written).map((term) => term.own);

describe("number terms", () => {
  it("name a number or version by its parts, without leading zeros or trailing zero parts", () => {
    assert.deepEqual(own("18"), ["nv18z"]);
    assert.deepEqual(own("v18"), ["nv18z"]);
    assert.deepEqual(own("18.0.0"), ["nv18z"]);
    assert.deepEqual(own("v22.1.0"), ["nv22x1z"]);
    assert.deepEqual(own("1.30"), ["nv1x30z"]);
    assert.deepEqual(own("18.x"), ["nv18z"], "a version line");
    assert.deepEqual(own("09"), ["nv9z"]);
    assert.deepEqual(own("0.0"), ["nv0z"]);
  });

  it("find every number of a written word, punctuation and all, and none in words mixing letters with digits", () => {
    assert.deepEqual(own("#18513"), ["nv18513z"]);
    assert.deepEqual(own("(1.30):"), ["nv1x30z"]);
    assert.deepEqual(own("2,000"), ["nv2000z"], "thousands grouped with commas");
    assert.deepEqual(own("1,2"), ["nv1z", "nv2z"]);
    assert.deepEqual(own("node-v18.12.1-darwin-arm64.tar.gz"), ["nv18x12x1z"]);
    assert.deepEqual(own("1.22-1.24"), ["nv1x22z", "nv1x24z"]);
    assert.deepEqual(own("k8s"), []);
    assert.deepEqual(own("1.0.2k"), []);
    assert.deepEqual(own("x64"), []);
    assert.deepEqual(own("123456789"), [], "longer than a number a reader types");
    assert.deepEqual(own("1.2.3.4.5"), []);
  });

  it("give a version the terms of its lines too, and a number of one part none", () => {
    assert.deepEqual(numberTermsOf("18.12.1"), [{ own: "nv18x12x1z", lines: ["nv18z", "nv18x12z"] }]);
    assert.deepEqual(numberTermsOf("18"), [{ own: "nv18z", lines: [] }]);
    assert.deepEqual(numberTermsOf("1.30"), [{ own: "nv1x30z", lines: ["nv1z"] }]);
    assert.deepEqual(numberTermsOf("release"), [], "a word without a digit");
  });

  it("never start one another, so that a query's term finds its number alone", () => {
    const terms = ["18", "180", "18513", "1.8", "18.1", "18.12", "18.12.1"].flatMap(own);
    for (const term of terms) for (const other of terms) if (term !== other) assert.ok(!other.startsWith(term), `${term} starts ${other}`);
    assert.ok(terms.every(isNumberTerm));
    assert.ok(!isNumberTerm("nv18") && !isNumberTerm("nvidia"));
  });

  it("stand for a query's numbers, while other words and a v with a whole number have none", () => {
    assert.equal(queryNumberTerm("18"), "nv18z");
    assert.equal(queryNumberTerm("v22.1.0"), "nv22x1z");
    assert.equal(queryNumberTerm("1.30,"), "nv1x30z");
    assert.equal(queryNumberTerm("#18513"), "nv18513z");
    assert.equal(queryNumberTerm("v8"), undefined);
    assert.equal(queryNumberTerm("CVE-2025-1974"), undefined);
    assert.equal(queryNumberTerm("k8s"), undefined);
  });

  it("name a year or a day as the number a query's year or day is searched by", () => {
    assert.equal(wholeNumberTerm(2024), "nv2024z");
    assert.equal(wholeNumberTerm(2024), queryNumberTerm("2024"));
  });
});

import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { excerptWithoutNumberTerms, isNumberTerm, lineTermsIn, numberTermsOf, queryTerm, withNumberTerms, withoutNumberTerms } from "../../src/search/numbers.ts";

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
    assert.deepEqual(lineTermsIn("Node.js 18.12.1 and 1.30 and 7"), ["nv18z", "nv18x12z", "nv1z"]);
  });

  it("never start one another, so that a query's term finds its number alone", () => {
    const terms = ["18", "180", "18513", "1.8", "18.1", "18.12", "18.12.1"].flatMap(own);
    for (const term of terms) for (const other of terms) if (term !== other) assert.ok(!other.startsWith(term), `${term} starts ${other}`);
    assert.ok(terms.every(isNumberTerm));
    assert.ok(!isNumberTerm("nv18") && !isNumberTerm("nvidia"));
  });

  it("follow each number of a text, and come out again for the reader", () => {
    const indexed = withNumberTerms("Node.js 18 is out, see v22.1.0.");
    assert.equal(indexed, "Node.js 18 nv18z is out, see v22.1.0. nv22x1z");
    assert.equal(withoutNumberTerms(indexed), "Node.js 18 is out, see v22.1.0.");
    assert.equal(withoutNumberTerms("Version 1.2 nv1x2z nv1z"), "Version 1.2");
    assert.equal(withoutNumberTerms("anv18z nv18zz"), "anv18z nv18zz", "only whole terms");
  });

  it("leave an excerpt with the number marked where its term was", () => {
    assert.equal(excerptWithoutNumberTerms("Node.js 18 <mark>nv18z</mark> is <mark>out</mark>"), "Node.js <mark>18</mark> is <mark>out</mark>");
    assert.equal(excerptWithoutNumberTerms("<mark>nv18z</mark> starts it"), " starts it");
  });

  it("stand for a query's numbers, while other words and a v with a whole number stay as written", () => {
    assert.equal(queryTerm("18"), "nv18z");
    assert.equal(queryTerm("v22.1.0"), "nv22x1z");
    assert.equal(queryTerm("1.30,"), "nv1x30z");
    assert.equal(queryTerm("#18513"), "nv18513z");
    assert.equal(queryTerm("v8"), "v8");
    assert.equal(queryTerm("CVE-2025-1974"), "CVE-2025-1974");
    assert.equal(queryTerm("k8s"), "k8s");
  });
});

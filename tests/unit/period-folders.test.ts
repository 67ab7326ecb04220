import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { describe, it } from "node:test";
import { INDEX_FORMAT_VERSION } from "../../src/search/index-format.browser.ts";
import { MemorySink } from "../../src/search/index-sinks.ts";
import { periodFolderName, writePeriods, type PeriodToWrite } from "../../src/search/index-write.ts";

/** A period of these documents (fragment, text). */
function periodOf(documents: readonly (readonly [string, string])[]): PeriodToWrite {
  return { first: 0, label: "2024", documents };
}

/** The name as a folder's files' bytes give it: each document's fragment and text encoded, each after its length. */
function nameFromBytes(period: PeriodToWrite): string {
  const hash = createHash("sha256").update(String(INDEX_FORMAT_VERSION));
  for (const pair of period.documents) {
    for (const written of pair) {
      const bytes = new TextEncoder().encode(written);
      hash.update(String(bytes.length)).update(bytes);
    }
  }
  return `p-${hash.digest("hex").slice(0, 16)}`;
}

describe("the name of a period's folder of fragments", () => {
  const written = periodOf([
    ['{"title":"Café"}', "Naïve procurement, 2024 — Łódź"],
    ['{"title":"Emoji"}', "A tender 🌱 in spring"],
    // Lone surrogates, high and low, inside a text and at its end: both encodings write U+FFFD for each.
    ['{"title":"Broken"}', "half a pair \ud800 here, the other half \udc00 there"],
    ['{"title":"Cut at the end \udbff"}', "a text cut after half a pair \ud83c"],
  ]);

  it("is made from the bytes of its documents as the folder holds them, accents, emoji and lone surrogates included", () => {
    assert.equal(periodFolderName(written), nameFromBytes(written));
  });

  it("is the name of the folder its documents are written into", () => {
    const sink = new MemorySink(undefined, false);
    writePeriods([written], sink);
    const folders = new Set(sink.parts.map((part) => (part.kind === "file" ? part.path.split("/")[0] : "")));
    assert.deepEqual([...folders], [periodFolderName(written)]);
  });

  it("changes when a text changes, or when words move from a fragment to its text", () => {
    const edited = periodOf([['{"title":"Café"}', "Naïve procurement, 2025 — Łódź"], ...written.documents.slice(1)]);
    const moved = periodOf([["ab", "c"]]);
    assert.notEqual(periodFolderName(edited), periodFolderName(written));
    assert.notEqual(periodFolderName(moved), periodFolderName(periodOf([["a", "bc"]])));
  });
});

import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { pairDocuments, type PairDocuments } from "../../src/search/pair-documents.ts";

const GAP = 0xffff;

/** Each pair as "first second" with its documents, in pair number order. */
function listed(pairs: PairDocuments): [string, number[]][] {
  return Array.from({ length: pairs.count }, (_, pair) => [
    `${pairs.firsts[pair]} ${pairs.seconds[pair]}`,
    [...pairs.docs.subarray(pairs.starts[pair], pairs.starts[pair + 1])],
  ]);
}

describe("pairs of consecutive terms", () => {
  it("are numbered as first met, each with its documents once and in order, and none across a phrase's break", () => {
    // Places in each document's term list, and the ids of those places' terms.
    const documents = [
      { sequence: Uint16Array.of(0, 1, 0, 1, GAP, 2, 0), ids: Uint32Array.of(7, 8, 9) },
      { sequence: Uint16Array.of(0, 1), ids: Uint32Array.of(9, 7) },
      { sequence: Uint16Array.of(1, 0, 1), ids: Uint32Array.of(8, 7) },
    ];
    const pairs = pairDocuments(documents.length, (doc) => documents[doc] as (typeof documents)[number]);
    assert.deepEqual(listed(pairs), [
      ["7 8", [0, 2]],
      ["8 7", [0, 2]],
      ["9 7", [0, 1]],
    ]);
  });

  it("are none for no documents, a document of one word and one of breaks alone, whatever the width of its places", () => {
    assert.equal(pairDocuments(0, () => ({ sequence: new Uint16Array(0), ids: new Uint32Array(0) })).count, 0);
    const documents = [
      { sequence: Uint32Array.of(0), ids: Uint32Array.of(5) },
      { sequence: Uint32Array.of(0xffffffff, 0xffffffff), ids: Uint32Array.of(5) },
      { sequence: Uint32Array.of(0, 0xffffffff, 1, 0), ids: Uint32Array.of(5, 6) },
    ];
    const pairs = pairDocuments(documents.length, (doc) => documents[doc] as (typeof documents)[number]);
    assert.deepEqual(listed(pairs), [["6 5", [2]]]);
  });

  it("keeps every pair and its documents as the table grows past thousands", () => {
    // 300 documents of 60 terms each, in orders that make about 3,900 distinct pairs (the table starts with room for 1,024), many in several documents.
    const documents = Array.from({ length: 300 }, (_, doc) => {
      const ids = Uint32Array.from({ length: 60 }, (_, at) => (at * 31 + doc * 7) % 400);
      const sequence = Uint32Array.from({ length: 120 }, (_, at) => (at * (doc % 13) + doc) % 60);
      return { sequence, ids };
    });
    const expected = new Map<string, number[]>();
    for (const [doc, { sequence, ids }] of documents.entries()) {
      for (let at = 1; at < sequence.length; at += 1) {
        const key = `${ids[sequence[at - 1] as number]} ${ids[sequence[at] as number]}`;
        const docs = expected.get(key) ?? [];
        if (docs.at(-1) !== doc) docs.push(doc);
        expected.set(key, docs);
      }
    }
    const pairs = pairDocuments(documents.length, (doc) => documents[doc] as (typeof documents)[number]);
    assert.ok(pairs.count > 3000, `${pairs.count} pairs`);
    assert.deepEqual(listed(pairs), [...expected]);
  });
});

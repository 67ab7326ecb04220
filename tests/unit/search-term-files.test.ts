import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  blockFile,
  chunkFile,
  listsPair,
  pairFingerprint,
  readFingerprints,
  setFile,
  valuesFile,
  writeFingerprints,
} from "../../src/search/term-files.browser.ts";

describe("the files of a term's postings and the pairs whose sets are files", () => {
  it("reads back every fingerprint the entry was written with, and few others", () => {
    const listed = Array.from({ length: 4096 }, (_, at) => `word${at} next${at % 97}`);
    const fingerprints = readFingerprints(writeFingerprints(listed));
    for (const pair of listed) assert.ok(listsPair(fingerprints, pair), pair);
    const others = Array.from({ length: 20_000 }, (_, at) => `other${at} pair`).filter((pair) => listsPair(fingerprints, pair));
    assert.ok(others.length < 20, `${others.length} of 20,000 pairs not listed taken for listed ones`);
  });

  it("lists 4,096 pairs in under 12 KB of the entry", () => {
    const listed = Array.from({ length: 4096 }, (_, at) => `word${at} next${at}`);
    assert.ok(writeFingerprints(listed).length < 12_000);
  });

  it("lists nothing as an empty list", () => {
    assert.equal(readFingerprints(writeFingerprints([])).length, 0);
    assert.ok(!listsPair(readFingerprints(writeFingerprints([])), "energi canteen"));
  });

  it("names a term's files from its shard and the term, each changing the name", () => {
    const name = setFile("d-0123456789abcdef", "energi canteen");
    assert.match(name, /^s-[0-9a-f]{16}$/);
    assert.equal(setFile("d-0123456789abcdef", "energi canteen"), name);
    assert.notEqual(setFile("d-0123456789abcdee", "energi canteen"), name);
    assert.notEqual(setFile("d-0123456789abcdef", "energi canteens"), name);
    const names = [
      valuesFile("d-0123456789abcdef", "energi"),
      setFile("d-0123456789abcdef", "energi"),
      ...[0, 1, 2].map((block) => blockFile("d-0123456789abcdef", "energi", block)),
      ...[0, 1, 2].map((chunk) => chunkFile(0x0123456789ab, "energi", chunk)),
    ];
    assert.equal(new Set(names).size, names.length, "each file of a term has a name of its own");
    assert.deepEqual(
      names.map((file) => file.slice(0, 2)),
      ["t-", "s-", "b-", "b-", "b-", "c-", "c-", "c-"],
    );
  });

  it("fingerprints words beyond Latin letters", () => {
    assert.notEqual(pairFingerprint("züri straße"), pairFingerprint("zuri strasse"));
    assert.ok(listsPair(readFingerprints(writeFingerprints(["東京 大阪", "a b"])), "東京 大阪"));
  });
});

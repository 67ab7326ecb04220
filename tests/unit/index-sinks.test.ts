import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { gunzipSync } from "node:zlib";
import { MemorySink } from "../../src/search/index-sinks.ts";

describe("the search index's files made in memory", () => {
  it("holds each compressed file in a buffer of its own size, so that sending it to another thread sends its bytes alone", () => {
    const sink = new MemorySink(undefined, false);
    const payloads = new Map([
      ["entry", new TextEncoder().encode("a small file")],
      ["0123abcd/7", new TextEncoder().encode("a fragment ".repeat(40))],
    ]);
    for (const [path, payload] of payloads) sink.write(path, payload);
    assert.equal(sink.parts.length, payloads.size);
    for (const part of sink.parts) {
      assert.equal(part.kind, "file");
      if (part.kind !== "file" || typeof part.content === "string") continue;
      assert.equal(part.content.buffer.byteLength, part.content.byteLength, part.path);
      assert.deepEqual(new Uint8Array(gunzipSync(part.content)), payloads.get(part.path));
    }
  });
});

import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { feedDate } from "../../../src/import/feed.ts";
import { formatOffset, inferTimeZone, wordpressDate, type OffsetSample } from "../../../src/import/import-dates.ts";

/** A post written at a wall-clock time in a zone whose offset then was `offsetMinutes`. */
function sample(utc: string, offsetMinutes: number): OffsetSample {
  return { instantMs: Date.parse(`${utc}Z`), offsetMinutes };
}

describe("WordPress dates", () => {
  it("writes the local time with the offset WordPress's two dates imply", () => {
    assert.deepEqual(wordpressDate("2024-03-09 22:30:00", "2024-03-10 05:30:00"), {
      iso: "2024-03-09T22:30:00-07:00",
      sample: { instantMs: Date.parse("2024-03-10T05:30:00Z"), offsetMinutes: -420 },
    });
    assert.equal(wordpressDate("2024-02-05 15:53:10", "2024-02-05 15:53:10")?.iso, "2024-02-05T15:53:10+00:00");
    assert.equal(wordpressDate("2024-06-01 12:00:00", "2024-06-01 06:15:00")?.iso, "2024-06-01T12:00:00+05:45");
  });

  it("writes a never-published draft's time without offset, for the archive's zone to place", () => {
    assert.deepEqual(wordpressDate("2024-03-12 10:00:00", "0000-00-00 00:00:00"), { iso: "2024-03-12T10:00:00" });
    assert.deepEqual(wordpressDate("2008-06-04 22:40:06", ""), { iso: "2008-06-04T22:40:06" });
  });

  it("has no date for WordPress's zero date or an impossible one", () => {
    assert.equal(wordpressDate("0000-00-00 00:00:00", "0000-00-00 00:00:00"), undefined);
    assert.equal(wordpressDate("2024-02-30 10:00:00", ""), undefined);
    assert.equal(wordpressDate("yesterday", ""), undefined);
  });

  it("ignores a GMT date more than 14 hours away, which no zone has", () => {
    assert.deepEqual(wordpressDate("2024-03-12 10:00:00", "2024-03-14 10:00:00"), { iso: "2024-03-12T10:00:00" });
  });

  it("formats offsets as ISO 8601 does", () => {
    assert.equal(formatOffset(0), "+00:00");
    assert.equal(formatOffset(-420), "-07:00");
    assert.equal(formatOffset(345), "+05:45");
    assert.equal(formatOffset(-570), "-09:30");
  });
});

describe("the archive's time zone from an export's offsets", () => {
  it("is UTC when local and UTC times agree", () => {
    assert.equal(inferTimeZone([sample("2024-01-05T10:00:00", 0), sample("2024-07-05T10:00:00", 0)]).zone, "UTC");
  });

  it("is a fixed Etc zone, its sign inverted as POSIX has it, for one whole-hour offset", () => {
    const guess = inferTimeZone([sample("2024-01-05T10:00:00", -420), sample("2024-07-05T10:00:00", -420)]);
    assert.equal(guess.zone, "Etc/GMT+7");
    assert.equal(inferTimeZone([sample("2024-01-05T10:00:00", 60)]).zone, "Etc/GMT-1");
  });

  it("is a named zone whose rules give every date its offset when the offset changes with the seasons", () => {
    const guess = inferTimeZone([sample("2024-01-15T18:00:00", -480), sample("2024-07-15T18:00:00", -420), sample("2023-11-10T18:00:00", -480)]);
    assert.equal(guess.zone, "America/Los_Angeles");
    assert.ok(guess.zone !== undefined && guess.alternatives.includes("America/Tijuana"), "other zones that fit are named");
    assert.equal(inferTimeZone([sample("2024-01-15T12:00:00", 60), sample("2024-07-15T12:00:00", 120)]).zone, "Europe/Paris");
  });

  it("names a zone for an offset that is not whole hours", () => {
    assert.equal(inferTimeZone([sample("2024-01-15T12:00:00", 330), sample("2024-07-15T12:00:00", 330)]).zone, "Asia/Kolkata");
  });

  it("says so when no date gives an offset, or when no zone fits them all", () => {
    assert.equal(inferTimeZone([]).zone, undefined);
    const moved = inferTimeZone([sample("2024-01-15T12:00:00", 60), sample("2024-01-16T12:00:00", -300)]);
    assert.equal(moved.zone, undefined);
    assert.match(moved.why, /change zones/);
  });
});

describe("feed dates", () => {
  it("keeps the offset of RSS's and Atom's dates", () => {
    assert.equal(feedDate("Mon, 05 Feb 2024 15:53:10 +0000")?.iso, "2024-02-05T15:53:10+00:00");
    assert.equal(feedDate("Sat, 09 Mar 2024 22:30:00 -0700")?.iso, "2024-03-09T22:30:00-07:00");
    assert.equal(feedDate("2024-03-09T22:30:00-07:00")?.sample?.offsetMinutes, -420);
    assert.equal(feedDate("2024-03-10T05:30:00Z")?.iso, "2024-03-10T05:30:00+00:00");
  });

  it("has no date for text that is not one", () => {
    assert.equal(feedDate("soon"), undefined);
    assert.equal(feedDate(""), undefined);
  });
});

import assert from "node:assert/strict";
import { after, describe, it } from "node:test";
import { buildDay, parseArticleDate, splitFileNameDate, type ArticleDate } from "../../src/core/dates.ts";

const originalTz = process.env["TZ"];
after(() => {
  if (originalTz === undefined) delete process.env["TZ"];
  else process.env["TZ"] = originalTz;
});

function calendarDate(value: unknown, zone: string): string {
  const result = parseArticleDate(value, zone);
  assert.ok(result.ok, `expected ${JSON.stringify(value)} to parse, got: ${result.ok ? "" : result.reason}`);
  return ymd(result.date);
}

function ymd(date: ArticleDate): string {
  return `${date.year}-${String(date.month).padStart(2, "0")}-${String(date.day).padStart(2, "0")}`;
}

// The process's own zone must never move a date: only the archive's zone may.
for (const machineZone of ["UTC", "America/Los_Angeles", "Pacific/Kiritimati"]) {
  describe(`article dates on a machine whose TZ is ${machineZone}`, () => {
    it("reads a plain YAML date as that calendar date in any archive zone", () => {
      process.env["TZ"] = machineZone;
      // Proof that the process really runs in that zone: January 1 2021's offset from UTC.
      const expectedOffset = { UTC: 0, "America/Los_Angeles": 480, "Pacific/Kiritimati": -840 }[machineZone];
      assert.equal(new Date(Date.UTC(2021, 0, 1)).getTimezoneOffset(), expectedOffset);
      assert.equal(calendarDate("2021-04-09", "UTC"), "2021-04-09");
      assert.equal(calendarDate("2021-04-09", "America/Chicago"), "2021-04-09");
      assert.equal(calendarDate("2021-04-09", "Pacific/Kiritimati"), "2021-04-09");
      const result = parseArticleDate("2021-04-09", "America/Chicago");
      assert.ok(result.ok);
      assert.equal(result.date.hasTime, false);
      assert.equal(result.date.iso, "2021-04-09");
    });

    it("converts a date-time with an offset to the archive's zone", () => {
      process.env["TZ"] = machineZone;
      assert.equal(calendarDate("2021-04-30T23:30:00-05:00", "UTC"), "2021-05-01");
      assert.equal(calendarDate("2021-04-30T23:30:00-05:00", "America/Chicago"), "2021-04-30");
      assert.equal(calendarDate("2021-04-30T23:30:00Z", "Pacific/Kiritimati"), "2021-05-01");
      assert.equal(calendarDate("2019-08-30T10:00:00.000Z", "UTC"), "2019-08-30");
    });

    it("accepts offsets written +HH:MM, +HHMM, +HH and Z", () => {
      process.env["TZ"] = machineZone;
      assert.equal(calendarDate("2020-01-01T01:00:00+02:00", "UTC"), "2019-12-31");
      assert.equal(calendarDate("2020-01-01T01:00:00+0200", "UTC"), "2019-12-31");
      assert.equal(calendarDate("2020-01-01T01:00:00+02", "UTC"), "2019-12-31");
      assert.equal(calendarDate("2020-01-01T01:00:00Z", "UTC"), "2020-01-01");
    });

    it("reads Jekyll's 'YYYY-MM-DD HH:MM:SS +HHMM' form", () => {
      process.env["TZ"] = machineZone;
      assert.equal(calendarDate("2021-04-09 22:15:00 -0700", "UTC"), "2021-04-10");
      assert.equal(calendarDate("2021-04-09 22:15:00 -0700", "America/Los_Angeles"), "2021-04-09");
    });

    it("reads a date-time without offset as a wall-clock time in the archive's zone", () => {
      process.env["TZ"] = machineZone;
      assert.equal(calendarDate("2021-04-09T23:59:00", "Pacific/Kiritimati"), "2021-04-09");
      const result = parseArticleDate("2021-04-09 08:00", "Europe/Paris");
      assert.ok(result.ok);
      assert.equal(result.date.iso, "2021-04-09T08:00:00+02:00");
      assert.equal(result.date.epochMs, Date.UTC(2021, 3, 9, 6, 0, 0));
    });

    it("orders two articles of one day by their times", () => {
      process.env["TZ"] = machineZone;
      const morning = parseArticleDate("2021-04-09T08:00:00+00:00", "UTC");
      const evening = parseArticleDate("2021-04-09T20:00:00+00:00", "UTC");
      assert.ok(morning.ok && evening.ok);
      assert.ok(morning.date.epochMs < evening.date.epochMs);
    });
  });
}

describe("invalid article dates", () => {
  const reasonFor = (value: unknown): string => {
    const result = parseArticleDate(value, "UTC");
    assert.equal(result.ok, false, `expected ${JSON.stringify(value)} to be refused`);
    return result.ok ? "" : result.reason;
  };

  it("refuses a day the month does not have", () => {
    assert.match(reasonFor("2021-02-30"), /"2021-02-30" is not a calendar date/);
    assert.match(reasonFor("2021-13-01"), /not a calendar date/);
    assert.match(reasonFor("2021-02-29T10:00:00Z"), /not a calendar date/);
  });

  it("refuses placeholders, unknown formats and ambiguous ones, naming the value and the accepted forms", () => {
    assert.match(reasonFor("2026-XX-XX"), /"2026-XX-XX" is not a date in a known format; write YYYY-MM-DD/);
    assert.match(reasonFor("next Tuesday"), /not a date in a known format/);
    // April 9 or September 4: not guessed at.
    assert.match(reasonFor("09/04/2021"), /not a date in a known format/);
    assert.match(reasonFor("2024-4-31"), /not a calendar date/);
  });

  it("refuses the year 0 and years past 9999", () => {
    assert.match(reasonFor("0000-01-01"), /year 0/);
    assert.match(reasonFor("10000-01-01"), /outside 1-9999/);
  });

  it("refuses numbers, lists, empty text and impossible times", () => {
    assert.match(reasonFor(20210409), /is a number, not a date/);
    assert.match(reasonFor(["2021-04-09"]), /not a list/);
    assert.match(reasonFor(""), /empty/);
    assert.match(reasonFor("2021-04-09T25:00:00Z"), /not a valid time of day/);
    assert.match(reasonFor("2021-04-09T10:00:00+15:00"), /offset outside/);
  });
});

describe("dates in the forms Jekyll, Hugo and the Go blog read", () => {
  const read = (value: string, zone = "UTC"): { readonly iso: string; readonly note: string } => {
    const result = parseArticleDate(value, zone);
    assert.ok(result.ok, `expected ${value} to be read, got: ${result.ok ? "" : result.reason}`);
    return { iso: result.date.iso, note: result.note ?? "" };
  };

  it("reads one-digit months and days, and slashes, with a note saying how", () => {
    assert.deepEqual(read("2024-4-09"), {
      iso: "2024-04-09",
      note: 'the date "2024-4-09" has a one-digit month, day or hour, which Jekyll and the Go blog read; it was read as 2024-04-09. Write 2024-04-09 to silence this',
    });
    assert.equal(read("2024-04-9").iso, "2024-04-09");
    assert.equal(read("2021/04/09").iso, "2021-04-09");
    assert.match(read("2021/04/09").note, /slashes/);
    assert.equal(read("2024-4-9 9:05", "Europe/Paris").iso, "2024-04-09T09:05:00+02:00");
  });

  it("leaves out what Ruby leaves out after a time, as Jekyll dated its posts", () => {
    // Jekyll's own news: the year repeated after the time hides the offset from Ruby, which reads a local time.
    const jekyll = read("2023-01-29 18:30:22 2023 -0800");
    assert.equal(jekyll.iso, "2023-01-29T18:30:22Z");
    assert.match(jekyll.note, /"2023 -0800" after its time, which was not understood and was left out/);
    // Go's time.String(): the zone's name after its offset.
    assert.equal(read("2021-04-09 14:30:00 -0700 PDT").iso, "2021-04-09T21:30:00Z");
  });

  it("reads named months and RFC 2822 dates as Hugo and Jekyll do", () => {
    assert.equal(read("April 9, 2021").iso, "2021-04-09");
    assert.equal(read("09 Apr 2021").iso, "2021-04-09");
    assert.equal(read("Jan 2, 2006").iso, "2006-01-02");
    assert.equal(read("Mon, 02 Jan 2006 15:04:05 -0700").iso, "2006-01-02T22:04:05Z");
    assert.match(read("09 Apr 2021").note, /is not written as ISO 8601; it was read as 2021-04-09/);
  });

  it("gives no note for the forms this tool writes", () => {
    const plain = parseArticleDate("2021-04-09 22:15:00 -0700", "UTC");
    assert.ok(plain.ok);
    assert.equal(plain.note, undefined);
  });
});

describe("dates in file names", () => {
  it("splits a YYYY-MM-DD- prefix from the rest of the name", () => {
    assert.deepEqual(splitFileNameDate("2021-04-09-annual-report"), { date: "2021-04-09", rest: "annual-report" });
  });

  it("finds no date in a name without the prefix", () => {
    assert.equal(splitFileNameDate("annual-report"), undefined);
    assert.equal(splitFileNameDate("2021-04-annual-report"), undefined);
  });
});

describe("the build's day", () => {
  it("comes from SOURCE_DATE_EPOCH when it is set, in the archive's zone", () => {
    assert.deepEqual(buildDay("1618012800", 0, "UTC"), { year: 2021, month: 4, day: 10 });
    assert.deepEqual(buildDay("1618012800", 0, "America/Los_Angeles"), { year: 2021, month: 4, day: 9 });
  });

  it("is today otherwise", () => {
    assert.deepEqual(buildDay(undefined, Date.UTC(2030, 0, 2, 12), "UTC"), { year: 2030, month: 1, day: 2 });
  });
});

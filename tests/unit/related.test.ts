import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Article } from "../../src/core/article.ts";
import { buildArchiveModel } from "../../src/model/archive-model.ts";
import { POSTINGS_KEPT, relatedArticles, relatedBySubject, type Subject } from "../../src/model/related.ts";
import { tfIdfVectors, type TermVector, type TermWeights } from "../../src/model/term-vectors.ts";
import { indexRecord } from "../../src/text/index-record.ts";
import { loadStemmer } from "../../src/text/stemmers.ts";
import { WEIGHT_UNIT } from "../../src/text/words.browser.ts";
import { articleOn } from "../support/articles.ts";
import { termWeightsOf } from "../support/records.ts";

const news = { slug: "news", name: "News" };
const events = { slug: "events", name: "Events" };
const stem = await loadStemmer("en");

/** What the search index holds of an English article: the terms related articles are found by. */
function recordOf(title: string, body = "") {
  return indexRecord({ title, bodyHtml: `<p>${body}</p>` }, "en", stem);
}

function termsOf(title: string, body = ""): Map<string, number> {
  return termWeightsOf(recordOf(title, body));
}

/** Terms and their weights as the related articles take them, from a map of them. */
function weighted(terms: Iterable<readonly [string, number]>): TermWeights {
  const entries = [...terms];
  return { terms: entries.map(([term]) => term), weights: entries.map(([, weight]) => weight) };
}

function subject(terms: Iterable<readonly [string, number]>, extra: Partial<Subject> = {}): Subject {
  return { terms: weighted(terms), tags: [], category: "", time: 0, ...extra };
}

describe("TF-IDF vectors", () => {
  const lists = [
    new Map([
      ["common", 1],
      ["rare", 1],
    ]),
    new Map([
      ["common", 1],
      ["rare", 1],
    ]),
    new Map([["common", 1]]),
    new Map([["common", 1]]),
  ];

  it("are unit vectors in which a term held by every item weighs least", () => {
    const [first] = tfIdfVectors(lists.length, (item) => weighted(lists[item] ?? []));
    // Numbered in the order met: "common" is 0, "rare" 1.
    assert.deepEqual([...(first?.terms ?? [])], [0, 1]);
    const common = first?.weights[0] ?? 0;
    const rare = first?.weights[1] ?? 0;
    assert.ok(rare > common * 2, `${rare} > 2 × ${common}`);
    assert.ok(Math.abs(common * common + rare * rare - 1) < 1e-9);
  });

  it("weigh terms by how often they occur in the unit given, more slowly than their count", () => {
    const twice = new Map([
      ["common", 1],
      ["rare", 2],
    ]);
    const inParts = new Map([
      ["common", 24],
      ["rare", 48],
    ]);
    const [words] = tfIdfVectors(lists.length, (item) => weighted(item === 0 ? twice : (lists[item] ?? [])));
    const [parts] = tfIdfVectors(lists.length, (item) => weighted(item === 0 ? inParts : (lists[item] ?? [])), 24);
    assert.deepEqual([...(parts?.weights ?? [])], [...(words?.weights ?? [])]);
    const [once] = tfIdfVectors(lists.length, (item) => weighted(lists[item] ?? []));
    const rareToCommon = (vector: TermVector | undefined): number => (vector?.weights[1] ?? 0) / (vector?.weights[0] ?? 1);
    const ratio = rareToCommon(words) / rareToCommon(once);
    assert.ok(ratio > 1 && ratio < 2, `a term twice as frequent weighs ${ratio} times as much, not twice`);
  });

  it("leave out the terms no other item holds, which liken it to none", () => {
    const [first, second] = tfIdfVectors(2, (item) =>
      weighted([
        ["shared", 1],
        [`own${item}`, 5],
      ]),
    );
    assert.deepEqual([first?.terms.length, second?.terms.length], [1, 1]);
    assert.equal(first?.weights[0], 1);
  });

  it("keep each item's 48 heaviest terms, so that a long article costs no more than a short one", () => {
    const long = new Map(Array.from({ length: 200 }, (_, index) => [`word${index}`, index + 1] as const));
    const [vector] = tfIdfVectors(2, (item) => weighted(item === 0 ? long : [...long.keys()].map((word) => [word, 1] as const)));
    assert.equal(vector?.terms.length, 48);
    // The heaviest kept are the most frequent: word152 to word199, numbered 152 to 199 in the order met.
    assert.deepEqual(
      [...(vector?.terms ?? [])],
      Array.from({ length: 48 }, (_, index) => 152 + index),
    );
  });
});

describe("TF-IDF vectors of many equal terms", () => {
  it("keep, of terms that weigh the same, those met first", () => {
    const even = Array.from({ length: 60 }, (_, index) => [`word${index}`, 1] as const);
    const [vector] = tfIdfVectors(2, () => weighted(even));
    assert.deepEqual(
      [...(vector?.terms ?? [])],
      Array.from({ length: 48 }, (_, index) => index),
    );
  });
});

describe("related by subject", () => {
  const items = ["domain", "foundation", "docs", "docs-again", "errors"] as const;
  const subjects: Record<(typeof items)[number], Subject> = {
    domain: subject(
      termsOf(
        "Domain module postmortem",
        "The domain module handled errors thrown asynchronously. Why domains failed, and what replaces them for error handling.",
      ),
    ),
    // In five articles, words such as "now", "of" and "a" are rare enough to make a subject (in a real archive nearly every article holds them): this one leaves them out.
    foundation: subject(termsOf("Foundation individual membership opens", "Individual members elect directors to their board.")),
    docs: subject(termsOf("New API documentation preview", "The API documentation is rebuilt: a preview of the new docs site, with search and dark mode.")),
    "docs-again": subject(termsOf("API documentation tooling", "How the API documentation site is generated, and the preview of its redesign.")),
    errors: subject(
      termsOf(
        "Error handling in async code",
        "Errors thrown asynchronously escape try/catch; domain modules once caught them, async hooks and promises now do.",
      ),
    ),
  };
  const related = relatedBySubject([...items], (item) => subjects[item], { weightUnit: WEIGHT_UNIT });

  it("finds the articles on the same subject, not the nearest in time or the same category", () => {
    assert.deepEqual(related.get("domain"), ["errors"]);
    assert.deepEqual(related.get("docs"), ["docs-again"]);
    assert.deepEqual(related.get("foundation"), [], "nothing shares its subject: better no list than an unrelated one");
  });

  it("adds a little for shared tags and the same category, which break a tie but do not make a subject", () => {
    const terms = termsOf("Canteen survey results", "School canteens answered a survey on food waste.");
    const boosted = relatedBySubject(
      ["a", "tagged", "plain", "elsewhere"],
      (item) =>
        item === "elsewhere"
          ? subject(termsOf("Harbour cranes", "Cranes unload ships."), { tags: ["food"], category: "news" })
          : subject(terms, { tags: item === "plain" ? [] : ["food"], category: "news" }),
      { weightUnit: WEIGHT_UNIT },
    );
    assert.deepEqual(boosted.get("a"), ["tagged", "plain"]);
  });

  it("orders equally close items by nearness in time, the newer first on a tie", () => {
    const terms = termsOf("Canteen survey results");
    const timed = relatedBySubject([0, 10, -10, 20, 30], (time) => subject(terms, { time }));
    assert.deepEqual(timed.get(0), [10, -10, 20, 30]);
    assert.deepEqual(relatedBySubject([0, 10, -10], (time) => subject(terms, { time }), { count: 1 }).get(0), [10]);
  });

  it("keeps, for a term many items hold, only the items it weighs most in, so that the work stays linear", () => {
    // Items 0 to 149 hold "shared", each more than the one before, and a word of their own, which one more item (150 to 299) holds too.
    const count = POSTINGS_KEPT + 50;
    const items = Array.from({ length: count * 2 }, (_, index) => index);
    const related = relatedBySubject(items, (index) =>
      subject(
        index < count
          ? [
              ["shared", (index + 1) * 1000],
              [`own${index}`, 1],
            ]
          : [[`own${index - count}`, 1]],
      ),
    );
    // "shared" leads to the 100 items it weighs most in (50 to 149): the lightest reach them, no one reaches the lightest through it.
    assert.deepEqual(related.get(0), [149, 148, 147, 146]);
    for (const [item, list] of related)
      assert.ok(
        list.every((other) => other >= 50 || other === item - count),
        `${item}: ${list.join(", ")}`,
      );
  });

  it("still finds an item after meeting, more times than there are items, one whose terms weigh nothing", () => {
    // "light" holds the heavy item's first three terms at a weight too small to count (ln(1 + 1e-300) is 0): each of them
    // leads to it again while its score is still 0, before "shared" leads to "match".
    const subjects: Record<string, Subject> = {
      heavy: subject([
        ["first", 1],
        ["second", 1],
        ["third", 1],
        ["shared", 1],
      ]),
      light: subject([
        ["first", 1e-300],
        ["second", 1e-300],
        ["third", 1e-300],
      ]),
      match: subject([["shared", 1]]),
    };
    const related = relatedBySubject(Object.keys(subjects), (name) => subjects[name] as Subject);
    assert.deepEqual(related.get("heavy"), ["match"]);
  });

  it("keeps, of the items a term weighs the same in, those given first", () => {
    // 150 items alike: "shared" leads to the first 100 of them, in order, and every item's likeness to each is the same.
    const items = Array.from({ length: POSTINGS_KEPT + 50 }, (_, index) => index);
    const related = relatedBySubject(items, () => subject([["shared", 1]]));
    assert.deepEqual(related.get(149), [0, 1, 2, 3]);
    assert.deepEqual(related.get(0), [1, 2, 3, 4]);
  });
});

describe("related articles of an archive", () => {
  const pumps = {
    title: "Heat pumps in schools",
    bodyHtml: "<p>A joint tender for heat pumps in schools.</p>",
    searchRecord: recordOf("Heat pumps in schools", "A joint tender for heat pumps in schools."),
  };

  it("are found by the terms the search index holds of them, the category counting only where categories divide the archive", () => {
    const articles: Article[] = [
      articleOn(2021, 1, 1, { slug: "a", ...pumps }),
      articleOn(2021, 1, 2, { slug: "b", ...pumps, category: events }),
      articleOn(2021, 1, 3, { slug: "c", searchRecord: recordOf("Harbour cranes", "Cranes unload ships.") }),
    ];
    const related = relatedArticles(buildArchiveModel(articles, [news, events]));
    assert.deepEqual(
      related.get(articles[0] as Article)?.map((article) => article.slug),
      ["b"],
    );
    assert.deepEqual(related.get(articles[2] as Article), []);
  });

  it("are not found by numbers alone: a year, a count or a version shared is no subject", () => {
    const articles: Article[] = [
      articleOn(2021, 1, 1, { slug: "cluster", searchRecord: recordOf("Cluster API v1.12: chained upgrades, 2021", "40 providers.") }),
      articleOn(2021, 1, 2, { slug: "kubelet", searchRecord: recordOf("Kubernetes 1.12: TLS bootstrap, 2021", "40 nodes.") }),
      articleOn(2021, 1, 3, { slug: "pumps", ...pumps }),
    ];
    const related = relatedArticles(buildArchiveModel(articles, [news]));
    assert.deepEqual(related.get(articles[0] as Article), []);
  });
});

import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { buildArchiveModel } from "../../src/model/archive-model.ts";
import { ONE_PART_MAX, titlesParts, YEAR_PART_MAX } from "../../src/model/not-found-titles.ts";
import { addressWords, guessArticles, partFor, type TitledLink } from "../../src/browser/title-match.ts";
import { articleOn } from "../support/articles.ts";

/** Newest first, as the lists are. */
const articles: TitledLink[] = [
  ["Node.js 22.9.0 (Current)", "/2024/09/17/v22-9-0/"],
  ["Node v22.8.0 (Current)", "/2024/09/03/v22-8-0/"],
  ["Node v20.17.0 (LTS)", "/2024/08/21/v20-17-0/"],
  ["Node.js 22 is now available!", "/2024/04/24/v22-release-announce/"],
  ["Domain Module Postmortem", "/2015/09/01/domain-postmortem/"],
  ["Check out the New Node.js API Documentation Preview", "/2026/07/24/new-api-docs-preview/"],
  ["Security releases, September 2016", "/2016/09/27/security-releases/"],
];

describe("the words of a missing address", () => {
  it("are its slug's words, without the base path, dates, numbers alone, extensions and words every address has", () => {
    assert.deepEqual(addressWords("/news/2015/09/01/domain-post-mortem.html", "/news/"), ["domain", "mortem"]);
    assert.deepEqual(addressWords("/blog/release/v22.9.0", "/"), ["release", "22_9_0"]);
    assert.deepEqual(addressWords("/2016/10/security-release-v6/", "/"), ["security", "release"]);
    assert.deepEqual(addressWords("/caf%C3%A9-%ZZtop/", "/"), ["cafe", "zztop"]);
  });
});

describe("guessing the article a missing address meant", () => {
  it("finds an article by its slug's words, cut short or mistyped", () => {
    const firstGuess = (path: string) => guessArticles(addressWords(path, "/"), articles, 3, path)[0]?.[0];
    assert.equal(firstGuess("/2015/09/domain-postmortm/"), "Domain Module Postmortem");
    assert.equal(firstGuess("/blog/new-api-doc/"), "Check out the New Node.js API Documentation Preview");
    assert.equal(firstGuess("/blog/release/v22.9.0"), "Node.js 22.9.0 (Current)");
  });

  it("puts first, of articles matching as well, the one dated as the address is", () => {
    const twins: TitledLink[] = [
      ["Annual report", "/2021/04/09/annual-report/"],
      ["Annual report", "/2020/04/09/annual-report/"],
    ];
    assert.deepEqual(guessArticles(["annual", "report"], twins, 3, "/2020/04/annual-reprot/")[0], twins[1]);
  });

  it("finds nothing when too few of the address's words match, or when it has none", () => {
    assert.deepEqual(guessArticles(addressWords("/about/team/contact/", "/"), articles), []);
    assert.deepEqual(guessArticles([], articles), []);
  });

  it("gives at most the number asked, best first", () => {
    const many: TitledLink[] = Array.from({ length: 5 }, (_, index) => [`Security release ${index}`, `/a${index}/`]);
    assert.equal(guessArticles(["security", "release"], many, 3).length, 3);
  });
});

describe("the part of the titles a 404 page loads", () => {
  it("is the month or year a dated address names, else the whole archive, else the newest part", () => {
    assert.equal(partFor("/2016/04/x/", ["2017", "2016-05", "2016-04"]), "2016-04");
    assert.equal(partFor("/2017/04/x/", ["2017", "2016-04"]), "2017");
    assert.equal(partFor("/old/x/", ["all"]), "all");
    assert.equal(partFor("/old/x/", ["2017", "2016"]), "2017");
    assert.equal(partFor("/x/", []), undefined);
  });

  it("is written whole for a small archive, by year for a large one, by month for a year larger still", () => {
    const small = buildArchiveModel([articleOn(2020, 1, 1), articleOn(2021, 1, 1)], [{ slug: "news", name: "News" }]);
    assert.deepEqual(
      titlesParts(small).map((part) => [part.id, part.articles.length]),
      [["all", 2]],
    );
    const big = [
      ...Array.from({ length: YEAR_PART_MAX }, (_, index) => articleOn(2020, 1 + (index % 12), 1, { slug: `a${index}` })),
      ...Array.from({ length: ONE_PART_MAX - YEAR_PART_MAX + 1 }, (_, index) => articleOn(2021, index < 600 ? 1 : 2, 1, { slug: `b${index}` })),
    ];
    const parts = titlesParts(buildArchiveModel(big, [{ slug: "news", name: "News" }]));
    assert.deepEqual(
      parts.map((part) => [part.id, part.articles.length]),
      [
        ["2021-02", ONE_PART_MAX - YEAR_PART_MAX + 1 - 600],
        ["2021-01", 600],
        ["2020", YEAR_PART_MAX],
      ],
    );
  });
});

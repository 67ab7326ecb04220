import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Article } from "../../src/core/article.ts";
import { THEME_FILES } from "../../src/core/assets.ts";
import { buildArchiveModel } from "../../src/model/archive-model.ts";
import { buildSiteViews } from "../../src/model/pages.ts";
import { byInitial, LETTER_INDEX_MIN } from "../../src/model/views/index-pages.ts";
import { articleOn, settingsWith } from "../support/articles.ts";

const news = { slug: "news", name: "News" };
const today = { year: 2021, month: 4, day: 15 };
const entry = (name: string) => ({ name, href: `/tag/${name}/`, count: 1 });

function tagIndexOf(articles: readonly Article[]) {
  return buildSiteViews(articles, buildArchiveModel(articles, [news]), settingsWith(), today, THEME_FILES).pages.tags[0];
}

describe("the index of tags", () => {
  it("lists a few tags side by side, by name, without initials", () => {
    const index = tagIndexOf([
      articleOn(2021, 1, 1, {
        tags: [
          { slug: "b", name: "beta" },
          { slug: "a", name: "alpha" },
        ],
      }),
      articleOn(2021, 1, 2, { tags: [{ slug: "b", name: "beta" }] }),
    ]);
    assert.equal(index?.compact, true);
    assert.equal(index?.letters, undefined);
    assert.deepEqual(
      index?.entries.map((topic) => [topic.name, topic.count]),
      [
        ["alpha", 1],
        ["beta", 2],
      ],
    );
  });

  it("groups many tags by initial, for an A-Z index with jump links", () => {
    const tags = Array.from({ length: LETTER_INDEX_MIN }, (_, index) => ({ slug: `t${index}`, name: `${String.fromCharCode(97 + (index % 3))}-${index}` }));
    const index = tagIndexOf([articleOn(2021, 1, 1, { tags })]);
    assert.deepEqual(
      index?.letters?.map((group) => [group.letter, group.id, group.entries.length]),
      [
        ["A", "letter-a", 14],
        ["B", "letter-b", 13],
        ["C", "letter-c", 13],
      ],
    );
  });
});

describe("grouping names by initial", () => {
  it("files a name under its initial without accents, in capitals, and names starting with no letter under # first", () => {
    const groups = byInitial(["2024 roadmap", "éco", "Eagle", "exit", "Zeta", "张伟"].map(entry));
    assert.deepEqual(
      groups.map((group) => [group.letter, group.id, group.entries.map((topic) => topic.name)]),
      [
        ["#", "letter-other", ["2024 roadmap"]],
        ["E", "letter-e", ["éco", "Eagle", "exit"]],
        ["Z", "letter-z", ["Zeta"]],
        ["张", "letter-张", ["张伟"]],
      ],
    );
  });
});

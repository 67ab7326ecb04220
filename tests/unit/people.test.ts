import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { splitByline } from "../../src/content/bylines.ts";
import type { LoadedArchive } from "../../src/content/load-archive.ts";
import { loadFiles } from "../support/load.ts";

/** The archive of `files`, loaded with News as its default category unless the settings say otherwise. */
const load = (files: Record<string, string>, rawSettings: Record<string, unknown> = {}): Promise<LoadedArchive> =>
  loadFiles(files, { defaultCategory: "News", ...rawSettings });

const post = (frontMatter: string): string => `---\n${frontMatter}\n---\n\nBody.\n`;
const authorsOf = (archive: LoadedArchive): Record<string, string[]> =>
  Object.fromEntries(archive.articles.map((item) => [item.sourcePath, item.authors.map((author) => `${author.name} /${author.slug}/`)]));

describe("bylines", () => {
  it("name everyone in them, split at commas, 'and' and '&', as the Node.js blog writes them", () => {
    assert.deepEqual(splitByline("Matteo Collina and Joyee Cheung"), ["Matteo Collina", "Joyee Cheung"]);
    assert.deepEqual(splitByline("Chengzhong Wu, Joyee Cheung"), ["Chengzhong Wu", "Joyee Cheung"]);
    assert.deepEqual(splitByline("Giovanny Gioyik (@Gioyik) & Julian Duque (@julianduque)"), ["Giovanny Gioyik (@Gioyik)", "Julian Duque (@julianduque)"]);
    assert.deepEqual(splitByline("Ann Lee, Bob Roe, and Cy Poe"), ["Ann Lee", "Bob Roe", "Cy Poe"]);
  });

  it("keep an affiliation's commas and a name's suffix with the name", () => {
    assert.deepEqual(splitByline("David Zhu (Software Engineer, Google), Ann Lee"), ["David Zhu (Software Engineer, Google)", "Ann Lee"]);
    assert.deepEqual(splitByline("Martin Luther King, Jr., Ann Lee"), ["Martin Luther King, Jr.", "Ann Lee"]);
  });

  it("leave out the people they do not name", () => {
    assert.deepEqual(splitByline("Ann Lee (Acme), and other review and release note contributors"), ["Ann Lee (Acme)"]);
    assert.deepEqual(splitByline("Carmen Andoh and contributors"), ["Carmen Andoh"]);
    assert.deepEqual(splitByline("Ann Lee, Bob Roe et al."), ["Ann Lee", "Bob Roe"]);
    assert.deepEqual(splitByline("Ann Lee and Otto Others"), ["Ann Lee", "Otto Others"]);
  });

  it("leave out what they say of their people: a role or a date, as the Go blog writes them", () => {
    assert.deepEqual(splitByline("Russ Cox, for the Go team"), ["Russ Cox"]);
    assert.deepEqual(splitByline("Jeremy Faller and Steve Francia, for the Go team"), ["Jeremy Faller", "Steve Francia"]);
    assert.deepEqual(splitByline("Eli Bendersky, on behalf of the Go team"), ["Eli Bendersky"]);
    assert.deepEqual(splitByline("Russ Cox, July 2011; updated by Shenghou Ma, May 2013"), ["Russ Cox", "Shenghou Ma"]);
    // A name that only starts like a role or a date is a name.
    assert.deepEqual(splitByline("Ford Prefect, May Lee, Byron Bay"), ["Ford Prefect", "May Lee", "Byron Bay"]);
  });

  it("read Go's by: list, author and authors, each once, and give co-authors one page each", async () => {
    const archive = await load({
      "a.md": post("title: A\ndate: 2021-01-01\nby:\n- Michael Knyszek\n- Austin Clements"),
      "b.md": post("title: B\ndate: 2021-01-02\nauthor: Joyee Cheung, Chengzhong Wu"),
      "c.md": post("title: C\ndate: 2021-01-03\nauthor: Matteo Collina and Joyee Cheung\nauthors: [Joyee Cheung]"),
    });
    assert.deepEqual(authorsOf(archive), {
      "a.md": ["Michael Knyszek /michael-knyszek/", "Austin Clements /austin-clements/"],
      "b.md": ["Joyee Cheung /joyee-cheung/", "Chengzhong Wu /chengzhong-wu/"],
      "c.md": ["Matteo Collina /matteo-collina/", "Joyee Cheung /joyee-cheung/"],
    });
  });

  it("are one person under the spellings the authors setting lists as aliases, named as the setting spells them", async () => {
    const archive = await load(
      {
        "a.md": post("title: A\ndate: 2021-01-01\nauthor: Isaac Schlueter"),
        "b.md": post("title: B\ndate: 2021-01-02\nauthor: Isaac Schlueter"),
        "c.md": post("title: C\ndate: 2021-01-03\nauthor: Isaac Z. Schlueter"),
        "d.md": post("title: D\ndate: 2021-01-04\nauthor: isaacs"),
      },
      { authors: { "Isaac Z. Schlueter": { aliases: ["Isaac Schlueter", "isaacs"] } } },
    );
    assert.deepEqual(new Set(Object.values(authorsOf(archive)).flat()), new Set(["Isaac Z. Schlueter /isaac-z-schlueter/"]));
    assert.deepEqual(
      archive.diagnostics.filter((item) => item.kind === "author-spelling"),
      [],
    );
  });
});

describe("front matter keys", () => {
  it("are read whatever their case, as Hugo reads them", async () => {
    const archive = await load({ "a.md": "---\nTitle: Capitals\nDate: 2021-01-01\nAuthor: Ann Lee\nDescription: What it says.\n---\n\nBody.\n" });
    const [only] = archive.articles;
    assert.equal(only?.title, "Capitals");
    assert.deepEqual(
      only?.authors.map((author) => author.name),
      ["Ann Lee"],
    );
    assert.equal(only?.summary, "What it says.");
  });

  it("that no part of the build reads are named in one warning, with how many files use each", async () => {
    const archive = await load({
      "a.md": post("title: A\ndate: 2021-01-01\nlayout: post\ntemplate: true"),
      "b.md": post("title: B\ndate: 2021-01-02\nlayout: post"),
      "about.md": post("title: About\nlayout: page"),
    });
    const unread = archive.diagnostics.filter((item) => item.kind === "unread-keys");
    assert.equal(unread.length, 1);
    assert.match(unread[0]?.message ?? "", /^front matter keys that no part of the build reads, with how many files use each: layout \(3\), template \(1\)\./);
  });
});

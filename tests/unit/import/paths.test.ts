import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { uploadsPathOf } from "../../../src/import/media.ts";
import { articleSlug, pathOf, redirectPaths } from "../../../src/import/wp-paths.ts";

describe("imported slugs", () => {
  it("keeps an ASCII post name as it is", () => {
    assert.deepEqual(articleSlug("harbour-reopens", "Harbour reopens", "21"), { slug: "harbour-reopens" });
  });

  it("decodes a percent-encoded non-ASCII post name and writes the slug the build will use, with a note", () => {
    const slug = articleSlug("%d0%bf%d1%80%d0%b8%d0%b2%d0%b5%d1%82-%d0%bc%d0%b8%d1%80", "Привет, мир", "26");
    assert.equal(slug.slug, "privet-mir");
    assert.match(slug.note ?? "", /"привет-мир", written "privet-mir"/);
    assert.equal(articleSlug("caf%c3%a9-cr%c3%a8me", "", "3").slug, "cafe-creme");
  });

  it("falls back to the title, then to post-ID, when the name has nothing an address can hold", () => {
    assert.deepEqual(articleSlug("", "Unfinished piece", "25"), { slug: "unfinished-piece" });
    const japanese = articleSlug("%e6%9d%b1%e4%ba%ac", "東京", "27");
    assert.equal(japanese.slug, "post-27");
    assert.match(japanese.note ?? "", /no letter or digit/);
    assert.equal(articleSlug("%e6%9d%b1%e4%ba%ac", "Tokyo letter", "27").slug, "tokyo-letter");
  });

  it("reads a post name that is not valid percent-encoding as written", () => {
    assert.equal(articleSlug("100%-sure", "", "4").slug, "100-sure");
  });
});

describe("redirect paths", () => {
  it("lists the permalink's path and ?p=ID", () => {
    assert.deepEqual(redirectPaths("https://gazette.example.org/2024/03/09/harbour-reopens/", "https://gazette.example.org", "post", "21"), [
      "/2024/03/09/harbour-reopens/",
      "/?p=21",
    ]);
  });

  it("gives ?page_id= for pages and puts the query under the blog's path", () => {
    assert.deepEqual(redirectPaths("https://example.org/news/about/", "https://example.org/news", "page", "30"), ["/news/about/", "/news/?page_id=30"]);
  });

  it("lists a plain permalink once and never the site's root", () => {
    assert.deepEqual(redirectPaths("https://example.org/?p=19", "https://example.org", "post", "19"), ["/?p=19"]);
    assert.deepEqual(redirectPaths("https://example.org/", "https://example.org", "post", ""), []);
  });

  it("keeps a permalink's percent-encoding as a browser requests it", () => {
    assert.equal(pathOf("https://gazette.example.org/2024/03/05/%d0%bf%d1%80/"), "/2024/03/05/%d0%bf%d1%80/");
    assert.equal(pathOf("not a url"), undefined);
  });
});

describe("uploads paths", () => {
  it("finds the path under wp-content/uploads of the site's media, absolute or root-relative", () => {
    assert.equal(uploadsPathOf("https://gazette.example.org/wp-content/uploads/2024/03/harbour.png", "https://gazette.example.org"), "2024/03/harbour.png");
    assert.equal(uploadsPathOf("/wp-content/uploads/2024/03/a%20b.png?w=300", "https://gazette.example.org"), "2024/03/a b.png");
  });

  it("reads WordPress.com's files host by year and month", () => {
    assert.equal(
      uploadsPathOf("https://wpthemetestdata.files.wordpress.com/2008/06/windmill.jpg", "https://wpthemetestdata.wordpress.com"),
      "2008/06/windmill.jpg",
    );
  });

  it("has no path for other sites' files, pages, or paths that climb out", () => {
    assert.equal(uploadsPathOf("https://images.example.com/photo.jpg", "https://gazette.example.org"), undefined);
    assert.equal(uploadsPathOf("https://gazette.example.org/2024/03/09/harbour-reopens/", "https://gazette.example.org"), undefined);
    assert.equal(uploadsPathOf("https://gazette.example.org/wp-content/uploads/%2e%2e/%2e%2e/etc/passwd", "https://gazette.example.org"), undefined);
    assert.equal(uploadsPathOf("mailto:editor@example.org", "https://gazette.example.org"), undefined);
  });
});

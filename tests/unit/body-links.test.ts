import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { plainHostOf, resolveBodyLinks, type LinkResolver } from "../../src/content/body-links.ts";
import { SiteAddresses } from "../../src/content/site-addresses.ts";

function resolver(basePath: string, hosts: readonly string[] = []): LinkResolver {
  const index = new SiteAddresses();
  const article = { route: { kind: "article", path: "/2016/02/17/go1-6/" }, title: "Go 1.6" } as const;
  index.add("/2016/02/17/go1-6/", article);
  index.add("/blog/go1.6/", article);
  index.add("/images/logo.png", { path: "/images/logo.png" });
  return { index, urls: { basePath, siteUrl: undefined, cleanUrls: true }, isOldHost: (host) => hosts.includes(host), bySource: new Map() };
}

const resolve = (html: string, links: LinkResolver, folder = "/2016/02/17/go1-6/", assets: readonly string[] = []) =>
  resolveBodyLinks({ sourcePath: "post.md", assets, folder, moved: folder !== "/2016/02/17/go1-6/", html }, links);

describe("resolving a body's links", () => {
  it("finds an old address however it is written: without its slash, with index.html, as .html, with doubled slashes or another case", () => {
    const links = resolver("/");
    for (const href of ["/blog/go1.6", "/blog/go1.6/index.html", "/blog/go1.6.html", "/blog//go1.6", "/Blog/Go1.6/"]) {
      assert.equal(resolve(`<a href="${href}">x</a>`, links).html, '<a href="/2016/02/17/go1-6/">x</a>', href);
    }
  });

  it("keeps fragments and queries, other sites, other schemes and the body's own bundle files as they are", () => {
    const links = resolver("/");
    assert.equal(resolve('<a href="/blog/go1.6#notes">x</a>', links).html, '<a href="/2016/02/17/go1-6/#notes">x</a>');
    for (const untouched of [
      '<a href="https://example.org/blog/go1.6">x</a>',
      '<a href="mailto:a@example.org">x</a>',
      '<a href="#top">x</a>',
      '<img src="chart.svg">',
    ]) {
      assert.deepEqual(resolve(untouched, links, "/2016/02/17/go1-6/", ["chart.svg"]), { html: untouched, rewritten: 0, unmatched: [] });
    }
  });

  it("given the URLs found beforehand, returns a body none of whose links change as it is, and resolves the others as without them", () => {
    const links = resolver("/news/");
    const withUrls = (html: string, urls: readonly string[]) =>
      resolveBodyLinks({ sourcePath: "post.md", assets: [], folder: "/2016/02/17/go1-6/", html, urls }, links);
    const elsewhere = '<a href="https://example.org/x">x</a><a href="/ref/spec">y</a>';
    assert.deepEqual(withUrls(elsewhere, ["https://example.org/x", "/ref/spec"]), resolve(elsewhere, links));
    // A link counted before the first that changes is counted once.
    const moved = '<a href="/news/ref">z</a><a href="/news/blog/go1.6">y</a><a href="https://example.org/x">x</a><img src="/images/logo.png">';
    const expected = resolve(moved, links);
    assert.equal(expected.rewritten, 1);
    assert.deepEqual(expected.unmatched, ["/news/ref"]);
    assert.deepEqual(withUrls(moved, ["/news/ref", "/news/blog/go1.6", "https://example.org/x", "/images/logo.png"]), expected);
    // The list is trusted: a body whose listed URLs all stay is not parsed.
    assert.equal(withUrls('<a href="/news/blog/go1.6">y</a>', []).html, '<a href="/news/blog/go1.6">y</a>');
  });

  it("reads links to the old host as links into the archive", () => {
    assert.equal(resolve('<a href="https://blog.golang.org/blog/go1.6">x</a>', resolver("/", ["blog.golang.org"])).html, '<a href="/2016/02/17/go1-6/">x</a>');
  });

  it("on a site at the host's root, reports every root-relative link that leads nowhere", () => {
    const result = resolve('<a href="/ref/spec">x</a><img src="/images/logo.png">', resolver("/"));
    assert.deepEqual(result, { html: '<a href="/ref/spec">x</a><img src="/images/logo.png">', rewritten: 0, unmatched: ["/ref/spec"] });
  });

  it("under a base path, gives it to links into the archive only, and leaves the rest of the host alone", () => {
    const result = resolve('<a href="/ref/spec">x</a><img src="/images/logo.png"><a href="/news/blog/go1.6">y</a>', resolver("/news/"));
    assert.deepEqual(result, {
      html: '<a href="/ref/spec">x</a><img src="/news/images/logo.png"><a href="/news/2016/02/17/go1-6/">y</a>',
      rewritten: 1,
      unmatched: [],
    });
  });

  it("writes a moved article's relative links that lead nowhere as they resolved on the old site", () => {
    const result = resolve('<img src="../doc/gopher.png"><img src="go1.6/x.png">', resolver("/news/"), "/");
    assert.deepEqual(result, { html: '<img src="/doc/gopher.png"><img src="/news/go1.6/x.png">', rewritten: 0, unmatched: ["go1.6/x.png"] });
  });
});

describe("the host of an absolute link, read without parsing it whole", () => {
  it("is the host URL reads for a host written plainly: lower case, without the scheme's default port", () => {
    for (const url of [
      "https://Example.COM/x",
      "http://example.com:80/",
      "https://example.com:443",
      "//example.com:443/a",
      "https://example.com:0443/",
      "http://example.com:8080?x",
      "https://a.b.c.:99#f",
      "HTTPS://nodejs.ORG",
      "//a..b/",
      "https://a-b.c1/",
      "https://foo.123a/",
    ]) {
      assert.equal(plainHostOf(url), new URL(url, "https://site.invalid").host, url);
    }
  });

  it("is left to URL for addresses, international names, credentials, odd ports and hosts URL refuses", () => {
    for (const url of [
      "https://127.0.0.1/",
      "https://0x7f.0.0.1/",
      "https://foo.123/",
      "https://xn--nxasmq6b.com/",
      "https://例え.jp/",
      "https://exa mple.com/",
      "https://a.com:99999/",
      "https://user@a.com/",
      "https:///x",
      "https://a.com:/x",
    ]) {
      assert.equal(plainHostOf(url), undefined, url);
    }
  });
});

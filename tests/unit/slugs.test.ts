import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { slugify, unsafeSlugReason } from "../../src/core/slugs.ts";

describe("slugs", () => {
  it("lower-cases and joins words with single dashes", () => {
    assert.equal(slugify("Annual Report 2021"), "annual-report-2021");
    assert.equal(slugify("  OPA-Gatekeeper-Policy-and-Governance-for-Kubernetes "), "opa-gatekeeper-policy-and-governance-for-kubernetes");
  });

  it("transliterates accents so that spellings differing in accents share a slug", () => {
    assert.equal(slugify("Événements"), slugify("evenements"));
    assert.equal(slugify("Café contracts"), "cafe-contracts");
  });

  it("turns dots and punctuation into dashes and drops what is left at the ends", () => {
    assert.equal(slugify("announcing-etcd-3.4"), "announcing-etcd-3-4");
    assert.equal(slugify("Buyers & suppliers: the <green> dialogue!"), "buyers-and-suppliers-the-green-dialogue");
  });

  it("gives an empty slug for text with no letters or digits", () => {
    assert.equal(slugify("!!!"), "");
    assert.equal(slugify("—"), "");
  });

  it("refuses slugs written as paths, encoded dots or with a NUL byte", () => {
    assert.match(unsafeSlugReason("../etc/passwd") ?? "", /slash/);
    assert.match(unsafeSlugReason("a\\b") ?? "", /slash/);
    assert.match(unsafeSlugReason("..") ?? "", /'\.\.'/);
    assert.match(unsafeSlugReason("%2e%2e") ?? "", /encoded/);
    assert.match(unsafeSlugReason("a\0b") ?? "", /NUL/);
    assert.equal(unsafeSlugReason("annual-report"), undefined);
  });
});

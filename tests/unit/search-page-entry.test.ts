import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { entryCopyText } from "../../src/publish/search-page-entry.ts";

describe("the search page's copy of the entry", () => {
  it("holds no < that could end its script element, and reads back as the same JSON", () => {
    const entry = { categories: [["</script><script>alert(1)</script>", 3]], months: [["<!--", "mai"]], label: "2017–2021 <b>" };
    const text = entryCopyText(JSON.stringify(entry));
    assert.ok(!text.includes("<"), text);
    assert.deepEqual(JSON.parse(text), entry);
  });
});

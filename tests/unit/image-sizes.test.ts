import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { withImageSizes } from "../../src/content/image-sizes.ts";

describe("image sizes in bodies", () => {
  const sizes = (src: string) => (src === "chart.svg" ? { width: 420, height: 260 } : undefined);

  it("adds the file's width and height to an image that has neither", () => {
    assert.equal(withImageSizes('<p><img src="chart.svg" alt="Chart"></p>', sizes), '<p><img width="420" height="260" src="chart.svg" alt="Chart"></p>');
  });

  it("leaves an image that states a size, or whose file is unknown, as written", () => {
    const html = '<img src="chart.svg" width="100"><img src="https://example.org/x.png" alt="">';
    assert.equal(withImageSizes(html, sizes), html);
  });
});

import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseHTML } from "linkedom";
import { sanitizeSvg } from "../../src/content/sanitize-svg.ts";

function sanitized(text: string): { readonly svg: string; readonly removed: Record<string, number> } {
  const outcome = sanitizeSvg(text);
  assert.ok(outcome.ok, outcome.ok ? "" : outcome.reason);
  return { svg: outcome.svg, removed: Object.fromEntries(outcome.removed) };
}

describe("an SVG file sanitized", () => {
  it("loses its scripts, event handlers, foreign objects, animations and outside references, and says which", () => {
    const { svg, removed } = sanitized(`<?xml version="1.0"?>
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10" onload="alert(1)">
<script>alert(2)</script>
<foreignObject><iframe src="javascript:alert(3)"></iframe></foreignObject>
<a xlink:href="javascript:alert(4)"><text>x</text></a>
<image href="https://tracker.example/p.png"/><use href="other.svg#y"/>
<set attributeName="href" to="javascript:alert(5)"/>
<path d="M0 0L1 1" style="fill:url(https://tracker.example/x)" filter="url(https://tracker.example/f)"/>
<style>@import url(https://tracker.example/x.css);</style>
<![CDATA[<script>alert(6)</script>]]>
</svg>`);
    assert.deepEqual(removed, {
      "event handler": 1,
      script: 1,
      foreignObject: 1,
      "outside reference": 4,
      set: 1,
      "style with outside references or escapes": 1,
      "style sheet with outside references or escapes": 1,
    });
    const { document } = parseHTML(svg);
    assert.equal(document.querySelectorAll("script, foreignObject, iframe, set, [onload]").length, 0);
    assert.doesNotMatch(svg, /javascript:|tracker\.example|<script/);
    assert.match(svg, /&lt;script&gt;alert\(6\)&lt;\/script&gt;/, "a CDATA section is kept as text");
  });

  it("keeps what a picture is made of: shapes, gradients, styles, text and references to its own parts", () => {
    const picture = `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 40 40" width="40" height="40">
<defs><linearGradient id="g"><stop offset="0" stop-color="#2f6b3f"/></linearGradient><clipPath id="c"><rect width="20" height="20"/></clipPath></defs>
<style>.bar{fill:url(#g);stroke:#000}</style>
<g clip-path="url(#c)"><rect class="bar" x="1" y="2" width="3" height="4" style="fill:url('#g');opacity:0.5"/></g>
<use xlink:href="#c"/><text x="1" y="30" font-size="8">Sales &amp; costs &lt;2021&gt;</text>
<a href="https://example.org/report/"><circle cx="30" cy="30" r="4"/></a>
<image width="1" height="1" href="data:image/png;base64,iVBORw0KGgo="/>
</svg>`;
    const { svg, removed } = sanitized(picture);
    assert.deepEqual(removed, {});
    for (const kept of [
      '<stop offset="0" stop-color="#2f6b3f">',
      "<style>.bar{fill:url(#g);stroke:#000}</style>",
      "style=\"fill:url('#g');opacity:0.5\"",
      '<use xlink:href="#c">',
      "Sales &amp; costs &lt;2021&gt;",
      'href="https://example.org/report/"',
      'href="data:image/png;base64,iVBORw0KGgo="',
    ]) {
      assert.ok(svg.includes(kept), kept);
    }
  });

  it("writes entities and escapes anew, so nothing declared or escaped becomes markup", () => {
    assert.deepEqual(sanitizeSvg('<!DOCTYPE svg [<!ENTITY x "<script>alert(1)</script>">]><svg xmlns="http://www.w3.org/2000/svg"><text>&x;</text></svg>'), {
      ok: false,
      reason: "declares entities in its DOCTYPE, which could bring in markup; save it again without a DOCTYPE",
    });
    const { svg } = sanitized(
      '<svg xmlns="http://www.w3.org/2000/svg"><text id="&quot;&gt;&lt;script&gt;">&amp;lt;script&amp;gt;</text><style>.a{fill:u\\72l(https://x)}</style></svg>',
    );
    assert.equal(svg, '<svg xmlns="http://www.w3.org/2000/svg"><text id="&quot;>&lt;script>">&amp;lt;script&amp;gt;</text><style></style></svg>\n');
  });

  it("refuses a file that is not an SVG image", () => {
    assert.deepEqual(sanitizeSvg("<html><script>alert(1)</script></html>"), { ok: false, reason: "is not an SVG image (its first element is not <svg>)" });
  });
});

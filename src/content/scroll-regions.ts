import { applyEdits, tokenizeHtml, type TextEdit } from "../core/html-urls.ts";

/**
 * Code blocks and tables as scroll regions a keyboard can reach: on a phone
 * a long line of code or a wide table scrolls sideways inside its box, and a
 * box that scrolls must take the focus (so the arrow keys scroll it) and say
 * what it is (WCAG 2.1.1; axe's `scrollable-region-focusable`). Each `<pre>`
 * gets `tabindex="0"`, the role "region" and a name ("Code 1"); each
 * outermost `<table>` is wrapped in a `<div class="table-scroll">` that gets
 * them ("Table 1"), since a role on the table itself would hide that it is a
 * table. Names are numbered so that no two regions of a page share one.
 * Written bodies' raw HTML is handled as Markdown's is: htmlparser2's
 * tokenizer finds the tags, so markup shown in a code sample is left alone.
 * A `<pre>` that already names a tabindex is left as it is.
 */
export function withScrollRegions(html: string): string {
  if (!/<(?:pre|table)/i.test(html)) return html;
  const inserts: TextEdit[] = [];
  const insert = (at: number, text: string): void => {
    inserts.push({ start: at, end: at, text });
  };
  let codes = 0;
  let tables = 0;
  let tableDepth = 0;
  let openTag = "";
  let openStart = 0;
  let hasTabindex = false;
  tokenizeHtml(html, {
    onopentagname(start, end) {
      openTag = html.slice(start, end).toLowerCase();
      // The "<" before the name.
      openStart = start - 1;
      hasTabindex = false;
    },
    onattribname(start, end) {
      if (html.slice(start, end).toLowerCase() === "tabindex") hasTabindex = true;
    },
    onopentagend(end) {
      if (openTag === "pre" && !hasTabindex) {
        codes += 1;
        // Just before the ">" that ends the tag.
        insert(end, ` tabindex="0" role="region" aria-label="Code ${codes}"`);
      } else if (openTag === "table") {
        if (tableDepth === 0) {
          tables += 1;
          insert(openStart, `<div class="table-scroll" tabindex="0" role="region" aria-label="Table ${tables}">`);
        }
        tableDepth += 1;
      }
    },
    onclosetag(start, end) {
      if (html.slice(start, end).toLowerCase() !== "table" || tableDepth === 0) return;
      tableDepth -= 1;
      // After the ">" of "</table>".
      if (tableDepth === 0) insert(html.indexOf(">", end) + 1, "</div>");
    },
  });
  // A table left open by its author closes where the body ends, as a browser would close it.
  if (tableDepth > 0) insert(html.length, "</div>");
  return applyEdits(html, inserts);
}

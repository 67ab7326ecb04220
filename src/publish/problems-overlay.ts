import { escapeMarkup } from "../core/escape.browser.ts";

/** The id of the panel `npm start` puts on the pages it serves while the last build has errors. */
export const PROBLEMS_OVERLAY_ID = "news-archive-problems";

/** Its style, inline: the page's own stylesheet must not hide or restyle it. */
const PANEL_STYLE =
  "position:fixed;inset:0 0 auto 0;z-index:2147483647;max-height:60vh;overflow:auto;margin:0;padding:1rem 1.25rem;" +
  "background:#fff4f2;color:#3b0d06;border-bottom:3px solid #b3261e;font:14px/1.45 system-ui,sans-serif;box-shadow:0 2px 12px rgb(0 0 0 / 0.25)";
const LIST_STYLE = "margin:0.5rem 0 0;padding:0;list-style:none;font:13px/1.45 ui-monospace,monospace;white-space:pre-wrap";

/**
 * A served page with the last build's errors shown over it, each as the
 * build prints it (`file:line: error: message`), so that an author sees what
 * went wrong without looking at the terminal. Pages on disk never hold it:
 * `npm start`'s server adds it to each HTML page it sends while there are
 * errors, and a build without errors reloads the browser without it. It is
 * a `<details>` element, open, so that it can be folded away; no script.
 */
export function withProblemsOverlay(html: string, problems: readonly string[]): string {
  if (problems.length === 0) return html;
  const items = problems.map((problem) => `<li>${escapeMarkup(problem)}</li>`).join("");
  const summary = `news-archive: the last build found ${problems.length} error${problems.length === 1 ? "" : "s"}; fix ${problems.length === 1 ? "it" : "them"} and save, and this page reloads`;
  const panel = `<details id="${PROBLEMS_OVERLAY_ID}" open role="alert" style="${PANEL_STYLE}"><summary style="cursor:pointer;font-weight:600">${escapeMarkup(summary)}</summary><ul style="${LIST_STYLE}">${items}</ul></details>`;
  const body = /<body[^>]*>/i.exec(html);
  if (body === null) return `${panel}${html}`;
  const at = body.index + body[0].length;
  return `${html.slice(0, at)}${panel}${html.slice(at)}`;
}

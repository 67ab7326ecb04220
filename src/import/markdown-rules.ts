import type { HtmlElement } from "./dom.ts";

/** Attributes that carry what kept HTML means; WordPress's classes, styles and data attributes are its theme's business. */
const DROPPED_ATTRIBUTE = /^(?:class|style|data-.*|srcset|sizes|loading|decoding|fetchpriority)$/i;

export function hasClass(node: HtmlElement, name: string): boolean {
  return (node.getAttribute("class") ?? "").split(/\s+/).includes(name);
}

/**
 * An element's HTML for a Markdown body, without WordPress's presentation
 * attributes. Markdown ends an HTML block at a blank line, so a block keeps
 * no blank line inside (but `<pre>`, `<script>` and `<style>` run to their
 * closing tag and are left whole); inline HTML stays on its line.
 */
export function cleanHtml(node: HtmlElement, { block }: { readonly block: boolean }): string {
  const html = withoutPresentation(node).outerHTML;
  if (!block) return html.replace(/\s*\n\s*/g, " ");
  return /^<(pre|script|style|textarea)\b/i.test(html) ? html : html.replace(/\n[ \t]*(?=\n)/g, "").replace(/\n{2,}/g, "\n");
}

/** An element's content as inline HTML, cleaned, on one line: a caption, a heading kept for its anchor. */
export function inlineHtml(node: HtmlElement): string {
  return withoutPresentation(node).innerHTML.replace(/\s+/g, " ").trim();
}

function withoutPresentation(node: HtmlElement): HtmlElement {
  const copy = node.cloneNode(true) as HtmlElement;
  for (const element of [copy, ...copy.querySelectorAll("*")]) {
    for (const name of element.getAttributeNames()) if (DROPPED_ATTRIBUTE.test(name)) element.removeAttribute(name);
  }
  return copy;
}

interface FigureImage {
  readonly image: HtmlElement;
  readonly link?: string;
  readonly caption?: HtmlElement;
}

/**
 * A figure that shows one image, perhaps linked, perhaps captioned: the
 * block editor's `figure.wp-block-image`, a `[caption]`, or the classic
 * editor's `div.wp-caption`. Undefined for anything holding more.
 */
export function figureImage(node: HtmlElement): FigureImage | undefined {
  if (node.nodeName !== "FIGURE" && !(node.nodeName === "DIV" && hasClass(node, "wp-caption"))) return undefined;
  const images = node.querySelectorAll("img");
  const image = images[0];
  if (images.length !== 1 || image === undefined || node.querySelector("figure, table, video, audio, iframe") !== null) return undefined;
  const caption = node.querySelector("figcaption, .wp-caption-text") ?? undefined;
  const captionText = caption?.textContent ?? "";
  const rest = (node.textContent ?? "").replace(captionText, "").trim();
  if (rest !== "") return undefined;
  const anchor = image.parentElement?.nodeName === "A" ? image.parentElement : undefined;
  const href = anchor?.getAttribute("href") ?? undefined;
  return {
    image,
    ...(href === undefined ? {} : { link: href }),
    ...(caption === undefined || captionText.trim() === "" ? {} : { caption }),
  };
}

export function markdownImage(image: HtmlElement, link: string | undefined): string {
  const alt = (image.getAttribute("alt") ?? "")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/([\\[\]])/g, "\\$1");
  const markdown = `![${alt}](${linkDestination(image.getAttribute("src") ?? "")})`;
  return link === undefined ? markdown : `[${markdown}](${linkDestination(link)})`;
}

function linkDestination(url: string): string {
  const escaped = url.trim().replace(/([<>()])/g, "\\$1");
  return escaped.includes(" ") ? `<${escaped}>` : escaped;
}

/**
 * A table as a Markdown (GFM) table, or undefined when Markdown cannot hold
 * it: no header row, merged cells, a table inside a cell, or blocks (lists,
 * paragraphs after paragraphs) inside a cell. The footer's rows follow the body's.
 */
export function simpleTable(table: HtmlElement, toMarkdown: (html: string) => string): string | undefined {
  if (table.querySelector("table, [colspan], [rowspan], ul, ol, pre, blockquote, img + img") !== null) return undefined;
  const rows = [...table.querySelectorAll("tr")];
  const header = rows[0];
  if (header === undefined || !isHeaderRow(header)) return undefined;
  const cells = rows.map((row) =>
    [...row.children].filter((cell) => cell.nodeName === "TD" || cell.nodeName === "TH").map((cell) => tableCell(cell, toMarkdown)),
  );
  if (cells.some((row) => row.some((cell) => cell === undefined))) return undefined;
  const width = Math.max(...cells.map((row) => row.length));
  const line = (row: readonly (string | undefined)[]): string => `| ${Array.from({ length: width }, (_, index) => row[index] ?? "").join(" | ")} |`;
  const [head = [], ...body] = cells;
  return [line(head), `| ${Array.from({ length: width }, () => "---").join(" | ")} |`, ...body.map(line)].join("\n");
}

function isHeaderRow(row: HtmlElement): boolean {
  const cells = [...row.children];
  return row.parentElement?.nodeName === "THEAD" || (cells.length > 0 && cells.every((cell) => cell.nodeName === "TH"));
}

function tableCell(cell: HtmlElement, toMarkdown: (html: string) => string): string | undefined {
  if (cell.querySelectorAll("p").length > 1) return undefined;
  const markdown = toMarkdown(cell.innerHTML).trim();
  if (markdown.includes("\n\n")) return undefined;
  return markdown.replace(/\n/g, "<br>").replace(/\|/g, "\\|");
}

const YOUTUBE = /^https?:\/\/(?:www\.|m\.)?(?:youtube(?:-nocookie)?\.com\/(?:watch\?(?:.*&)?v=|embed\/|shorts\/|v\/)|youtu\.be\/)([\w-]{6,})/i;
const VIMEO = /^https?:\/\/(?:www\.|player\.)?vimeo\.com\/(?:video\/)?(\d+)/i;

/**
 * An embed (the block editor's embed figure, an `<iframe>`) as a link to
 * what it showed: "Video on YouTube" for a video, the address otherwise.
 * No player, no third-party script. Its caption follows.
 */
export function embedLink(node: HtmlElement, toMarkdown: (html: string) => string): string | undefined {
  const wrapper = node.nodeName === "IFRAME" ? undefined : (node.querySelector(".wp-block-embed__wrapper") ?? node);
  const url = node.nodeName === "IFRAME" ? (node.getAttribute("src") ?? "") : (/https?:\/\/\S+/.exec(wrapper?.textContent ?? "")?.[0] ?? "");
  if (!/^https?:\/\//i.test(url.trim())) return undefined;
  const { href, text } = embedTarget(url.trim(), node.getAttribute("title") ?? undefined);
  const caption = node.querySelector("figcaption");
  const captionMarkdown = caption === null ? "" : toMarkdown(caption.innerHTML).trim();
  return `\n\n[${text.replace(/([\\[\]])/g, "\\$1")}](${linkDestination(href)})${captionMarkdown === "" ? "" : `\n\n*${captionMarkdown}*`}\n\n`;
}

function embedTarget(url: string, title: string | undefined): { readonly href: string; readonly text: string } {
  const youtube = YOUTUBE.exec(url)?.[1];
  if (youtube !== undefined) return { href: `https://www.youtube.com/watch?v=${youtube}`, text: title ? `Video: ${title}` : "Video on YouTube" };
  const vimeo = VIMEO.exec(url)?.[1];
  if (vimeo !== undefined) return { href: `https://vimeo.com/${vimeo}`, text: title ? `Video: ${title}` : "Video on Vimeo" };
  return { href: url, text: title ?? url.replace(/^https?:\/\/(?:www\.)?/i, "") };
}

import TurndownService from "turndown";
import { escapeMarkup } from "../core/escape.browser.ts";
import type { HtmlElement } from "./dom.ts";
import { cleanHtml, embedLink, figureImage, hasClass, inlineHtml, markdownImage, simpleTable } from "./markdown-rules.ts";

interface MarkdownConversion {
  readonly markdown: string;
  /** Elements with no Markdown form, kept as HTML in the body, by tag name ("table", "dl"...). */
  readonly keptAsHtml: ReadonlyMap<string, number>;
}

/** Inline elements Markdown has no syntax for: kept as HTML rather than losing what they mean (x², H₂O). */
const KEEP_INLINE = new Set(["SUP", "SUB", "MARK", "KBD", "ABBR", "INS", "U", "VAR", "SAMP", "Q"]);
/** Blocks Markdown cannot hold: kept as HTML, which the build publishes as written. */
const KEEP_BLOCK = new Set(["DL", "DETAILS", "VIDEO", "AUDIO", "OBJECT", "EMBED", "CANVAS", "SVG", "STYLE", "FORM", "NOSCRIPT", "MATH", "MAP", "TEXTAREA"]);

/**
 * Converts a post's HTML to Markdown with turndown, plus the rules WordPress
 * content needs: images with captions, galleries, embeds as links, simple
 * tables as Markdown tables, strikethrough. What Markdown cannot say is kept
 * as HTML (see KEEP_*), never dropped; each kept element is counted.
 */
export function htmlToMarkdown(body: HtmlElement): MarkdownConversion {
  const keptAsHtml = new Map<string, number>();
  const isKept = (node: HtmlElement): boolean =>
    KEEP_BLOCK.has(node.nodeName.toUpperCase()) || KEEP_INLINE.has(node.nodeName.toUpperCase()) || isPlainPre(node) || isFootnoteList(node);
  const keep = (node: HtmlElement, block: boolean): string => {
    // Turndown converts children first: what a kept element holds is counted with it, not again.
    let ancestor = node.parentElement;
    while (ancestor !== null && !isKept(ancestor)) ancestor = ancestor.parentElement;
    const tag = node.nodeName.toLowerCase();
    if (ancestor === null) keptAsHtml.set(tag, (keptAsHtml.get(tag) ?? 0) + 1);
    return block ? `\n\n${cleanHtml(node, { block: true })}\n\n` : cleanHtml(node, { block: false });
  };
  const linkedFragments = new Set([...body.querySelectorAll('a[href^="#"]')].map((link) => (link.getAttribute("href") ?? "").slice(1)));

  const service = new TurndownService({
    headingStyle: "atx",
    hr: "---",
    bulletListMarker: "-",
    codeBlockStyle: "fenced",
    emDelimiter: "_",
    strongDelimiter: "**",
    blankReplacement: (_content: string, node: HtmlElement) => (isKept(node) ? keep(node, true) : isBlock(node) ? "\n\n" : ""),
  });
  const escapeMarkdown = service.escape.bind(service);
  // The build expands "{{" and "{%" as template calls left by other tools; a backslash keeps them text.
  service.escape = (text: string): string => escapeMarkdown(text).replace(/\{([{%])/g, "\\{$1");

  addWordPressRules(service, { isKept, keep, linkedFragments });

  const markdown = service
    .turndown(body)
    .replace(/\n{3,}/g, "\n\n")
    .trim();
  return { markdown: markdown === "" ? "" : `${markdown}\n`, keptAsHtml };
}

interface RuleHelpers {
  readonly isKept: (node: HtmlElement) => boolean;
  /** The element as HTML in the body, counted. */
  readonly keep: (node: HtmlElement, block: boolean) => string;
  /** Ids that links of the post point at ("#notes"). */
  readonly linkedFragments: ReadonlySet<string>;
}

/** The rules WordPress content needs besides turndown's own; rules added later win. */
function addWordPressRules(service: TurndownService, { isKept, keep, linkedFragments }: RuleHelpers): void {
  const toMarkdown = (html: string): string => service.turndown(html);
  service.addRule(
    "kept-as-html",
    rule(isKept, (_content, node) => keep(node, !KEEP_INLINE.has(node.nodeName.toUpperCase()))),
  );
  service.addRule(
    "strikethrough",
    rule(
      (node) => ["DEL", "S", "STRIKE"].includes(node.nodeName),
      (content) => (content.trim() === "" ? "" : `~~${content}~~`),
    ),
  );
  service.addRule(
    "heading-with-anchor",
    // A heading that a link of the post points at keeps its id, so the link still leads there.
    rule(
      (node) => /^H[1-6]$/.test(node.nodeName) && linkedFragments.has(node.getAttribute("id") ?? "\u0000"),
      (_content, node) =>
        `\n\n<${node.nodeName.toLowerCase()} id="${escapeMarkup(node.getAttribute("id") ?? "")}">${inlineHtml(node)}</${node.nodeName.toLowerCase()}>\n\n`,
    ),
  );
  service.addRule(
    "table",
    rule(
      (node) => node.nodeName === "TABLE",
      (_content, node) => {
        const table = simpleTable(node, toMarkdown);
        return table === undefined ? keep(node, true) : `\n\n${table}\n\n`;
      },
    ),
  );
  service.addRule(
    "embed",
    rule(
      (node) => node.nodeName === "IFRAME" || (node.nodeName === "FIGURE" && hasClass(node, "wp-block-embed")),
      (_content, node) => embedLink(node, toMarkdown) ?? keep(node, true),
    ),
  );
  service.addRule(
    "file-download-button",
    // The file block links its file twice, by name and by a "Download" button: the name is enough.
    rule(
      (node) =>
        node.nodeName === "A" &&
        hasClass(node, "wp-block-file__button") &&
        [...(node.parentElement?.querySelectorAll("a") ?? [])].some((link) => link !== node && link.getAttribute("href") === node.getAttribute("href")),
      () => "",
    ),
  );
  service.addRule(
    "figure-image",
    rule(
      (node) => figureImage(node) !== undefined,
      (_content, node) => figureMarkdown(node),
    ),
  );
  service.addRule(
    "caption",
    rule(
      (node) => node.nodeName === "FIGCAPTION" || hasClass(node, "wp-caption-text"),
      (content) => (content.trim() === "" ? "" : `\n\n${/[*_\n]/.test(content.trim()) ? content.trim() : `*${content.trim()}*`}\n\n`),
    ),
  );
}

/** A turndown rule whose functions are typed: turndown's own types name DOM types this project does not load. */
function rule(filter: (node: HtmlElement) => boolean, replacement: (content: string, node: HtmlElement) => string): TurndownService.Rule {
  return { filter, replacement };
}

/** An image figure: a Markdown image, or HTML `<figure>` when it has a caption, which Markdown cannot give an image. */
function figureMarkdown(node: HtmlElement): string {
  const figure = figureImage(node);
  if (figure === undefined) return "";
  if (figure.caption === undefined) return `\n\n${markdownImage(figure.image, figure.link)}\n\n`;
  const image = cleanHtml(figure.image, { block: false });
  const linked = figure.link === undefined ? image : `<a href="${escapeMarkup(figure.link)}">${image}</a>`;
  return `\n\n<figure>${linked}<figcaption>${inlineHtml(figure.caption)}</figcaption></figure>\n\n`;
}

/** A `<pre>` without `<code>` (verse, preformatted text): its line breaks and markup are kept as HTML. */
function isPlainPre(node: HtmlElement): boolean {
  return node.nodeName === "PRE" && !(node.firstElementChild?.nodeName === "CODE" && node.childNodes.length === 1);
}

/** The footnotes list: its items' ids are the targets of the notes' links. */
function isFootnoteList(node: HtmlElement): boolean {
  return node.nodeName === "OL" && hasClass(node, "footnotes");
}

const BLOCKS = new Set([
  "ADDRESS",
  "ARTICLE",
  "ASIDE",
  "BLOCKQUOTE",
  "DIV",
  "FIGURE",
  "FOOTER",
  "H1",
  "H2",
  "H3",
  "H4",
  "H5",
  "H6",
  "HEADER",
  "HR",
  "LI",
  "MAIN",
  "NAV",
  "OL",
  "P",
  "PRE",
  "SECTION",
  "TABLE",
  "UL",
]);

function isBlock(node: HtmlElement): boolean {
  return BLOCKS.has(node.nodeName.toUpperCase());
}

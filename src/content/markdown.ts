import MarkdownIt, { type Token } from "markdown-it";
import { sanitizeBody } from "./sanitize.ts";

export interface RenderedBody {
  readonly html: string;
  /** Plain text of the first paragraph, shortened: shown in lists when an article has no summary. */
  readonly excerpt: string;
}

export const EXCERPT_LENGTH = 240;

/**
 * Renders an article body. Raw HTML is kept because real archives rely on it
 * (unless the "sanitize" setting asks to strip what could run script);
 * no template language touches the text, so `{{ }}` and `{% %}` stay as written.
 * The body is parsed once for both the HTML and the excerpt.
 */
/** Everything a rendered body depends on besides its text: the build cache keys outcomes by these too. */
export interface MarkdownOptions {
  /** Strip what could run script (the "sanitize" setting). */
  readonly sanitize: boolean;
}

export function createMarkdownRenderer(options: MarkdownOptions = { sanitize: false }): (markdown: string) => RenderedBody {
  const markdown = new MarkdownIt({ html: true, linkify: false, typographer: false });
  return (source) => {
    const tokens = markdown.parse(source, {});
    const html = markdown.renderer.render(tokens, markdown.options, {});
    return { html: options.sanitize ? sanitizeBody(html) : html, excerpt: shorten(firstParagraphText(tokens), EXCERPT_LENGTH) };
  };
}

function firstParagraphText(tokens: readonly Token[]): string {
  for (let index = 0; index < tokens.length; index += 1) {
    const inline = tokens[index + 1];
    if (tokens[index]?.type !== "paragraph_open" || inline?.type !== "inline") continue;
    const text = (inline.children ?? [])
      .map((child) => (child.type === "text" || child.type === "code_inline" ? child.content : child.type === "softbreak" || child.type === "hardbreak" ? " " : ""))
      .join("")
      .replace(/\s+/g, " ")
      .trim();
    if (text !== "") return text;
  }
  return "";
}

/** Cuts text at a word boundary so that it is at most `length` characters, ellipsis included. */
export function shorten(text: string, length: number): string {
  if (text.length <= length) return text;
  const cut = text.slice(0, length - 1);
  const lastSpace = cut.lastIndexOf(" ");
  return `${(lastSpace > length / 2 ? cut.slice(0, lastSpace) : cut).replace(/[\s,;:.]+$/, "")}…`;
}

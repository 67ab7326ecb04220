import MarkdownIt, { type Token } from "markdown-it";
import { excerptOf } from "./excerpt.ts";
import { highlightCode } from "./highlight.ts";
import { sanitizeBody } from "./sanitize.ts";
import { withScrollRegions } from "./scroll-regions.ts";
import type { Span } from "./template-calls.ts";
import { ARTICLE_REFERENCE_SCHEME, expandTemplates, type ArticleReference, type TemplateUse } from "./expand-templates.ts";
import type { UserShortcodes } from "./user-shortcodes.ts";

export interface RenderedBody {
  readonly html: string;
  /** Plain text of the part before <!--more-->, or of the first prose paragraph, shortened: shown in lists when an article has no summary (see excerpt.ts). */
  readonly excerpt: string;
  /** The template calls found outside code, and what each became. */
  readonly templates: readonly TemplateUse[];
  /** Links to other articles, written `article-ref:N` in `html` until `linkReferences` resolves them. */
  readonly references: readonly ArticleReference[];
}

/** Everything a rendered body depends on besides its text: the build cache keys outcomes by these too. */
export interface MarkdownOptions {
  /** Strip what could run script (the "sanitize" setting). */
  readonly sanitize: boolean;
  /** Highlight fenced code with Prism (the "highlightCode" setting). */
  readonly highlightCode: boolean;
  /** What the archive's shortcodes file says its calls become; its `identity` keys the build cache. */
  readonly shortcodes?: UserShortcodes;
}

/**
 * Renders an article body. Raw HTML is kept because real archives rely on it
 * (unless the "sanitize" setting asks to strip what could run script).
 * Template calls left by Hugo, Jekyll or the Go blog are expanded first, as
 * those tools do (see `templates.ts`); no template language runs.
 * The body is parsed once for both the HTML and the excerpt.
 * `firstLine` is the body's first line in its file, for the lines of template calls.
 *
 * Given the article's title, a first heading that repeats it (`# <the
 * title>` on the first line, as many archives write) is left out: the page
 * shows the title already. The body's headings then start below the title's
 * level (see `belowTitle`), and its code blocks and tables are scroll regions
 * a keyboard reaches (see scroll-regions.ts). The excerpt is the part before
 * `<!--more-->` when there is one, else the first prose paragraph (see excerpt.ts).
 */
export function createMarkdownRenderer(options: MarkdownOptions = { sanitize: false, highlightCode: true }): (markdown: string, firstLine?: number, title?: string, file?: string) => RenderedBody {
  // Fenced code is highlighted here, at build time (see highlight.ts): no script in the page.
  const markdown = new MarkdownIt({ html: true, linkify: false, typographer: false, ...(options.highlightCode ? { highlight: highlightCode } : {}) });
  // Only the block structure is needed to know where code blocks are.
  const blocks = new MarkdownIt({ html: true, linkify: false, typographer: false });
  blocks.core.ruler.disable("inline");
  const renderInline = (text: string): string => markdown.renderInline(text);
  const { shortcodes } = options;
  return (source, firstLine = 1, title, file = "") => {
    const user = shortcodes === undefined ? undefined : { shortcodes, file };
    const expansion = source.includes("{{") || source.includes("{%") ? expandTemplates(source, codeBlocks(blocks.parse(source, {}), source), firstLine, renderInline, user) : undefined;
    const parsed = markdown.parse(expansion?.markdown ?? source, {});
    const tokens = belowTitle(title === undefined ? parsed : withoutRepeatedTitle(parsed, title));
    const rendered = markdown.renderer.render(tokens, markdown.options, {});
    const internal = zolaInternalLinks(rendered, source, firstLine, { references: expansion?.references ?? [], uses: expansion?.uses ?? [] });
    const html = internal.html;
    return {
      // After sanitizing, which would strip the regions' attributes.
      html: withScrollRegions(options.sanitize ? sanitizeBody(html) : html),
      excerpt: excerptOf(tokens),
      templates: internal.uses,
      references: internal.references,
    };
  };
}

/**
 * Zola's internal links, `[text](@/blog/post.md#part)`: each becomes a
 * reference to that article (by its path in the content folder), resolved
 * as template references are once every article is loaded, and counted
 * with them.
 */
function zolaInternalLinks(
  html: string,
  source: string,
  firstLine: number,
  expansion: { readonly references: readonly ArticleReference[]; readonly uses: readonly TemplateUse[] },
): { html: string; references: readonly ArticleReference[]; uses: readonly TemplateUse[] } {
  if (!html.includes('href="@/')) return { html, ...expansion };
  const all = [...expansion.references];
  const uses = [...expansion.uses];
  const linked = html.replace(/href="@\/([^"#]*)(#[^"]*)?"/g, (_whole, target: string, fragment: string | undefined) => {
    const text = `@/${target}${fragment ?? ""}`;
    const at = source.indexOf(`(${text}`);
    const line = firstLine + (at < 0 ? 0 : source.slice(0, at).split("\n").length - 1);
    all.push({ target, fragment: fragment ?? "", text, line });
    uses.push({ text, name: "@/", line, outcome: "article-link" });
    return `href="${ARTICLE_REFERENCE_SCHEME}${all.length - 1}"`;
  });
  return { html: linked, references: all, uses };
}

/** Where the fenced and indented code blocks of a body are, by offsets, in order. */
function codeBlocks(tokens: readonly Token[], source: string): Span[] {
  const lineStarts = [0];
  for (let index = source.indexOf("\n"); index !== -1; index = source.indexOf("\n", index + 1)) lineStarts.push(index + 1);
  return tokens.flatMap((token) => {
    if ((token.type !== "fence" && token.type !== "code_block") || token.map === null) return [];
    const [first, last] = token.map;
    return [{ start: lineStarts[first] ?? source.length, end: lineStarts[last] ?? source.length }];
  });
}

function plainText(children: readonly Token[]): string {
  return children
    .map((child) => (child.type === "text" || child.type === "code_inline" ? child.content : child.type === "softbreak" || child.type === "hardbreak" ? " " : ""))
    .join("")
    .replace(/\s+/g, " ")
    .trim();
}

/** Without a first heading that says what the title says (letters and digits compared, case ignored). */
function withoutRepeatedTitle(tokens: Token[], title: string): Token[] {
  const [open, inline, close] = tokens;
  if (open?.type !== "heading_open" || open.tag !== "h1" || inline?.type !== "inline" || close?.type !== "heading_close") return tokens;
  return comparable(plainText(inline.children ?? [])) === comparable(title) ? tokens.slice(3) : tokens;
}

/**
 * The page's title is its only `h1`: a body that uses `#` headings has each
 * of its headings moved one level down (an `h6` stays one), so that they keep
 * their order among themselves and none competes with the title.
 */
function belowTitle(tokens: Token[]): Token[] {
  if (!tokens.some((token) => token.type === "heading_open" && token.tag === "h1")) return tokens;
  for (const token of tokens) {
    if (token.type !== "heading_open" && token.type !== "heading_close") continue;
    token.tag = `h${Math.min(Number(token.tag.slice(1)) + 1, 6)}`;
  }
  return tokens;
}

function comparable(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{Nd}]+/gu, "");
}

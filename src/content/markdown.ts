import MarkdownIt, { type Token } from "markdown-it";
import { excerptOf } from "./excerpt.ts";
import { highlightCode } from "./highlight.ts";
import { sanitizeBody } from "./sanitize.ts";
import type { Span } from "./template-calls.ts";
import { expandTemplates, type ArticleReference, type TemplateUse } from "./expand-templates.ts";

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
}

/**
 * Renders an article body. Raw HTML is kept because real archives rely on it
 * (unless the "sanitize" setting asks to strip what could run script).
 * Template calls left by Hugo, Jekyll or the Go blog are expanded first, as
 * those tools do (see `templates.ts`); no template language runs.
 * The body is parsed once for both the HTML and the excerpt.
 * `firstLine` is the body's first line in its file, for the lines of template calls.
 */
export function createMarkdownRenderer(options: MarkdownOptions = { sanitize: false, highlightCode: true }): (markdown: string, firstLine?: number) => RenderedBody {
  // Fenced code is highlighted here, at build time (see highlight.ts): no script in the page.
  const markdown = new MarkdownIt({ html: true, linkify: false, typographer: false, ...(options.highlightCode ? { highlight: highlightCode } : {}) });
  // Only the block structure is needed to know where code blocks are.
  const blocks = new MarkdownIt({ html: true, linkify: false, typographer: false });
  blocks.core.ruler.disable("inline");
  const renderInline = (text: string): string => markdown.renderInline(text);
  return (source, firstLine = 1) => {
    const expansion = source.includes("{{") || source.includes("{%") ? expandTemplates(source, codeBlocks(blocks.parse(source, {}), source), firstLine, renderInline) : undefined;
    const tokens = markdown.parse(expansion?.markdown ?? source, {});
    const html = markdown.renderer.render(tokens, markdown.options, {});
    return {
      html: options.sanitize ? sanitizeBody(html) : html,
      excerpt: excerptOf(tokens),
      templates: expansion?.uses ?? [],
      references: expansion?.references ?? [],
    };
  };
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

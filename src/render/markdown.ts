import MarkdownIt from "markdown-it";

/**
 * Renders an article body. Raw HTML is kept because real archives rely on it;
 * no template language touches the text, so `{{ }}` and `{% %}` stay as written.
 */
export function createMarkdownRenderer(): (markdown: string) => string {
  const markdown = new MarkdownIt({ html: true, linkify: false, typographer: false });
  return (source) => markdown.render(source);
}

import { embedFigure } from "./shortcodes.ts";

/** Tags that start a block of their own: a chunk that begins with one is not wrapped in a paragraph. */
const BLOCK_START =
  /^<\/?(?:address|article|aside|audio|blockquote|dd|details|div|dl|dt|fieldset|figcaption|figure|footer|form|h[1-6]|header|hgroup|hr|iframe|li|map|math|menu|nav|object|ol|p|pre|section|script|style|summary|table|tbody|td|tfoot|th|thead|tr|ul|video)\b/i;
/** Elements whose line breaks are their own: they are set aside while paragraphs are made. */
const PRESERVED = /<(pre|script|style|textarea)\b[\s\S]*?<\/\1>/gi;
const BARE_URL_LINE = /^[ \t]*(https?:\/\/[^\s<>"]+)[ \t]*$/gim;

/**
 * The classic editor stores paragraphs as blank lines and line breaks as
 * newlines; WordPress adds `<p>` and `<br>` when it shows the post (wpautop).
 * This does the same for what the importer converts, in the simpler form
 * that real classic posts need: blank-line-separated chunks that do not
 * start with a block tag become paragraphs, and lone newlines inside them
 * line breaks. A URL alone on its line is an embed, as WordPress shows it.
 */
export function autoParagraphs(html: string): string {
  const preserved: string[] = [];
  const protectedHtml = html
    .replace(/\r\n?/g, "\n")
    .replace(PRESERVED, (block) => `\u0000${preserved.push(block) - 1}\u0000`)
    .replace(BARE_URL_LINE, (_line, url: string) => `\n\n${embedFigure(url)}\n\n`);
  const paragraphs = protectedHtml
    .split(/\n[ \t]*\n/)
    .map((chunk) => chunk.trim())
    .filter((chunk) => chunk !== "")
    .map((chunk) => (BLOCK_START.test(chunk) || chunk.startsWith("\u0000") ? chunk : `<p>${lineBreaks(chunk)}</p>`));
  return paragraphs.join("\n\n").replace(/\u0000(\d+)\u0000/g, (_marker, index: string) => preserved[Number(index)] ?? "");
}

/** A newline between two pieces of text is a line break; one next to a tag is only layout. */
function lineBreaks(chunk: string): string {
  return chunk.replace(/([^>\n])[ \t]*\n(?=[ \t]*[^<\s])/g, "$1<br>\n");
}

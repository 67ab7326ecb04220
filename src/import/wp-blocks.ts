import { escapeMarkup } from "../core/escape.browser.ts";

/** What the block editor's markup needs from the rest of the export. */
export interface BlockContext {
  /** Reusable blocks (`wp_block` items) by post id: their content is inlined where they are used. */
  readonly reusableBlocks: ReadonlyMap<string, string>;
  /** The post's `footnotes` meta (JSON), which the footnotes block prints. */
  readonly footnotesJson?: string;
}

interface UnwrappedBlocks {
  readonly html: string;
  /** Whether the body was written in the block editor (it had block comments). */
  readonly blockEditor: boolean;
  /**
   * Dynamic blocks, by name, that store nothing in the post (latest posts,
   * archives, search...): WordPress draws them when a page is shown, so there
   * is nothing to keep. Counted for the report.
   */
  readonly dropped: ReadonlyMap<string, number>;
}

/**
 * The block editor's delimiters, as WordPress's own block parser reads them:
 * `<!-- wp:name {"json":"attributes"} -->`, `<!-- /wp:name -->`, and
 * `<!-- wp:name /-->` for a block with no inner markup.
 */
const BLOCK_COMMENT = /<!--\s+(\/)?wp:((?:[a-z][a-z0-9_-]*\/)?[a-z][a-z0-9_-]*)\s+(?:(\{[\s\S]*?\})\s+)?(\/)?-->/g;
const MORE = /<!--more(?:\s[\s\S]*?)?-->|<!--noteaser-->/g;
const NEXT_PAGE = /<!--nextpage-->/g;
/** Reusable blocks may hold reusable blocks; this deep is deeper than any real site nests them. */
const MAX_REUSE_DEPTH = 5;

/**
 * Removes the block editor's comments and keeps what the blocks hold. Void
 * blocks are replaced by what they stand for when the export has it (a
 * reusable block's content, the footnotes) and otherwise counted as dropped.
 * `<!--more-->` is removed and `<!--nextpage-->` becomes a rule: the pages of
 * a post become one page.
 */
export function unwrapBlocks(html: string, context: BlockContext): UnwrappedBlocks {
  const dropped = new Map<string, number>();
  const blockEditor = html.includes("<!-- wp:");
  const expand = (text: string, depth: number): string =>
    text.replace(BLOCK_COMMENT, (_whole, closer: string | undefined, name: string, attributes: string | undefined, isVoid: string | undefined) => {
      if (closer !== undefined || isVoid === undefined) return "";
      const replacement = voidBlock(name, attributes, context);
      if (replacement !== undefined && depth < MAX_REUSE_DEPTH) return expand(replacement, depth + 1);
      dropped.set(name, (dropped.get(name) ?? 0) + 1);
      return "";
    });
  const unwrapped = expand(html, 0).replace(MORE, "").replace(NEXT_PAGE, "\n<hr>\n");
  return { html: unwrapped, blockEditor, dropped };
}

function voidBlock(name: string, attributes: string | undefined, context: BlockContext): string | undefined {
  if (name === "block") {
    const ref = readAttributes(attributes)["ref"];
    return typeof ref === "number" || typeof ref === "string" ? context.reusableBlocks.get(String(ref)) : undefined;
  }
  if (name === "footnotes" && context.footnotesJson !== undefined) return footnotesHtml(context.footnotesJson);
  return undefined;
}

function readAttributes(json: string | undefined): Record<string, unknown> {
  if (json === undefined) return {};
  try {
    const value: unknown = JSON.parse(json);
    return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/**
 * The footnotes block prints the post's `footnotes` meta, a JSON list of
 * `{id, content}`; the text links to `#id` and each note back to `#id-link`.
 */
function footnotesHtml(json: string): string | undefined {
  let notes: unknown;
  try {
    notes = JSON.parse(json);
  } catch {
    return undefined;
  }
  if (!Array.isArray(notes)) return undefined;
  const items = notes.flatMap((note: unknown) => {
    if (typeof note !== "object" || note === null) return [];
    const { id, content } = note as Record<string, unknown>;
    if (typeof id !== "string" || typeof content !== "string") return [];
    return [`<li id="${escapeMarkup(id)}">${content} <a href="#${escapeMarkup(id)}-link">↩</a></li>`];
  });
  return items.length === 0 ? undefined : `<ol class="footnotes">${items.join("")}</ol>`;
}

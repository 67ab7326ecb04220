import { autoParagraphs } from "./autop.ts";
import { parseFragment } from "./dom.ts";
import { htmlToMarkdown } from "./html-to-markdown.ts";
import { removeActiveContent } from "./untrusted-html.ts";
import type { ArticleMedia } from "./media.ts";
import { expandShortcodes, type ShortcodeContext } from "./shortcodes.ts";
import { unwrapBlocks, type BlockContext } from "./wp-blocks.ts";

/** What converting one body left imperfect, or removed, for the report. */
export interface ConversionNotes {
  readonly keptAsHtml: ReadonlyMap<string, number>;
  /** What would have run in a reader's browser, removed (see untrusted-html.ts). */
  readonly removedAsUnsafe: ReadonlyMap<string, number>;
  readonly droppedBlocks: ReadonlyMap<string, number>;
  readonly unknownShortcodes: ReadonlyMap<string, number>;
  readonly problems: readonly string[];
}

interface ConvertedBody {
  readonly markdown: string;
  readonly notes: ConversionNotes;
}

/**
 * A WordPress post's content as Markdown: the block editor's comments
 * unwrapped, shortcodes expanded, the classic editor's paragraphs made, the
 * uploads' links pointed at the bundle's copies, then turndown.
 */
export function wordpressBody(html: string, context: BlockContext & ShortcodeContext, media: ArticleMedia): ConvertedBody {
  const blocks = unwrapBlocks(html, context);
  const shortcodes = expandShortcodes(blocks.html, context);
  const paragraphs = blocks.blockEditor ? shortcodes.html : autoParagraphs(shortcodes.html);
  const converted = htmlBody(paragraphs, media);
  return {
    markdown: converted.markdown,
    notes: { ...converted.notes, droppedBlocks: blocks.dropped, unknownShortcodes: shortcodes.unknown, problems: shortcodes.notes },
  };
}

/** HTML (a feed entry's content) as Markdown, without what would run, the uploads' links pointed at the bundle's copies. */
export function htmlBody(html: string, media: ArticleMedia): ConvertedBody {
  const document = parseFragment(html);
  const removedAsUnsafe = removeActiveContent(document.body);
  media.rewrite(document.body);
  const { markdown, keptAsHtml } = htmlToMarkdown(document.body);
  return { markdown, notes: { keptAsHtml, removedAsUnsafe, droppedBlocks: new Map(), unknownShortcodes: new Map(), problems: [] } };
}

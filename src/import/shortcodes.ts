import { escapeMarkup } from "../core/escape.browser.ts";

/** An attachment of the export, as shortcodes and featured images use it. */
export interface Attachment {
  readonly id: string;
  readonly url: string;
  readonly alt: string;
  /** Its caption (the attachment's excerpt), as HTML. */
  readonly caption: string;
  readonly parentId: string;
}

export interface ShortcodeContext {
  readonly postId: string;
  readonly attachments: ReadonlyMap<string, Attachment>;
}

interface ExpandedShortcodes {
  readonly html: string;
  /** Shortcodes this importer does not know, by name, left in the text as written. */
  readonly unknown: ReadonlyMap<string, number>;
  /** Problems with known shortcodes (a gallery whose images are not in the export...). */
  readonly notes: readonly string[];
}

type Attributes = Readonly<Record<string, string>>;

/** The shortcodes WordPress itself registers, and the code shortcodes of WordPress.com. */
const KNOWN = "caption|wp_caption|gallery|embed|audio|video|code|sourcecode";
const SHORTCODE = new RegExp(`\\[(${KNOWN})(?![\\w-])([^\\]]*?)(?:\\/\\]|\\](?:([\\s\\S]*?)\\[\\/\\1\\])?)`, "g");
/** What looks like a shortcode of a plugin: a name with attributes, or a closing tag. */
const OTHER_SHORTCODE = /\[([a-z][\w-]*)(?:\s+[\w-]+=[^\]]*\]|\][\s\S]*?\[\/\1\])/gi;
const ATTRIBUTE = /([\w-]+)\s*=\s*"([^"]*)"|([\w-]+)\s*=\s*'([^']*)'|([\w-]+)\s*=\s*([^\s'"]+)|"([^"]*)"|(\S+)/g;

/**
 * Replaces WordPress's shortcodes by the HTML they stand for: captions become
 * figures, galleries figures of their images, embeds the embed figures the
 * block editor writes, audio and video their HTML elements, code shortcodes
 * code blocks. Unknown shortcodes stay as written, and are counted.
 */
export function expandShortcodes(html: string, context: ShortcodeContext): ExpandedShortcodes {
  const notes: string[] = [];
  const expanded = html.replace(SHORTCODE, (whole, name: string, rawAttributes: string, content: string | undefined) => {
    const attributes = parseAttributes(rawAttributes);
    const replacement = expandOne(name, attributes, content ?? "", context, notes);
    return replacement ?? whole;
  });
  const unknown = new Map<string, number>();
  for (const match of expanded.matchAll(OTHER_SHORTCODE)) {
    const name = (match[1] ?? "").toLowerCase();
    unknown.set(name, (unknown.get(name) ?? 0) + 1);
  }
  return { html: expanded, unknown, notes };
}

function expandOne(name: string, attributes: Attributes, content: string, context: ShortcodeContext, notes: string[]): string | undefined {
  switch (name) {
    case "caption":
    case "wp_caption":
      return captionFigure(attributes, content);
    case "gallery":
      return galleryFigure(attributes, context, notes);
    case "embed":
      return embedFigure(content.trim() || attributes["src"] || "");
    case "audio":
    case "video":
      return mediaElement(name, attributes, notes);
    default:
      return codeBlock(attributes, content);
  }
}

function parseAttributes(text: string): Attributes {
  const attributes: Record<string, string> = {};
  let position = 0;
  for (const match of text.matchAll(ATTRIBUTE)) {
    const key = match[1] ?? match[3] ?? match[5];
    const value = match[2] ?? match[4] ?? match[6];
    if (key !== undefined && value !== undefined) attributes[key.toLowerCase()] = value;
    else attributes[String(position++)] = match[7] ?? match[8] ?? "";
  }
  return attributes;
}

/** `[caption id=".." align=".." width=".."]<a><img></a> The caption[/caption]`: the image, then its caption. */
function captionFigure(attributes: Attributes, content: string): string {
  const image = /^\s*(?:<a\b[^>]*>\s*<img\b[^>]*>\s*<\/a>|<img\b[^>]*>)/i.exec(content)?.[0] ?? "";
  const caption = (attributes["caption"] ?? content.slice(image.length)).trim();
  return `<figure>${image.trim()}${caption === "" ? "" : `<figcaption>${caption}</figcaption>`}</figure>`;
}

/** `[gallery ids="1,2"]`, or `[gallery]`: the images attached to the post. */
function galleryFigure(attributes: Attributes, context: ShortcodeContext, notes: string[]): string | undefined {
  const listed = (attributes["ids"] ?? attributes["include"] ?? "")
    .split(",")
    .map((id) => id.trim())
    .filter((id) => id !== "");
  const excluded = new Set((attributes["exclude"] ?? "").split(",").map((id) => id.trim()));
  const ids =
    listed.length > 0
      ? listed
      : [...context.attachments.values()].filter((attachment) => attachment.parentId === context.postId).map((attachment) => attachment.id);
  const missing = ids.filter((id) => !context.attachments.has(id));
  if (missing.length > 0) notes.push(`a [gallery] shows attachment(s) ${missing.join(", ")}, which the export does not hold; they are left out of the gallery`);
  const images = ids.flatMap((id) => {
    const attachment = context.attachments.get(id);
    if (attachment === undefined || excluded.has(id)) return [];
    const caption = attachment.caption.trim() === "" ? "" : `<figcaption>${attachment.caption.trim()}</figcaption>`;
    return [`<figure class="wp-block-image"><img src="${escapeMarkup(attachment.url)}" alt="${escapeMarkup(attachment.alt)}">${caption}</figure>`];
  });
  if (images.length === 0) {
    notes.push("a [gallery] has no image the export holds; it was left as written");
    return undefined;
  }
  return `<figure class="wp-block-gallery">${images.join("")}</figure>`;
}

/** The figure the block editor writes for an embed, which the Markdown rules turn into a link. */
export function embedFigure(url: string): string {
  return `<figure class="wp-block-embed"><div class="wp-block-embed__wrapper">${escapeMarkup(url.trim())}</div></figure>`;
}

const MEDIA_SOURCES = ["src", "mp3", "m4a", "ogg", "wav", "wma", "mp4", "m4v", "webm", "ogv", "wmv", "flv"];

function mediaElement(name: "audio" | "video", attributes: Attributes, notes: string[]): string | undefined {
  const source = MEDIA_SOURCES.map((key) => attributes[key]).find((value) => value !== undefined && value !== "");
  if (source === undefined) {
    notes.push(`an [${name}] shortcode names no file; it was left as written`);
    return undefined;
  }
  const poster = attributes["poster"] === undefined ? "" : ` poster="${escapeMarkup(attributes["poster"])}"`;
  return `<${name} controls src="${escapeMarkup(source)}"${poster}></${name}>`;
}

/** `[code language="php"]...[/code]` (WordPress.com): its text may be stored escaped or not; it is read as text either way. */
function codeBlock(attributes: Attributes, content: string): string {
  const language = (attributes["language"] ?? attributes["lang"] ?? "").replace(/[^\w+#-]/g, "");
  const text = decodeEntities(content);
  const className = language === "" ? "" : ` class="language-${language}"`;
  return `<pre><code${className}>${escapeMarkup(text.replace(/^\n+|\s+$/g, ""))}</code></pre>`;
}

function decodeEntities(text: string): string {
  return text.replace(
    /&(lt|gt|quot|#0?39|amp);/g,
    (_whole, entity: string) => ({ lt: "<", gt: ">", quot: '"', "#39": "'", "#039": "'", amp: "&" })[entity] ?? "",
  );
}

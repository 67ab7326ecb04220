import type { Token } from "markdown-it";

const EXCERPT_LENGTH = 240;

/** Hugo's and WordPress's marker: what comes before it is the article's teaser. */
const MORE_MARKER = /<!--\s*more\s*-->/i;
/** A bare address written as text ("https://nodejs.org/dist/"), its closing punctuation left out. */
const BARE_URL = /(?:\bhttps?:\/\/|\bwww\.)\S+?(?=[.,;:!?)\]]*(?:\s|$))/gi;
/** A commit hash, as release notes list them: "[58717685a1]", "`acc86ed246`". */
const COMMIT_HASH = /^[[(`]*(?=[0-9a-f]*\d)(?=[0-9a-f]*[a-f])[0-9a-f]{7,40}[\])`:,.;]*$/i;
/** A paragraph with fewer words than this (code and addresses aside) is not prose: a label, a link, a signature. */
const MIN_PROSE_WORDS = 4;
/** A paragraph with this many bare addresses is a list of downloads or links, not prose. */
const MAX_ADDRESSES = 2;

/**
 * The plain text that lists show for an article without a summary: the part
 * before `<!--more-->` when there is one, else the first paragraph that is
 * prose (else, in a short article, its first sentence). Code blocks, paragraphs of addresses and lists of commit hashes
 * (release notes) are skipped, so that an excerpt never opens with
 * "[58717685a1] - crypto: ..."; an address inside a sentence is shortened
 * to its host name.
 * Empty when the body has no prose paragraph at its top level.
 */
export function excerptOf(tokens: readonly Token[]): string {
  const more = tokens.findIndex(holdsMoreMarker);
  if (more !== -1) {
    const teaser = [...paragraphs(tokens.slice(0, more + 1), { topLevelOnly: false })]
      .map((paragraph) => paragraph.text)
      .join(" ")
      .trim();
    if (teaser !== "") return shorten(teaser, EXCERPT_LENGTH);
  }
  // The paragraphs are read until the first prose one: most bodies open with it.
  let sentence: ParagraphText | undefined;
  for (const paragraph of paragraphs(tokens, { topLevelOnly: true })) {
    if (!isNotCodeOrAddresses(paragraph)) continue;
    if (isProse(paragraph)) return shorten(paragraph.text, EXCERPT_LENGTH);
    // A short article may have no paragraph of four words: its first sentence will do.
    if (sentence === undefined && /[.!?…]["”')]?$/.test(paragraph.text)) sentence = paragraph;
  }
  return sentence === undefined ? "" : shorten(sentence.text, EXCERPT_LENGTH);
}

interface ParagraphText {
  /** Its text, code included, bare addresses shortened to their host. */
  readonly text: string;
  /** Its words outside code and addresses. */
  readonly proseWords: readonly string[];
  readonly addresses: number;
}

/** The paragraphs that have text, in order; with `topLevelOnly`, those at the body's top level alone. */
function* paragraphs(tokens: readonly Token[], { topLevelOnly }: { readonly topLevelOnly: boolean }): Generator<ParagraphText> {
  for (const [index, token] of tokens.entries()) {
    const inline = tokens[index + 1];
    if (token.type !== "paragraph_open" || inline?.type !== "inline" || (topLevelOnly && token.level !== 0)) continue;
    const parts = textParts(inline.children ?? []);
    const text = squeeze(parts.map((part) => (part.kind === "address" ? hostOf(part.text) : part.text.replace(BARE_URL, hostOf))).join(""));
    const written = parts.filter((part) => part.kind === "text").map((part) => part.text).join("");
    const prose = squeeze(written.replace(BARE_URL, ""));
    const addresses = (written.match(BARE_URL)?.length ?? 0) + parts.filter((part) => part.kind === "address").length;
    if (text !== "") yield { text, proseWords: prose === "" ? [] : prose.split(" "), addresses };
  }
}

interface TextPart {
  readonly text: string;
  /** Words, inline code, or an autolink's address (`<https://...>`). */
  readonly kind: "text" | "code" | "address";
}

/** The text of a paragraph's inline tokens, up to a `<!--more-->`. */
function textParts(children: readonly Token[]): TextPart[] {
  const parts: TextPart[] = [];
  let inAutolink = false;
  for (const child of children) {
    if (child.type === "html_inline" && MORE_MARKER.test(child.content)) break;
    if (child.type === "link_open" && child.markup === "autolink") {
      inAutolink = true;
      parts.push({ text: String(child.attrGet("href") ?? ""), kind: "address" });
    } else if (child.type === "link_close") inAutolink = false;
    else if (inAutolink) continue;
    else if (child.type === "text") parts.push({ text: child.content, kind: "text" });
    else if (child.type === "code_inline") parts.push({ text: child.content, kind: "code" });
    else if (child.type === "softbreak" || child.type === "hardbreak") parts.push({ text: " ", kind: "text" });
  }
  return parts;
}

function squeeze(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/** "https://www.example.org/a/b" → "example.org". */
function hostOf(address: string): string {
  try {
    return new URL(address.startsWith("www.") ? `https://${address}` : address).hostname.replace(/^www\./, "");
  } catch {
    return address;
  }
}

/** Some words outside code, not a line of commit hashes, not a list of addresses. */
function isNotCodeOrAddresses(paragraph: ParagraphText): boolean {
  const words = paragraph.proseWords;
  const hashes = words.filter((word) => COMMIT_HASH.test(word)).length;
  const first = paragraph.text.split(" ")[0] ?? "";
  return !COMMIT_HASH.test(first) && hashes * 4 < words.length && paragraph.addresses < MAX_ADDRESSES && words.some((word) => /\p{L}{2,}/u.test(word));
}

/** Four words or more, and not the line that introduces a list or a block of code ("The changes include:"). */
function isProse(paragraph: ParagraphText): boolean {
  return paragraph.proseWords.filter((word) => /\p{L}{2,}/u.test(word)).length >= MIN_PROSE_WORDS && !paragraph.text.endsWith(":");
}

function holdsMoreMarker(token: Token): boolean {
  if (token.type === "html_block") return MORE_MARKER.test(token.content);
  return token.type === "inline" && (token.children ?? []).some((child) => child.type === "html_inline" && MORE_MARKER.test(child.content));
}

/** Cuts text at a word boundary so that it is at most `length` characters, ellipsis included. */
export function shorten(text: string, length: number): string {
  if (text.length <= length) return text;
  const cut = text.slice(0, length - 1);
  const lastSpace = cut.lastIndexOf(" ");
  return `${(lastSpace > length / 2 ? cut.slice(0, lastSpace) : cut).replace(/[\s,;:.]+$/, "")}…`;
}

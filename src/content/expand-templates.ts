import { escapeMarkup } from "../core/escape.browser.ts";
import { rewriteHtmlUrls } from "../core/html-urls.ts";
import { findTemplateCalls, type Span, type TemplateCall } from "./template-calls.ts";
import { callName, closingName, runShortcode, type UserShortcodes } from "./user-shortcodes.ts";

/**
 * What template calls in a body become before it is read as Markdown, as
 * Hugo and Jekyll run them before their Markdown step. Calls whose meaning is
 * plain are rendered: an image shortcode becomes a figure, a video one a link
 * to the video (no player, no script), a reference to another article a link
 * to it, a highlight block a code block, `{% raw %}` its content. Every other
 * call stays in the text as written, for the reader to see and the author to
 * be warned about: nothing is silently lost.
 */

export type TemplateOutcome = "image" | "video-link" | "article-link" | "code-block" | "site-url" | "as-written" | "mapped" | "text";

export interface TemplateUse {
  /** The call as written, on one line. */
  readonly text: string;
  /** The name the shortcodes file maps it by ("note", "include", "site.repository"). */
  readonly name: string;
  /** Line in the article's file. */
  readonly line: number;
  readonly outcome: TemplateOutcome;
  /** Why the shortcodes file's mapping of it could not be used. */
  readonly problem?: string;
}

/** The archive's own shortcodes, and the article's file their functions are given. */
interface UserCalls {
  readonly shortcodes: UserShortcodes;
  readonly file: string;
}

/** A link to another article, known only once every article is loaded: `linkReferences` puts its URL in. */
export interface ArticleReference {
  /** The article as the call names it: "blog/2020/foo.md", "foo", "2010-07-21-name", "_posts/2016-07-26-name.md". */
  readonly target: string;
  /** "#section", or "". */
  readonly fragment: string;
  /** The call as written, on one line. */
  readonly text: string;
  readonly line: number;
}

interface Expansion {
  readonly markdown: string;
  readonly uses: readonly TemplateUse[];
  readonly references: readonly ArticleReference[];
}

/**
 * The URL written for a reference until it is resolved: `article-ref:N`, N
 * its index in the body's references. A scheme of our own, so that no real
 * link is ever mistaken for one.
 */
export const ARTICLE_REFERENCE_SCHEME = "article-ref:";

const IMAGE_SHORTCODES = new Set(["figure", "img", "image"]);
const REFERENCE_CALLS: Readonly<Record<string, ReadonlySet<string>>> = { hugo: new Set(["ref", "relref"]), liquid: new Set(["link", "post_url"]), go: new Set() };
/** Jekyll's site address and base path, written before a link (`{{ site.baseurl }}{% post_url x %}`, `{{ site.baseurl }}/images/x.png`). */
const SITE_ROOT = /^site\.(?:baseurl|url)$/;
/** Where a call stands for a URL: a Markdown link's destination, a reference definition, an HTML link or source. */
const URL_POSITION = /(?:\]\(\s*<?|^ {0,3}\[[^\]]+\]:\s*<?|\s(?:href|src)\s*=\s*["']?)$/i;
/** A YouTube video's id, and where to start it in seconds ("SFtHRmPuhEw?start=953"). */
const YOUTUBE_ID = /^([\w-]{6,})(?:\?start=(\d+))?$/;
const YOUTUBE_EMBED = /^https?:\/\/(?:www\.)?youtube(?:-nocookie)?\.com\/embed\/([\w-]{6,})/;
const LANGUAGE = /^[\w+#.-]+$/;

/**
 * Expands the template calls of a body. `code` lists its code blocks, whose
 * calls are left alone; `firstLine` is the body's first line in its file;
 * `renderInline` renders a figure's caption, which Hugo reads as Markdown.
 * The archive's own shortcodes (`user`) come first: a call they name
 * becomes what they say, a paired one with what lies between its tags.
 */
export function expandTemplates(source: string, code: readonly Span[], firstLine: number, renderInline: (markdown: string) => string, user?: UserCalls): Expansion {
  const calls = findTemplateCalls(source, code);
  if (calls.length === 0) return { markdown: source, uses: [], references: [] };
  const uses: TemplateUse[] = [];
  const references: ArticleReference[] = [];
  const lineAt = lineCounter(source, firstLine);
  let markdown = "";
  let copied = 0;
  calls.forEach((call, index) => {
    // The calls inside a mapped pair were given to its function with the rest of its content.
    if (call.start < copied) return;
    markdown += source.slice(copied, call.start);
    copied = call.end;
    const text = oneLine(source.slice(call.start, call.inner?.start ?? call.end));
    const name = callName(call);
    const mapped = user === undefined ? undefined : userCall(source, calls, index, user);
    if (mapped !== undefined) {
      const line = lineAt(call.start);
      copied = mapped.end;
      if (mapped.ok) {
        markdown += mapped.markdown;
        uses.push({ text, name, line, outcome: "mapped" });
      } else {
        markdown += shownAsText(source.slice(call.start, mapped.end));
        uses.push({ text, name, line, outcome: "text", problem: mapped.reason });
      }
      return;
    }
    const line = lineAt(call.start);
    const context: CallContext = {
      lineBefore: markdown.slice(markdown.lastIndexOf("\n") + 1),
      lineAfter: source.slice(call.end, endOfLine(source, call.end)),
      followedBy: source[call.end] === "/" ? "/" : calls[index + 1]?.start === call.end ? calls[index + 1] : undefined,
      reference: (target) => {
        const [path = "", ...fragment] = target.split("#");
        references.push({ target: path, fragment: fragment.length > 0 ? `#${fragment.join("#")}` : "", text, line });
        return `${ARTICLE_REFERENCE_SCHEME}${references.length - 1}`;
      },
      renderInline,
    };
    const expanded = expandCall(source, call, context) ?? { markdown: shownAsText(source.slice(call.start, call.end)), outcome: "text" as const };
    markdown += expanded.markdown;
    uses.push({ text, name, line, outcome: expanded.outcome });
  });
  markdown += source.slice(copied);
  return { markdown, uses, references };
}

/**
 * A call the archive's shortcodes map, run: what it becomes and where it
 * ends (after its closing call when it has one); undefined when they do
 * not map it. A closing call alone (`{{< /note >}}`) is mapped with its
 * opening one.
 */
function userCall(source: string, calls: readonly TemplateCall[], index: number, user: UserCalls): ({ readonly end: number } & ({ readonly ok: true; readonly markdown: string } | { readonly ok: false; readonly reason: string })) | undefined {
  const call = calls[index];
  if (call === undefined) return undefined;
  const name = callName(call);
  const value = user.shortcodes.map[name];
  if (value === undefined || call.commented === true) return undefined;
  const closing = closingName(call);
  const close = closing === undefined ? undefined : calls.slice(index + 1).find((other) => other.syntax === call.syntax && other.name === closing);
  const content = close === undefined ? (call.inner === undefined ? undefined : source.slice(call.inner.start, call.inner.end)) : source.slice(call.end, close.start);
  const result = runShortcode(value, { name, syntax: call.syntax, args: call.args, named: call.named, ...(content === undefined ? {} : { content }), file: user.file });
  return { end: close?.end ?? call.end, ...result };
}

interface CallContext {
  /** What precedes the call on its line, as expanded so far. */
  readonly lineBefore: string;
  readonly lineAfter: string;
  /** A "/" or a call written right after this one. */
  readonly followedBy: "/" | TemplateCall | undefined;
  /** Records a reference and gives its placeholder URL. */
  readonly reference: (target: string) => string;
  readonly renderInline: (markdown: string) => string;
}

type Expanded = { readonly markdown: string; readonly outcome: TemplateOutcome };

/** What a call becomes, or undefined when its meaning is not plain (it then stays as text). */
function expandCall(source: string, call: TemplateCall, context: CallContext): Expanded | undefined {
  const { syntax, name, args, named } = call;
  if (call.commented === true) {
    // Hugo prints `{{</* x */>}}` as `{{< x >}}`.
    const shown = source.slice(call.start, call.end).replace(/^(\{\{[<%]\s*)\/\*/, "$1").replace(/\*\/(\s*[>%]\}\})$/, "$1");
    return { markdown: shownAsText(shown), outcome: "as-written" };
  }
  if (call.inner !== undefined) {
    const inner = source.slice(call.inner.start, call.inner.end);
    return name === "raw" ? { markdown: inner, outcome: "as-written" } : { markdown: codeBlock(inner, args[0], context), outcome: "code-block" };
  }
  if (REFERENCE_CALLS[syntax]?.has(name) === true) {
    const target = (named["path"] ?? args[0] ?? "").trim();
    if (target === "") return undefined;
    const href = context.reference(target);
    return { markdown: URL_POSITION.test(context.lineBefore) ? href : `<a href="${href}"></a>`, outcome: "article-link" };
  }
  if (syntax === "hugo" && IMAGE_SHORTCODES.has(name) && named["src"] !== undefined) {
    const caption = named["caption"];
    const figure = figureHtml({
      src: named["src"],
      alt: named["alt"] ?? caption ?? "",
      width: named["width"],
      height: named["height"],
      link: named["link"],
      title: named["title"],
      caption: caption === undefined ? undefined : context.renderInline(oneLine(caption)),
    });
    return { markdown: asBlock(figure, context), outcome: "image" };
  }
  if (syntax === "go" && name === "image" && args[0] !== undefined) {
    return { markdown: asBlock(figureHtml({ src: args[0], alt: "", width: args[1], height: args[2] }), context), outcome: "image" };
  }
  const video = videoOf(call);
  if (video !== undefined) {
    return { markdown: `<a class="video-link" href="${escapeMarkup(video.url)}">${escapeMarkup(video.title)}</a>`, outcome: "video-link" };
  }
  if (syntax === "liquid" && name === "" && SITE_ROOT.test(args[0] ?? "")) {
    // The old site's address before a link within it: the link stands for itself here.
    const followed = context.followedBy;
    const beforeLink = followed === "/" || (followed !== undefined && REFERENCE_CALLS[followed.syntax]?.has(followed.name) === true);
    return beforeLink ? { markdown: "", outcome: "site-url" } : undefined;
  }
  return undefined;
}

/** A video shortcode's page (YouTube, Vimeo, or Go's `{{video URL}}`) and the link's text. */
function videoOf({ syntax, name, args, named }: TemplateCall): { url: string; title: string } | undefined {
  const title = named["title"]?.trim();
  if (syntax === "hugo" && name === "youtube") {
    const [, id, start] = YOUTUBE_ID.exec(named["id"] ?? args[0] ?? "") ?? [];
    if (id === undefined) return undefined;
    return { url: `https://www.youtube.com/watch?v=${id}${start === undefined ? "" : `&t=${start}`}`, title: title ? `Video: ${title}` : "Video on YouTube" };
  }
  if (syntax === "hugo" && name === "vimeo") {
    const id = named["id"] ?? args[0] ?? "";
    return /^\d+$/.test(id) ? { url: `https://vimeo.com/${id}`, title: title ? `Video: ${title}` : "Video on Vimeo" } : undefined;
  }
  if (syntax === "go" && name === "video" && /^https?:\/\//.test(args[0] ?? "")) {
    const url = args[0] ?? "";
    const youtube = YOUTUBE_EMBED.exec(url)?.[1];
    // An embed address shows a bare player; the video's page is the link a reader expects.
    return youtube === undefined ? { url, title: "Video" } : { url: `https://www.youtube.com/watch?v=${youtube}`, title: "Video on YouTube" };
  }
  return undefined;
}

interface Figure {
  readonly src: string;
  readonly alt: string;
  readonly width?: string | undefined;
  readonly height?: string | undefined;
  readonly link?: string | undefined;
  readonly title?: string | undefined;
  /** HTML. */
  readonly caption?: string | undefined;
}

function figureHtml(figure: Figure): string {
  const size = (["width", "height"] as const)
    .flatMap((key) => (figure[key] !== undefined && /^\d+$/.test(figure[key]) ? [` ${key}="${figure[key]}"`] : []))
    .join("");
  const image = `<img src="${escapeMarkup(figure.src)}" alt="${escapeMarkup(figure.alt)}"${size}>`;
  const linked = figure.link === undefined ? image : `<a href="${escapeMarkup(figure.link)}">${image}</a>`;
  const caption = [figure.title === undefined ? "" : `<strong>${escapeMarkup(figure.title)}</strong>`, figure.caption ?? ""].filter((part) => part !== "").join(" ");
  return `<figure>${linked}${caption === "" ? "" : `<figcaption>${caption}</figcaption>`}</figure>`;
}

/**
 * HTML alone on its line is an HTML block, which runs to the next blank
 * line: a blank line after it keeps the following text Markdown.
 */
function asBlock(html: string, context: CallContext): string {
  return context.lineBefore.trim() === "" && context.lineAfter.trim() === "" ? `${html}\n` : html;
}

/** A fenced code block, on lines of its own, with a fence longer than any backtick run inside. */
function codeBlock(inner: string, language: string | undefined, context: CallContext): string {
  const content = inner.replace(/^[ \t]*\n/, "").replace(/\n[ \t]*$/, "");
  const longestRun = Math.max(2, ...(content.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(longestRun + 1);
  const info = language !== undefined && LANGUAGE.test(language) ? language : "";
  const before = context.lineBefore.trim() === "" ? "" : "\n";
  const after = context.lineAfter.trim() === "" ? "" : "\n";
  return `${before}${fence}${info}\n${content}\n${fence}${after}`;
}

/** A call kept as text. `{{<name>}}` would read as an HTML tag and vanish: its `<` is written as an entity. */
function shownAsText(text: string): string {
  return text.replace(/^\{\{</, "{{&lt;");
}

/**
 * Puts the resolved URLs into a rendered body. A reference that `resolve`
 * cannot find is not left as a broken link: the link's text stays, followed
 * by the call as written. A link with no text of its own (a reference written
 * outside a Markdown link) gets the article's title.
 */
export function linkReferences(
  html: string,
  references: readonly ArticleReference[],
  resolve: (reference: ArticleReference) => { readonly href: string; readonly title: string } | undefined,
): string {
  const found = references.map(resolve);
  const referenceAt = (url: string): number | undefined => {
    if (!url.startsWith(ARTICLE_REFERENCE_SCHEME)) return undefined;
    const index = Number(url.slice(ARTICLE_REFERENCE_SCHEME.length));
    return Number.isInteger(index) && index >= 0 && index < references.length ? index : undefined;
  };
  const linked = html.replace(/<a\b([^>]*?)\shref="([^"]*)"([^>]*)>([\s\S]*?)<\/a>/g, (whole, before: string, url: string, after: string, text: string) => {
    const index = referenceAt(url);
    if (index === undefined) return whole;
    const target = found[index];
    if (target !== undefined) return `<a${before} href="${escapeMarkup(target.href)}"${after}>${text === "" ? escapeMarkup(target.title) : text}</a>`;
    const call = escapeMarkup(references[index]?.text ?? "");
    return text === "" ? call : `${text} (${call})`;
  });
  // A reference elsewhere, such as an image's source.
  return rewriteHtmlUrls(linked, (url) => {
    const index = referenceAt(url);
    return index === undefined ? url : escapeMarkup(found[index]?.href ?? references[index]?.text ?? url);
  });
}

function lineCounter(source: string, firstLine: number): (offset: number) => number {
  let line = firstLine;
  let counted = 0;
  return (offset) => {
    for (let next = source.indexOf("\n", counted); next !== -1 && next < offset; next = source.indexOf("\n", next + 1)) line += 1;
    counted = Math.max(counted, offset);
    return line;
  };
}

function endOfLine(source: string, from: number): number {
  const end = source.indexOf("\n", from);
  return end === -1 ? source.length : end;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

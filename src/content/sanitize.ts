import { createRequire } from "node:module";
import type sanitizeHtmlType from "sanitize-html";
import { ARTICLE_REFERENCE_SCHEME } from "./expand-templates.ts";

/** sanitize-html (CommonJS), loaded by the first body sanitized: most archives do not ask for it, and it takes a tenth of a second to load. */
let sanitizeHtml: typeof sanitizeHtmlType | undefined;

/**
 * For archives whose authors are not all trusted (setting "sanitize"): keeps
 * the HTML that articles use (headings, lists, tables, figures, images and
 * media) and strips scripts, styles, iframes, event handlers and javascript:
 * or data: URLs in links.
 */
const options = (defaults: sanitizeHtmlType.IDefaults): sanitizeHtmlType.IOptions => ({
  allowedTags: [
    ...defaults.allowedTags,
    "img",
    "figure",
    "figcaption",
    "picture",
    "source",
    "video",
    "audio",
    "track",
    "details",
    "summary",
    "del",
    "ins",
    "sup",
    "sub",
    "kbd",
    "mark",
  ],
  allowedAttributes: {
    "*": ["id", "class", "title", "lang", "dir"],
    a: ["href", "name", "target", "rel"],
    img: ["src", "srcset", "alt", "width", "height", "loading"],
    source: ["src", "srcset", "type", "media"],
    video: ["src", "poster", "controls", "width", "height"],
    audio: ["src", "controls"],
    track: ["src", "kind", "srclang", "label"],
    th: ["colspan", "rowspan", "scope"],
    td: ["colspan", "rowspan"],
    ol: ["start", "reversed", "type"],
  },
  allowedSchemes: ["http", "https", "mailto", "tel"],
  // Links to other articles are written with a scheme of our own until they are resolved, after sanitizing (see templates.ts).
  allowedSchemesByTag: { img: ["http", "https", "data"], a: ["http", "https", "mailto", "tel", ARTICLE_REFERENCE_SCHEME.slice(0, -1)] },
  allowProtocolRelative: true,
});
let OPTIONS: sanitizeHtmlType.IOptions | undefined;

export function sanitizeBody(html: string): string {
  sanitizeHtml ??= createRequire(import.meta.url)("sanitize-html") as typeof sanitizeHtmlType;
  OPTIONS ??= options(sanitizeHtml.defaults);
  return sanitizeHtml(html, OPTIONS);
}

import { posix } from "node:path";
import { slugify } from "../core/slugs.ts";
import type { HtmlElement } from "./dom.ts";

/** A file of the old site's uploads that an article uses. */
export interface MediaFile {
  /** The URL as the post wrote it. */
  readonly url: string;
  /** Its path under `wp-content/uploads/` ("2008/06/boat.jpg"). */
  readonly uploadsPath: string;
  /** Its name in the article's bundle folder. */
  readonly localName: string;
  /** Whether the file is in the uploads folder given, so that it is copied and the link points at the copy. */
  readonly found: boolean;
}

/** Where media live and whether a copy of them is at hand. */
export interface MediaSource {
  /** The old site's address, to read root-relative URLs ("/wp-content/uploads/..."). */
  readonly siteUrl: string;
  /** Whether a file of the uploads folder exists; undefined when no uploads folder was given. */
  readonly exists: ((uploadsPath: string) => boolean) | undefined;
}

const UPLOADS_SEGMENT = "/wp-content/uploads/";
/** WordPress.com serves a site's uploads from its own host, by year and month. */
const WORDPRESS_COM_FILES = /(^|\.)files\.wordpress\.com$/i;
const MEDIA_ATTRIBUTES: readonly (readonly [string, string])[] = [
  ["img", "src"],
  ["a", "href"],
  ["video", "src"],
  ["video", "poster"],
  ["audio", "src"],
  ["source", "src"],
  ["object", "data"],
  ["embed", "src"],
];

/** The path under the uploads folder of a URL of the site's uploads, or undefined for any other URL. */
export function uploadsPathOf(url: string, siteUrl: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url.trim(), siteUrl === "" ? undefined : siteUrl);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") return undefined;
  const at = parsed.pathname.indexOf(UPLOADS_SEGMENT);
  const path = at >= 0 ? parsed.pathname.slice(at + UPLOADS_SEGMENT.length) : WORDPRESS_COM_FILES.test(parsed.hostname) ? parsed.pathname.slice(1) : undefined;
  if (path === undefined || path === "" || path.endsWith("/")) return undefined;
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return undefined;
  }
  const normal = posix.normalize(decoded);
  return normal.startsWith("..") || normal.startsWith("/") || normal.includes("\0") ? undefined : normal;
}

/**
 * Collects the uploads an article's HTML uses and points the links at their
 * copies in the bundle when they are found. `srcset` and `sizes` are removed:
 * they list resized copies the archive does not publish.
 */
export class ArticleMedia {
  readonly #source: MediaSource;
  readonly #files = new Map<string, MediaFile>();
  readonly #names = new Set<string>();

  constructor(source: MediaSource) {
    this.#source = source;
  }

  get files(): readonly MediaFile[] {
    return [...this.#files.values()];
  }

  /** The link to use for a URL: the bundle's copy of an upload when it is found, else the URL as written. */
  link(url: string): string {
    const uploadsPath = uploadsPathOf(url, this.#source.siteUrl);
    if (uploadsPath === undefined) return url;
    const file = this.#files.get(uploadsPath) ?? this.#add(url, uploadsPath);
    return file.found ? encodeURI(file.localName) : url;
  }

  rewrite(body: HtmlElement): void {
    for (const image of body.querySelectorAll("img[srcset], img[sizes], source[srcset]")) {
      image.removeAttribute("srcset");
      image.removeAttribute("sizes");
    }
    for (const [tag, attribute] of MEDIA_ATTRIBUTES) {
      for (const element of body.querySelectorAll(`${tag}[${attribute}]`)) {
        const value = element.getAttribute(attribute) ?? "";
        const linked = this.link(value);
        if (linked !== value) element.setAttribute(attribute, linked);
      }
    }
  }

  #add(url: string, uploadsPath: string): MediaFile {
    const file: MediaFile = { url, uploadsPath, localName: this.#nameFor(uploadsPath), found: this.#source.exists?.(uploadsPath) ?? false };
    this.#files.set(uploadsPath, file);
    return file;
  }

  /** The file's name, made safe for a URL; a second file of the same name gets its folders' names before it. */
  #nameFor(uploadsPath: string): string {
    const extension = posix
      .extname(uploadsPath)
      .toLowerCase()
      .replace(/[^.a-z0-9]/g, "");
    const stem = slugify(posix.basename(uploadsPath, posix.extname(uploadsPath))) || "file";
    let name = `${stem}${extension}`;
    if (this.#names.has(name)) name = `${slugify(posix.dirname(uploadsPath))}-${name}`;
    for (let counter = 2; this.#names.has(name); counter += 1) name = `${stem}-${counter}${extension}`;
    this.#names.add(name);
    return name;
  }
}

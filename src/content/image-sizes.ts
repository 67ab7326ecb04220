import { readFileSync } from "node:fs";
import { join } from "node:path";
import { imageSize } from "image-size";
import { isPageRelative } from "../core/html-urls.ts";

/**
 * Gives `<img>` elements of a body the width and height of their file when
 * the tag has neither, so that browsers keep the space for images while they
 * load (no layout shift). `sizeOf` knows the files: a page bundle's images.
 */
const IMG_TAG = /<img\b[^>]*>/gi;
const SRC = /\ssrc\s*=\s*(["'])(.*?)\1/i;
const HAS_SIZE = /\s(?:width|height)\s*=/i;

interface ImageSize {
  readonly width: number;
  readonly height: number;
}

export function withImageSizes(html: string, sizeOf: (src: string) => ImageSize | undefined): string {
  return html.replace(IMG_TAG, (tag) => {
    if (HAS_SIZE.test(tag)) return tag;
    const src = SRC.exec(tag)?.[2];
    const size = src === undefined ? undefined : sizeOf(src);
    if (size === undefined) return tag;
    return tag.replace(/^<img\b/i, `<img width="${size.width}" height="${size.height}"`);
  });
}

/** Sizes of a page bundle's own images, read from the files that relative image links point to. */
export function bundleImageSizes(contentDir: string, bundleDir: string, assets: readonly string[]): (src: string) => ImageSize | undefined {
  const known = new Set(assets);
  return (src) => {
    const asset = isPageRelative(src) ? decodeURI(src.split(/[?#]/)[0] ?? "").replace(/^\.\//, "") : undefined;
    if (asset === undefined || !known.has(asset)) return undefined;
    try {
      const { width, height } = imageSize(readFileSync(join(contentDir, bundleDir, asset)));
      return width > 0 && height > 0 ? { width, height } : undefined;
    } catch {
      return undefined;
    }
  };
}

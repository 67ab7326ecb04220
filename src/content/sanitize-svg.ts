import { Parser } from "htmlparser2";

/**
 * An SVG file of a page bundle, for archives with the "sanitize" setting on.
 * Opened on its own, an SVG is a document of the site: its scripts, event
 * handlers and foreign objects run on the site's origin. The file is written
 * anew from what a picture needs: the elements and attributes listed below,
 * each escaped, references only to the file's own parts ("#id"), and styles
 * without escapes, imports or outside addresses. Everything else is left out
 * (a DOCTYPE, processing instructions, comments, editors' metadata) and what
 * could run or fetch something is counted, for a warning.
 */
export type SvgOutcome =
  | { readonly ok: true; readonly svg: string; readonly removed: ReadonlyMap<string, number> }
  | { readonly ok: false; readonly reason: string };

const ELEMENTS = new Set(
  (
    "svg g defs desc title symbol use image switch a style path rect circle ellipse line polyline polygon text tspan textPath " +
    "linearGradient radialGradient stop pattern clipPath mask marker filter feBlend feColorMatrix feComponentTransfer feComposite " +
    "feConvolveMatrix feDiffuseLighting feDisplacementMap feDistantLight feDropShadow feFlood feFuncA feFuncB feFuncG feFuncR " +
    "feGaussianBlur feImage feMerge feMergeNode feMorphology feOffset fePointLight feSpecularLighting feSpotLight feTile feTurbulence"
  ).split(" "),
);

const ATTRIBUTES = new Set(
  (
    "id class style transform viewBox preserveAspectRatio width height x y x1 y1 x2 y2 cx cy r rx ry fx fy fr d points pathLength " +
    "dx dy rotate lengthAdjust textLength startOffset method spacing side text-anchor dominant-baseline alignment-baseline baseline-shift " +
    "font-family font-size font-style font-weight font-variant font-stretch letter-spacing word-spacing text-decoration writing-mode direction " +
    "unicode-bidi fill fill-opacity fill-rule stroke stroke-width stroke-opacity stroke-linecap stroke-linejoin stroke-miterlimit " +
    "stroke-dasharray stroke-dashoffset opacity color display visibility overflow clip-path clip-rule clipPathUnits mask maskUnits " +
    "maskContentUnits marker-start marker-mid marker-end markerWidth markerHeight markerUnits refX refY orient gradientUnits " +
    "gradientTransform spreadMethod offset stop-color stop-opacity patternUnits patternContentUnits patternTransform filter filterUnits " +
    "primitiveUnits in in2 result stdDeviation mode operator k1 k2 k3 k4 values type tableValues slope intercept amplitude exponent " +
    "kernelMatrix order divisor bias targetX targetY edgeMode kernelUnitLength preserveAlpha surfaceScale diffuseConstant " +
    "specularConstant specularExponent lighting-color flood-color flood-opacity scale xChannelSelector yChannelSelector radius azimuth " +
    "elevation pointsAtX pointsAtY pointsAtZ limitingConeAngle baseFrequency numOctaves seed stitchTiles color-interpolation " +
    "color-interpolation-filters shape-rendering text-rendering image-rendering vector-effect mix-blend-mode isolation paint-order " +
    "systemLanguage version baseProfile xml:space xml:lang lang role aria-label aria-hidden aria-labelledby aria-describedby target " +
    "href xlink:href xlink:title xmlns xmlns:xlink"
  ).split(" "),
);

/** What the file may be made of that could run or fetch something: what a warning names when it was removed. */
const ACTIVE_ELEMENTS = new Set(["script", "foreignObject", "iframe", "object", "embed", "set", "animate", "animateMotion", "animateTransform", "handler", "listener"]);
/** A reference to the file's own part ("#g1"), the only kind kept, but for pictures embedded whole in an image. */
const OWN_PART = /^#[^\s"'<>]*$/;
const EMBEDDED_PICTURE = /^data:image\/(?:png|jpeg|gif|webp);base64,[A-Za-z0-9+/=\s]*$/i;

/** Writes an SVG anew from the picture it shows, or says why it cannot be. */
export function sanitizeSvg(text: string): SvgOutcome {
  if (/<!DOCTYPE[^>[]*\[/i.test(text)) return { ok: false, reason: "declares entities in its DOCTYPE, which could bring in markup; save it again without a DOCTYPE" };
  const removed = new Map<string, number>();
  const count = (what: string): void => void removed.set(what, (removed.get(what) ?? 0) + 1);
  let output = "";
  /** Depth inside an element left out whole; 0 when writing. */
  let skipping = 0;
  const open: string[] = [];
  let root: string | undefined;
  let styleText: string | undefined;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        root ??= name;
        if (skipping > 0 || !ELEMENTS.has(name)) {
          if (skipping === 0 && ACTIVE_ELEMENTS.has(name)) count(name);
          skipping += 1;
          return;
        }
        open.push(name);
        if (name === "style") styleText = "";
        output += `<${name}${keptAttributes(name, attributes, count)}>`;
      },
      ontext(data) {
        if (skipping > 0) return;
        if (styleText !== undefined) styleText += data;
        else output += escapeText(data);
      },
      onclosetag(name) {
        if (skipping > 0) {
          skipping -= 1;
          return;
        }
        if (open.pop() !== name) return;
        if (name === "style") {
          const css = styleText ?? "";
          styleText = undefined;
          if (isSafeCss(css)) output += escapeText(css);
          else count("style sheet with outside references or escapes");
        }
        output += `</${name}>`;
      },
    },
    { xmlMode: true, decodeEntities: true, recognizeSelfClosing: true },
  );
  parser.write(text);
  parser.end();
  if (root !== "svg") return { ok: false, reason: "is not an SVG image (its first element is not <svg>)" };
  return { ok: true, svg: `${output}\n`, removed };
}

function keptAttributes(element: string, attributes: Readonly<Record<string, string>>, count: (what: string) => void): string {
  let kept = "";
  for (const [name, value] of Object.entries(attributes)) {
    if (/^on/i.test(name)) {
      count("event handler");
      continue;
    }
    if (!ATTRIBUTES.has(name)) continue;
    const safe = name === "href" || name === "xlink:href" ? isSafeReference(element, value) : name === "style" ? isSafeCss(value) : !/url\s*\(/i.test(value) || isSafeCss(value);
    if (!safe) {
      count(name === "style" ? "style with outside references or escapes" : "outside reference");
      continue;
    }
    kept += ` ${name}="${escapeAttribute(value)}"`;
  }
  return kept;
}

/** A link's or reference's target: the file's own part; a picture embedded whole in an image; a web page from a link. */
function isSafeReference(element: string, value: string): boolean {
  const url = value.trim();
  if (OWN_PART.test(url)) return true;
  if (element === "image" || element === "feImage") return EMBEDDED_PICTURE.test(url);
  return element === "a" && /^https?:\/\/[^\s"'<>]+$/i.test(url);
}

const URL_CALL = /url\s*\(\s*(['"]?)([^)'"]*)\1\s*\)/gi;

/**
 * CSS that can only paint: no escapes (which could spell any word), no
 * at-rules (@import), no markup, and no url() but to the file's own parts.
 */
function isSafeCss(css: string): boolean {
  if (/[\\@<]|expression|javascript:/i.test(css)) return false;
  const calls = css.match(/url\s*\(/gi)?.length ?? 0;
  return [...css.matchAll(URL_CALL)].filter((call) => OWN_PART.test(call[2] ?? "")).length === calls;
}

function escapeText(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/"/g, "&quot;");
}

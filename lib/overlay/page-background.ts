/**
 * Whether the article sits on a light or a dark background, so that the
 * highlights are painted in colours that show on it: the background colours
 * from the claim's element up to the root, composited over the canvas, as
 * the reader sees them behind the text. Background images are not read (a
 * gradient or picture behind an article is rare, and a colour is usually
 * set as its fallback).
 */
import { composite, contrastRatio, parseColor, type Rgba } from "../contrast";
import { HIGHLIGHT_PALETTES, type SiteScheme } from "../verdicts";

/** The canvas colours browsers paint under a page: white, or Chromium's dark canvas for a dark-scheme page. */
const CANVAS: Record<SiteScheme, Rgba> = {
  light: { r: 255, g: 255, b: 255, a: 1 },
  dark: { r: 18, g: 18, b: 18, a: 1 },
};

/**
 * Composites background colours given innermost first (an element's, then
 * its parent's, …) over `canvas`: the opaque colour seen behind the
 * innermost element's text. Unreadable colours count as transparent.
 */
export function compositeBackgrounds(layers: readonly string[], canvas: Rgba = CANVAS.light): Rgba {
  let seen: Rgba = { r: 0, g: 0, b: 0, a: 0 };
  for (const layer of layers) {
    const color = parseColor(layer);
    if (!color || color.a === 0) continue;
    // Painting from the inside out: what is seen so far lies over this layer.
    seen = composite(seen, color);
    if (seen.a >= 1) return { ...seen, a: 1 };
  }
  return { ...composite(seen, canvas), a: 1 };
}

/**
 * The scheme whose highlight colours contrast best with `background`: the
 * one whose weakest underline is strongest. A decision by the palettes
 * themselves rather than by a luminance threshold, so a mid-tone page gets
 * whichever shows better on it.
 */
export function schemeForBackground(background: Rgba): SiteScheme {
  const weakest = (scheme: SiteScheme) =>
    Math.min(
      ...Object.values(HIGHLIGHT_PALETTES[scheme]).map((colors) => {
        const underline = parseColor(colors.underline);
        return underline ? contrastRatio(underline, background) : 0;
      }),
    );
  return weakest("dark") > weakest("light") ? "dark" : "light";
}

/** The element a node lies in, or the shadow host of a shadow root, or null at the top. */
function parentOf(node: Node): Element | null {
  if (node.parentElement) return node.parentElement;
  const root = node.parentNode;
  return root && root.nodeType === root.DOCUMENT_FRAGMENT_NODE ? ((root as ShadowRoot).host ?? null) : null;
}

/** The canvas under `doc`: dark when the root asks for a dark colour scheme (alone, or with light for a dark-preferring reader). */
function canvasOf(doc: Document): Rgba {
  const view = doc.defaultView;
  if (!view) return CANVAS.light;
  const scheme = view.getComputedStyle(doc.documentElement).getPropertyValue("color-scheme");
  const words = scheme.split(/\s+/);
  if (!words.includes("dark")) return CANVAS.light;
  if (!words.includes("light")) return CANVAS.dark;
  return view.matchMedia?.("(prefers-color-scheme: dark)").matches ? CANVAS.dark : CANVAS.light;
}

/** The opaque background colour behind `node`'s text, read from computed styles up to the root. */
export function pageBackground(node: Node): Rgba {
  const doc = node.ownerDocument ?? (node as Document);
  const view = doc.defaultView;
  if (!view) return CANVAS.light;
  const layers: string[] = [];
  let element: Element | null = node.nodeType === node.ELEMENT_NODE ? (node as Element) : parentOf(node);
  while (element) {
    layers.push(view.getComputedStyle(element).backgroundColor);
    element = parentOf(element);
  }
  return compositeBackgrounds(layers, canvasOf(doc));
}

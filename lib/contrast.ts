/**
 * WCAG 2 colour arithmetic: parsing the colours computed styles give,
 * compositing translucent layers, relative luminance and contrast ratio.
 * Used to pick the highlight palette for a page's background and, in the
 * tests, to hold every verdict colour to its ratio.
 */

/** A colour in sRGB, channels 0–255, alpha 0–1. */
export interface Rgba {
  r: number;
  g: number;
  b: number;
  a: number;
}

/**
 * Parses `#rgb`, `#rrggbb`, `#rrggbbaa`, `rgb()`/`rgba()` (comma or space
 * syntax, as `getComputedStyle` writes them) and `transparent`; `null` for
 * anything else (a keyword, `color()`), which callers treat as unknown.
 */
export function parseColor(text: string): Rgba | null {
  const value = text.trim().toLowerCase();
  if (value === "transparent") return { r: 0, g: 0, b: 0, a: 0 };
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6}|[0-9a-f]{8})$/.exec(value);
  if (hex) {
    const digits = hex[1].length === 3 ? [...hex[1]].map((digit) => digit + digit).join("") : hex[1];
    const channel = (index: number) => Number.parseInt(digits.slice(index * 2, index * 2 + 2), 16);
    return { r: channel(0), g: channel(1), b: channel(2), a: digits.length === 8 ? channel(3) / 255 : 1 };
  }
  const functional = /^rgba?\(([^)]*)\)$/.exec(value);
  if (!functional) return null;
  const parts = functional[1].split(/[\s,/]+/).filter(Boolean);
  if (parts.length < 3 || parts.length > 4) return null;
  const numbers = parts.map((part, index) => {
    const number = Number.parseFloat(part);
    if (!part.endsWith("%")) return number;
    return index < 3 ? (number / 100) * 255 : number / 100;
  });
  if (numbers.some((number) => Number.isNaN(number))) return null;
  const [r, g, b, a = 1] = numbers;
  return { r, g, b, a: Math.min(1, Math.max(0, a)) };
}

/** `top` painted over `bottom` (source-over); the result is opaque when `bottom` is. */
export function composite(top: Rgba, bottom: Rgba): Rgba {
  const a = top.a + bottom.a * (1 - top.a);
  if (a === 0) return { r: 0, g: 0, b: 0, a: 0 };
  const mix = (upper: number, lower: number) => (upper * top.a + lower * bottom.a * (1 - top.a)) / a;
  return { r: mix(top.r, bottom.r), g: mix(top.g, bottom.g), b: mix(top.b, bottom.b), a };
}

/** WCAG relative luminance (0 black to 1 white) of a colour, its alpha ignored. */
export function relativeLuminance(color: Rgba): number {
  const linear = (channel: number) => {
    const c = channel / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(color.r) + 0.7152 * linear(color.g) + 0.0722 * linear(color.b);
}

/** WCAG contrast ratio (1 to 21) between two opaque colours. */
export function contrastRatio(first: Rgba, second: Rgba): number {
  const [lighter, darker] = [relativeLuminance(first), relativeLuminance(second)].sort((a, b) => b - a);
  return (lighter + 0.05) / (darker + 0.05);
}

/** Contrast of two colour strings; a translucent `foreground` is first painted over `background`. */
export function contrastOf(foreground: string, background: string): number {
  const fg = parseColor(foreground);
  const bg = parseColor(background);
  if (!fg || !bg) throw new Error(`cannot parse ${fg ? background : foreground}`);
  return contrastRatio(composite(fg, bg), bg);
}

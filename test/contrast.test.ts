import { describe, expect, it } from "vitest";
import { composite, contrastOf, contrastRatio, parseColor, type Rgba, relativeLuminance } from "../lib/contrast";

/** A colour the test knows to be readable. */
function color(text: string): Rgba {
  const parsed = parseColor(text);
  if (!parsed) throw new Error(`unreadable ${text}`);
  return parsed;
}

describe("parseColor", () => {
  it("reads hex, rgb(), rgba() and transparent", () => {
    expect(parseColor("#fff")).toEqual({ r: 255, g: 255, b: 255, a: 1 });
    expect(parseColor("#1f1f1f")).toEqual({ r: 31, g: 31, b: 31, a: 1 });
    expect(parseColor("#00000080")?.a).toBeCloseTo(0.5, 2);
    expect(parseColor("rgb(18, 18, 18)")).toEqual({ r: 18, g: 18, b: 18, a: 1 });
    expect(parseColor("rgba(179, 38, 30, 0.14)")).toEqual({ r: 179, g: 38, b: 30, a: 0.14 });
    expect(parseColor("rgb(10 20 30 / 50%)")).toEqual({ r: 10, g: 20, b: 30, a: 0.5 });
    expect(parseColor("transparent")?.a).toBe(0);
  });

  it("gives null for what it cannot read", () => {
    expect(parseColor("canvas")).toBeNull();
    expect(parseColor("color(srgb 1 0 0)")).toBeNull();
    expect(parseColor("#12")).toBeNull();
    expect(parseColor("rgb(1, 2)")).toBeNull();
  });
});

describe("luminance and contrast", () => {
  it("matches the WCAG reference values", () => {
    const white = color("#fff");
    const black = color("#000");
    expect(relativeLuminance(white)).toBeCloseTo(1, 6);
    expect(relativeLuminance(black)).toBe(0);
    expect(contrastRatio(white, black)).toBeCloseTo(21, 6);
    expect(contrastRatio(black, white)).toBeCloseTo(21, 6);
    // #767676 is the classic lightest grey at 4.5:1 on white.
    expect(contrastOf("#767676", "#fff")).toBeCloseTo(4.54, 2);
    expect(contrastOf("#777", "#fff")).toBeLessThan(4.5);
  });

  it("paints translucent colours over what is below", () => {
    const half = composite(color("rgba(0, 0, 0, 0.5)"), color("#fff"));
    expect(half).toEqual({ r: 127.5, g: 127.5, b: 127.5, a: 1 });
    expect(composite(color("transparent"), color("transparent")).a).toBe(0);
    const twoLayers = composite(color("rgba(255, 0, 0, 0.5)"), color("rgba(0, 0, 255, 0.5)"));
    expect(twoLayers.a).toBeCloseTo(0.75, 6);
    expect(contrastOf("rgba(0, 0, 0, 0)", "#fff")).toBeCloseTo(1, 6);
  });

  it("refuses colours it cannot read", () => {
    expect(() => contrastOf("canvas", "#fff")).toThrow(/canvas/);
  });
});

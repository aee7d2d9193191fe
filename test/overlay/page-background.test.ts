import { describe, expect, it } from "vitest";
import { compositeBackgrounds, pageBackground, schemeForBackground } from "../../lib/overlay/page-background";
import { parseHtml } from "../helpers";

const rgb = (r: number, g: number, b: number) => ({ r, g, b, a: 1 });

describe("compositeBackgrounds", () => {
  it("takes the innermost opaque colour and ignores what lies under it", () => {
    expect(compositeBackgrounds(["rgba(0, 0, 0, 0)", "rgb(18, 18, 18)", "rgb(255, 255, 255)"])).toEqual(
      rgb(18, 18, 18),
    );
  });

  it("paints translucent layers over the ones below, and all over the canvas", () => {
    expect(compositeBackgrounds(["rgba(0, 0, 0, 0.5)", "rgb(255, 255, 255)"])).toEqual(rgb(127.5, 127.5, 127.5));
    expect(compositeBackgrounds(["rgba(0, 0, 0, 0.5)", "transparent"])).toEqual(rgb(127.5, 127.5, 127.5));
    expect(compositeBackgrounds([], rgb(18, 18, 18))).toEqual(rgb(18, 18, 18));
    expect(compositeBackgrounds(["transparent", "rgba(0, 0, 0, 0)"])).toEqual(rgb(255, 255, 255));
  });

  it("counts colours it cannot read as transparent", () => {
    expect(compositeBackgrounds(["color(srgb 1 0 0)", "rgb(31, 31, 31)"])).toEqual(rgb(31, 31, 31));
  });
});

describe("schemeForBackground", () => {
  it("picks the light palette on light pages and the dark one on dark pages", () => {
    expect(schemeForBackground(rgb(255, 255, 255))).toBe("light");
    expect(schemeForBackground(rgb(246, 247, 249))).toBe("light");
    expect(schemeForBackground(rgb(232, 234, 237))).toBe("light");
    expect(schemeForBackground(rgb(18, 18, 18))).toBe("dark");
    expect(schemeForBackground(rgb(31, 31, 31))).toBe("dark");
    expect(schemeForBackground(rgb(0, 43, 54))).toBe("dark");
  });
});

describe("pageBackground", () => {
  it("walks up from the claim's text to the root through the computed backgrounds", () => {
    const doc = parseHtml(`<body style="background-color: #121212">
      <article><p id="p">one <span id="s">claim</span> here</p></article></body>`);
    const text = doc.getElementById("s")?.firstChild as Text;
    expect(pageBackground(text)).toEqual(rgb(18, 18, 18));
  });

  it("composites a translucent box over the page", () => {
    const doc = parseHtml(`<body style="background-color: rgb(255, 255, 255)">
      <div style="background-color: rgba(0, 0, 0, 0.5)"><p id="p">text</p></div></body>`);
    expect(pageBackground(doc.getElementById("p") as Element)).toEqual(rgb(127.5, 127.5, 127.5));
  });

  it("falls back to the white canvas when nothing has a background", () => {
    const doc = parseHtml(`<body><p id="p">text</p></body>`);
    expect(pageBackground(doc.getElementById("p") as Element)).toEqual(rgb(255, 255, 255));
  });

  it("crosses shadow boundaries to the host", () => {
    const doc = parseHtml(`<body style="background-color: #1f1f1f"><div id="host"></div></body>`);
    const host = doc.getElementById("host") as Element;
    const root = host.attachShadow({ mode: "open" });
    const paragraph = doc.createElement("p");
    paragraph.textContent = "inside";
    root.append(paragraph);
    expect(pageBackground(paragraph.firstChild as Text)).toEqual(rgb(31, 31, 31));
  });

  it("takes the dark canvas under a page that asks for a dark colour scheme", () => {
    const doc = parseHtml(`<body><p id="p">text</p></body>`);
    const view = doc.defaultView as Window & typeof globalThis;
    const computed = view.getComputedStyle.bind(view);
    // jsdom does not compute color-scheme: the root's value is given here as a browser computes it.
    let rootScheme = "dark";
    view.getComputedStyle = (element: Element) => {
      const style = computed(element);
      if (element !== doc.documentElement) return style;
      return new Proxy(style, {
        get: (target, key) =>
          key === "getPropertyValue"
            ? (name: string) => (name === "color-scheme" ? rootScheme : target.getPropertyValue(name))
            : Reflect.get(target, key),
      });
    };
    const paragraph = doc.getElementById("p") as Element;
    expect(pageBackground(paragraph)).toEqual(rgb(18, 18, 18));
    rootScheme = "light dark";
    view.matchMedia = ((query: string) => ({ matches: query.includes("dark") })) as typeof view.matchMedia;
    expect(pageBackground(paragraph)).toEqual(rgb(18, 18, 18));
    view.matchMedia = ((query: string) => ({ matches: !query.includes("dark") })) as typeof view.matchMedia;
    expect(pageBackground(paragraph)).toEqual(rgb(255, 255, 255));
    rootScheme = "normal";
    expect(pageBackground(paragraph)).toEqual(rgb(255, 255, 255));
  });
});

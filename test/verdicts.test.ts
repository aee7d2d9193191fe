import { describe, expect, it } from "vitest";
import { composite, contrastOf, parseColor, type Rgba } from "../lib/contrast";
import { messagesFor } from "../lib/i18n/tables";
import { installLocale } from "../lib/i18n/translate";
import { Topic, Verdict } from "../lib/schema";
import {
  FLAGGED_VERDICTS,
  FLASH_COLORS,
  HIGHLIGHT_PALETTES,
  TOPICS,
  topicLabel,
  VERDICT_ORDER,
  VERDICTS,
  verdictDefinition,
  verdictLabel,
} from "../lib/verdicts";

describe("verdict presentation", () => {
  it("covers every verdict and topic of the schema", () => {
    expect(Object.keys(VERDICTS).sort()).toEqual([...Verdict.options].sort());
    expect(Object.keys(TOPICS).sort()).toEqual([...Topic.options].sort());
  });

  it("orders verdicts from worst to best and flags the two the badge counts", () => {
    expect(VERDICT_ORDER[0]).toBe("inaccurate");
    expect(VERDICT_ORDER.at(-1)).toBe("accurate");
    expect(FLAGGED_VERDICTS).toEqual(["inaccurate", "misleading"]);
  });

  it("gives every verdict a word and an icon besides its colour", () => {
    for (const style of Object.values(VERDICTS)) {
      expect(style.label).toMatch(/^[A-Z][a-z ]+$/);
      expect(style.icon.length).toBeGreaterThan(0);
    }
  });

  it("names every verdict and topic in the interface language", () => {
    expect(Verdict.options.map(verdictLabel)).toEqual(Verdict.options.map((verdict) => VERDICTS[verdict].label));
    expect(Topic.options.map(topicLabel)).toEqual(Topic.options.map((topic) => TOPICS[topic]));
    installLocale("ko", messagesFor("ko"));
    expect(Verdict.options.map(verdictLabel)).toEqual(["사실", "사실 아님", "오해의 소지", "맥락 필요", "확인 불가"]);
    expect(topicLabel("denuclearization")).toBe("비핵화");
  });

  it("defines every verdict in a paragraph of its own", () => {
    const definitions = Verdict.options.map(verdictDefinition);
    expect(new Set(definitions).size).toBe(definitions.length);
    for (const definition of definitions) expect(definition.length).toBeGreaterThan(100);
  });
});

describe("highlight palettes", () => {
  const SITES = { light: ["#fff", "#f6f7f9"], dark: ["#121212", "#1f1f1f"] } as const;
  const TEXT = { light: "#1f1f1f", dark: "#e8eaed" } as const;
  const opaque = (color: Rgba) => `rgb(${color.r}, ${color.g}, ${color.b})`;
  const tinted = (tint: string, background: string) =>
    opaque(composite(parseColor(tint) as Rgba, parseColor(background) as Rgba));

  for (const scheme of ["light", "dark"] as const) {
    for (const background of SITES[scheme]) {
      it(`keeps every underline at 3:1 or more on a ${scheme} site (${background}), with the tint behind it too`, () => {
        for (const verdict of Verdict.options) {
          const colors = HIGHLIGHT_PALETTES[scheme][verdict];
          expect(contrastOf(colors.underline, background), verdict).toBeGreaterThanOrEqual(3);
          expect(contrastOf(colors.underline, tinted(colors.tint, background)), verdict).toBeGreaterThanOrEqual(3);
        }
      });

      it(`leaves the page's text contrast essentially as it was on ${background}`, () => {
        const plain = contrastOf(TEXT[scheme], background);
        for (const verdict of Verdict.options) {
          const colors = HIGHLIGHT_PALETTES[scheme][verdict];
          expect(parseColor(colors.tint)?.a, verdict).toBeLessThanOrEqual(0.12);
          expect(contrastOf(TEXT[scheme], tinted(colors.tint, background)) / plain, verdict).toBeGreaterThan(0.85);
        }
        expect(contrastOf(TEXT[scheme], tinted(FLASH_COLORS[scheme], background))).toBeGreaterThanOrEqual(4.5);
      });
    }
  }

  it("fails the old single palette on dark sites, which is why there are two", () => {
    const under3 = Verdict.options.filter((verdict) => contrastOf(VERDICTS[verdict].color, "#121212") < 3);
    expect(under3.length).toBeGreaterThan(0);
  });
});

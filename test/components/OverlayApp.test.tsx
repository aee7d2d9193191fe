import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { CARD_WIDTH, cardLeft } from "../../components/OverlayApp";
import { MARKER_SIZE, MARKER_TARGET_SIZE } from "../../lib/overlay/marker-position";

const overlayCss = readFileSync(
  join(dirname(fileURLToPath(import.meta.url)), "../../entrypoints/overlay-cards.content/style.css"),
  "utf8",
);
/** The declarations of the first rule for `selector` in the overlay's stylesheet. */
const rule = (selector: string) => {
  const start = overlayCss.indexOf(`\n${selector} {`);
  return overlayCss.slice(start, overlayCss.indexOf("}", start));
};

describe("cardLeft", () => {
  const position = { left: 700, top: 100, lineHeight: 20 };

  it("starts a card just left of its marker", () => {
    expect(cardLeft(position, { left: 0, width: 1280 })).toBe(676);
  });

  it("keeps a card inside a wide viewport", () => {
    expect(cardLeft({ ...position, left: 1270 }, { left: 0, width: 1280 })).toBe(1280 - CARD_WIDTH - 8);
  });

  it("puts a card 8 px from the left on a viewport narrower than the card (320 CSS px, or 400% zoom)", () => {
    const left = cardLeft({ ...position, left: 300 }, { left: 0, width: 320 });
    expect(left).toBe(8);
    // The stylesheet's width there: min(360px, 100vw - 16px).
    expect(left + Math.min(CARD_WIDTH, 320 - 16)).toBeLessThanOrEqual(320 - 8);
  });
});

describe("the overlay's stylesheet", () => {
  it("sizes a card to the viewport, never wider than it less its margins", () => {
    expect(rule(".fc-card")).toContain(`width: min(${CARD_WIDTH}px, calc(100vw - 16px))`);
  });

  it("gives a marker a 24 px target around its visible disc", () => {
    expect(rule(".fc-marker")).toContain(`width: ${MARKER_TARGET_SIZE}px`);
    expect(rule(".fc-marker")).toContain(`height: ${MARKER_TARGET_SIZE}px`);
    expect(rule(".fc-marker")).toContain(`margin: -${(MARKER_TARGET_SIZE - MARKER_SIZE) / 2}px`);
    expect(rule(".fc-marker__icon")).toContain(`width: ${MARKER_SIZE}px`);
  });

  it("drops the markers' hover growth for readers who ask for reduced motion", () => {
    expect(overlayCss).toMatch(/@media \(prefers-reduced-motion: reduce\)[^@]*transform: none/);
  });
});

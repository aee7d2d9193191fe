/**
 * Where the claims are: markers placed from the claims' line boxes,
 * scrolling a claim into view, and stepping between claims.
 */
import { describe, expect, it, vi } from "vitest";
import type { OverlayItem } from "../../components/OverlayApp";
import { dataset } from "../../lib/dataset";
import { positionItems, scrollToRange, stepTarget } from "../../lib/overlay/claim-layout";
import type { Annotation } from "../../lib/pipeline";

const claims = dataset.claims.slice(0, 4);
const item = (index: number, top: number | null): OverlayItem => ({
  claim: claims[index],
  anchor: { claimId: claims[index].id, match: "exact", score: 1 },
  position: top === null ? null : { left: 0, top, lineHeight: 20 },
});
const ids = (found: OverlayItem | null) => found?.claim.id;

describe("positionItems", () => {
  it("places each marker at the end of its claim's last line, in document coordinates", () => {
    const range = document.createRange();
    const text = document.createTextNode("claim");
    document.body.append(text);
    range.selectNodeContents(text);
    Object.assign(range, {
      getClientRects: () => [
        { left: 10, top: 20, right: 110, bottom: 40, width: 100, height: 20 },
        { left: 10, top: 40, right: 60, bottom: 60, width: 50, height: 20 },
      ],
    });
    const annotation = { claimId: claims[0].id, range } as Annotation;
    const [placed, missing] = positionItems([item(0, null), item(1, 5)], [annotation], { scrollX: 0, scrollY: 100 });
    expect(placed.position).toMatchObject({ left: 60, lineHeight: 20 });
    expect(placed.position?.top).toBeGreaterThan(100);
    // A claim with no range (no longer anchored) has no place.
    expect(missing.position).toBeNull();
    text.remove();
  });
});

describe("scrollToRange", () => {
  const rangeAt = (top: number, bottom: number) => ({ getBoundingClientRect: () => ({ top, bottom }) }) as Range;
  it("leaves a claim in view where it is, and scrolls one out of view to a third of the way down", () => {
    const view = { innerHeight: 600, scrollY: 1000, scrollTo: vi.fn() } as unknown as Window;
    expect(scrollToRange(view, rangeAt(100, 140))).toBe(false);
    expect(view.scrollTo).not.toHaveBeenCalled();
    expect(scrollToRange(view, rangeAt(900, 940))).toBe(true);
    expect(view.scrollTo).toHaveBeenCalledWith({ top: 1000 + 900 - 200, behavior: "instant" });
  });
});

describe("stepTarget", () => {
  const items = [item(0, 100), item(1, null), item(2, 900), item(3, 1500)];

  it("goes to the next or previous rendered claim from the current one, wrapping around", () => {
    expect(ids(stepTarget(items, claims[0].id, "next", 0))).toBe(claims[2].id);
    expect(ids(stepTarget(items, claims[3].id, "next", 0))).toBe(claims[0].id);
    expect(ids(stepTarget(items, claims[0].id, "previous", 0))).toBe(claims[3].id);
  });

  it("starts from the first claim below the top of the view when there is no current claim", () => {
    expect(ids(stepTarget(items, null, "next", 500))).toBe(claims[2].id);
    expect(ids(stepTarget(items, undefined, "previous", 500))).toBe(claims[0].id);
  });

  it("gives nothing when no claim is rendered", () => {
    expect(stepTarget([item(1, null)], null, "next", 0)).toBeNull();
  });
});

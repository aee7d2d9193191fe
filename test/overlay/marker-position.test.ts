import { describe, expect, it } from "vitest";
import { markerPosition } from "../../lib/overlay/marker-position";

const rect = (left: number, top: number, width: number, height: number) =>
  ({ left, top, width, height, right: left + width, bottom: top + height, x: left, y: top }) as DOMRectReadOnly;

describe("markerPosition", () => {
  it("sits at the end of the last line box, raised, in document coordinates", () => {
    const rects = [rect(100, 200, 500, 20), rect(0, 220, 300, 20)];
    expect(markerPosition(rects, 10, 1000)).toEqual({ left: 310, top: 1215, lineHeight: 20 });
  });

  it("takes the rightmost piece of the last line when it is split by inline elements", () => {
    const rects = [rect(0, 220, 100, 20), rect(100, 220, 40, 20), rect(140, 221, 60, 19)];
    expect(markerPosition(rects, 0, 0)?.left).toBe(200);
  });

  it("ignores empty boxes and gives null for a claim that is not rendered", () => {
    expect(markerPosition([rect(0, 0, 0, 0)], 0, 0)).toBeNull();
    expect(markerPosition([], 0, 0)).toBeNull();
    expect(markerPosition([rect(50, 10, 20, 18), rect(0, 0, 0, 0)], 0, 0)?.left).toBe(70);
  });
});

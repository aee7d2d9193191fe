/**
 * The cards' state machine, without a DOM: fake timers stand in for `ctx`'s.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { CardState, HOVER_CLOSE_MS, HOVER_OPEN_MS } from "../../lib/overlay/card-state";

describe("CardState", () => {
  let cards: CardState;
  let changes: number;
  let focused: string[];

  beforeEach(() => {
    vi.useFakeTimers();
    changes = 0;
    focused = [];
    cards = new CardState(
      {
        setTimeout: (handler, ms) => setTimeout(handler, ms) as unknown as number,
        clearTimeout: (id) => clearTimeout(id),
      },
      { changed: () => changes++, returnFocus: (claimId) => focused.push(claimId) },
    );
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("opens a card pinned and focused on a marker's activation, and closes it with focus back on a second one", () => {
    cards.activate("a");
    expect(cards.open).toEqual({ claimId: "a", takeFocus: true, byHover: false });
    expect(changes).toBe(1);
    cards.activate("a");
    expect(cards.open).toBeNull();
    expect(focused).toEqual(["a"]);
  });

  it("opens by hover only after the pointer rests for the dwell time", () => {
    cards.hover("a");
    vi.advanceTimersByTime(HOVER_OPEN_MS - 1);
    expect(cards.open).toBeNull();
    vi.advanceTimersByTime(1);
    expect(cards.open).toEqual({ claimId: "a", takeFocus: false, byHover: true });
    expect(cards.hoveredClaimId).toBe("a");
  });

  it("does not open when the pointer moves on before the dwell time", () => {
    cards.hover("a");
    vi.advanceTimersByTime(HOVER_OPEN_MS / 2);
    cards.hover(null);
    vi.advanceTimersByTime(HOVER_OPEN_MS * 2);
    expect(cards.open).toBeNull();
  });

  it("closes a hovered card after the grace time, unless the pointer reached the card", () => {
    cards.hover("a");
    vi.advanceTimersByTime(HOVER_OPEN_MS);
    cards.hover(null);
    cards.hoverCard(true);
    vi.advanceTimersByTime(HOVER_CLOSE_MS);
    expect(cards.open?.claimId).toBe("a");
    cards.hoverCard(false);
    vi.advanceTimersByTime(HOVER_CLOSE_MS - 1);
    expect(cards.open?.claimId).toBe("a");
    vi.advanceTimersByTime(1);
    expect(cards.open).toBeNull();
    // Closed by the pointer: focus stays where it was.
    expect(focused).toEqual([]);
  });

  it("leaves a pinned card alone when the pointer rests on another claim or leaves", () => {
    cards.pin("a");
    cards.hover("b");
    vi.advanceTimersByTime(HOVER_OPEN_MS * 4);
    expect(cards.open).toEqual({ claimId: "a", takeFocus: false, byHover: false });
    cards.hover(null);
    vi.advanceTimersByTime(HOVER_CLOSE_MS * 4);
    expect(cards.open?.claimId).toBe("a");
  });

  it("pins a hovered card when the reader acts in it, so leaving no longer closes it", () => {
    cards.hover("a");
    vi.advanceTimersByTime(HOVER_OPEN_MS);
    cards.hover(null);
    cards.pinOpen();
    vi.advanceTimersByTime(HOVER_CLOSE_MS * 4);
    expect(cards.open).toEqual({ claimId: "a", takeFocus: false, byHover: false });
  });

  it("closes a pinned card on a click elsewhere, but not a hovered one", () => {
    cards.hover("a");
    vi.advanceTimersByTime(HOVER_OPEN_MS);
    cards.clickOutside();
    expect(cards.open?.claimId).toBe("a");
    cards.pin("a");
    cards.clickOutside();
    expect(cards.open).toBeNull();
    expect(focused).toEqual([]);
  });

  it("turns a hovered card into a pinned one on activation, without closing it", () => {
    cards.hover("a");
    vi.advanceTimersByTime(HOVER_OPEN_MS);
    cards.activate("a");
    expect(cards.open).toEqual({ claimId: "a", takeFocus: true, byHover: false });
  });

  it("closes with focus returned (Esc) and says nothing when no card is open", () => {
    cards.close(true);
    expect(changes).toBe(0);
    cards.pin("b");
    cards.close(true);
    expect(focused).toEqual(["b"]);
  });

  it("forgets a card whose claim is no longer shown, and everything on reset", () => {
    cards.pin("a");
    cards.retain((claimId) => claimId !== "b");
    expect(cards.open?.claimId).toBe("a");
    cards.retain((claimId) => claimId !== "a");
    expect(cards.open).toBeNull();
    cards.hover("c");
    cards.reset();
    vi.advanceTimersByTime(HOVER_OPEN_MS * 2);
    expect(cards.open).toBeNull();
  });
});

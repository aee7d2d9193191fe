/**
 * The reader's input on the page: only trusted events act (a page's
 * scripts can dispatch any event they like), each on what it reaches.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { ContentScriptContext as WxtContext } from "wxt/utils/content-script-context";
import { ContentScriptContext } from "../../lib/browser/overlay-content-script-context";
import type { CardState } from "../../lib/overlay/card-state";
import { listenToReader } from "../../lib/overlay/reader-input";
import { HOST_TAG } from "../../lib/overlay/shadow-host";

/** The jsdom object behind a DOM wrapper (an event, a node): jsdom keeps it under a symbol. */
function behind(wrapper: object, has: string): Record<string, unknown> {
  const found = Object.getOwnPropertySymbols(wrapper)
    .map((key) => (wrapper as Record<symbol, unknown>)[key])
    .find((value) => typeof value === "object" && value !== null && has in value);
  if (!found) throw new Error("jsdom changed: nothing behind the wrapper");
  return found as Record<string, unknown>;
}

/**
 * Dispatches `event` as the browser does the reader's own input. Scripts
 * cannot (`dispatchEvent` marks every event untrusted), so the test stands
 * in for the browser: through jsdom's objects behind the event and target.
 */
function dispatchTrusted(target: EventTarget, event: Event): void {
  const impl = behind(event, "isTrusted");
  impl.isTrusted = true;
  (behind(target, "_dispatch")._dispatch as (this: unknown, event: unknown) => void).call(
    behind(target, "_dispatch"),
    impl,
  );
}

describe("listenToReader", () => {
  let ctx: ContentScriptContext;
  const cards = { pin: vi.fn(), clickOutside: vi.fn(), hover: vi.fn(), close: vi.fn(), hoveredClaimId: null };
  let claim: HTMLElement;

  beforeEach(() => {
    for (const handler of [cards.pin, cards.clickOutside, cards.hover, cards.close]) handler.mockReset();
    document.body.innerHTML = `<p id="claim">North Korea said so.</p><p id="elsewhere">Other text.</p><${HOST_TAG}></${HOST_TAG}>`;
    claim = document.getElementById("claim") as HTMLElement;
    const range = document.createRange();
    range.selectNodeContents(claim);
    // jsdom lays nothing out: the claim's text is left of x = 100, the other paragraph's right of it.
    const elsewhere = document.getElementById("elsewhere") as HTMLElement;
    Object.assign(document, {
      caretPositionFromPoint: (x: number) => ({ offsetNode: (x < 100 ? claim : elsewhere).firstChild, offset: 2 }),
    });
    Object.assign(Range.prototype, {
      getClientRects(this: Range) {
        const left = this.startContainer === claim.firstChild || this.startContainer === claim ? 0 : 100;
        return [{ left, top: 0, right: left + 100, bottom: 20 }];
      },
    });
    ctx = new ContentScriptContext();
    listenToReader(ctx as unknown as WxtContext, document, {
      shownClaims: () => [{ claimId: "pronoun", range }],
      isMounted: () => true,
      cards: cards as unknown as CardState,
    });
  });
  afterEach(() => {
    ctx.notifyInvalidated();
    Reflect.deleteProperty(document, "caretPositionFromPoint");
    Reflect.deleteProperty(Range.prototype, "getClientRects");
    document.body.innerHTML = "";
  });

  it("pins the card of a claim clicked on, and closes a pinned card on a click elsewhere", () => {
    dispatchTrusted(claim, new MouseEvent("click", { bubbles: true, clientX: 10, clientY: 10 }));
    expect(cards.pin).toHaveBeenCalledWith("pronoun");
    dispatchTrusted(
      document.getElementById("elsewhere") as HTMLElement,
      new MouseEvent("click", { bubbles: true, clientX: 500, clientY: 500 }),
    );
    expect(cards.clickOutside).toHaveBeenCalledOnce();
  });

  it("closes the card on Esc", () => {
    dispatchTrusted(document.body, new KeyboardEvent("keydown", { key: "Escape", bubbles: true }));
    expect(cards.close).toHaveBeenCalledWith(true);
  });

  it("leaves clicks on its own layer to the layer", () => {
    dispatchTrusted(document.querySelector(HOST_TAG) as Element, new MouseEvent("click", { bubbles: true }));
    expect(cards.pin).not.toHaveBeenCalled();
    expect(cards.clickOutside).not.toHaveBeenCalled();
  });

  it("ignores every event the page's scripts make up", () => {
    claim.dispatchEvent(new MouseEvent("click", { bubbles: true, clientX: 10, clientY: 10 }));
    document.body.dispatchEvent(new KeyboardEvent("keydown", { key: "Escape", bubbles: true }));
    claim.dispatchEvent(new Event("pointermove", { bubbles: true }));
    expect(cards.pin).not.toHaveBeenCalled();
    expect(cards.clickOutside).not.toHaveBeenCalled();
    expect(cards.close).not.toHaveBeenCalled();
    expect(cards.hover).not.toHaveBeenCalled();
  });

  it("stops listening with its context", () => {
    ctx.notifyInvalidated();
    dispatchTrusted(document.body, new KeyboardEvent("keydown", { key: "Escape", bubbles: true }));
    expect(cards.close).not.toHaveBeenCalled();
  });
});

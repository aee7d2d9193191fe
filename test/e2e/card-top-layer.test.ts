/**
 * A card is never clipped or covered by the page: on a page whose story
 * sits in a clipping frame (`overflow: hidden`, then `overflow: clip`, a
 * stacking context with a low z-index) under a sticky masthead with a high
 * z-index, a claim's card opened near the frame's bottom edge, then
 * scrolled under the masthead, is hit-tested on top at nine points of its
 * box, whole in the viewport. It is still right after its marker in the
 * DOM and the keyboard flow holds; a page script hiding it
 * (`hidePopover()`) closes it in the overlay's state too, while a made-up
 * `toggle` event does nothing.
 */
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { ALL } from "../fixtures/expectations";
import { probeCard } from "./card-on-top";
import {
  type ExtensionBrowser,
  type FixtureServer,
  focusedClaimId,
  overlayMarkers,
  useExtensionBrowser,
} from "./harness";

let server: FixtureServer;
let browser: ExtensionBrowser;
let page: Page;

useExtensionBrowser((shared) => ({ server, browser } = shared));

const marker = (id: string) => page.locator(`[data-claim-id="${id}"]`);
const card = (id: string) => page.locator(`[role="dialog"][data-card-for="${id}"]`);

/** The lowest claim whose marker shows inside the story frame, and the frame's bottom edge (client coordinates). */
function lowestShownClaim(): Promise<{ claimId: string; frameBottom: number }> {
  return page.evaluate(() => {
    const frame = (document.querySelector(".story-frame") as Element).getBoundingClientRect();
    const shown = [...document.querySelectorAll("factcheck-overlay")]
      .flatMap((host) => [...(host.shadowRoot?.querySelectorAll("[data-claim-id]") ?? [])])
      .map((element) => ({ id: element.getAttribute("data-claim-id") ?? "", rect: element.getBoundingClientRect() }))
      .filter(({ rect }) => rect.height > 0 && rect.bottom <= frame.bottom && rect.top >= frame.top)
      .sort((a, b) => b.rect.bottom - a.rect.bottom);
    return { claimId: shown[0]?.id ?? "", frameBottom: frame.bottom };
  });
}

beforeAll(async () => {
  page = await browser.newPage();
  await page.setViewportSize({ width: 1024, height: 720 });
  await page.goto(server.url("/e2e/clipped-column.html"));
  await overlayMarkers(page)
    .nth(ALL.length - 1)
    .waitFor({ state: "attached", timeout: 15_000 });
});

describe("clipped-column.html: a card over a clipping frame and a sticky masthead", () => {
  it("opened near the frame's clip edge, then under the masthead, it is on top and whole", async () => {
    const { claimId, frameBottom } = await lowestShownClaim();
    expect(claimId, "a claim shown in the frame").not.toBe("");
    await marker(claimId).focus();
    await page.keyboard.press("Enter");
    await card(claimId).waitFor({ state: "visible", timeout: 5_000 });
    expect(
      await marker(claimId).evaluate((element) => element.nextElementSibling?.getAttribute("data-card-for")),
      "the card right after its marker",
    ).toBe(claimId);

    const belowMarker = async () =>
      ((await card(claimId).boundingBox())?.y ?? 0) - ((await marker(claimId).boundingBox())?.y ?? 0);
    const offset = await belowMarker();
    const opened = await page.evaluate(probeCard, claimId);
    expect(opened.card?.bottom, "the card reaches past the frame's clip edge").toBeGreaterThan(frameBottom);
    // Focus in a clipped card would scroll the frame (a scroll container) and move the story: not in the top layer.
    expect(await page.locator(".story-frame").evaluate((frame) => frame.scrollTop), "the frame's scroll").toBe(0);

    // Its top under the sticky masthead (72 px), its bottom still past the frame's edge.
    await page.evaluate((top) => window.scrollBy(0, top - 24), opened.card?.top ?? 0);
    const scrolled = await page.evaluate(probeCard, claimId);
    const frame = await page.locator(".story-frame").boundingBox();
    expect(scrolled.card?.top, "under the masthead").toBeLessThan(72);
    expect(scrolled.card?.bottom, "past the frame's clip edge").toBeGreaterThan((frame?.y ?? 0) + (frame?.height ?? 0));
    expect(scrolled.covered, "points of the card where the page is on top").toEqual([]);
    expect(scrolled.inViewport).toBe(true);
    // Scrolling moved it with its claim: still as far below its marker.
    expect(await belowMarker()).toBeCloseTo(offset, 0);

    await page.keyboard.press("Escape");
    await card(claimId).waitFor({ state: "hidden", timeout: 5_000 });
    expect(await focusedClaimId(page)).toBe(claimId);
  });

  it("keeps the keyboard flow: Tab into the card, Shift+Tab back to the marker, Esc back to it", async () => {
    const { claimId } = await lowestShownClaim();
    await marker(claimId).focus();
    await page.keyboard.press("Enter");
    await card(claimId).waitFor({ state: "visible", timeout: 5_000 });
    await page.keyboard.press("Tab");
    expect(await card(claimId).evaluate((element) => element.matches(":focus-within"))).toBe(true);
    await page.keyboard.press("Shift+Tab");
    expect(await focusedClaimId(page)).toBe(claimId);
    expect(await card(claimId).isVisible(), "the card stays open meanwhile").toBe(true);
    await page.keyboard.press("Tab");
    await page.keyboard.press("Escape");
    await card(claimId).waitFor({ state: "hidden", timeout: 5_000 });
    expect(await focusedClaimId(page)).toBe(claimId);
  });

  it("a page script hiding the card closes it in the overlay's state; it opens again", async () => {
    const { claimId } = await lowestShownClaim();
    await marker(claimId).focus();
    await page.keyboard.press("Enter");
    await card(claimId).waitFor({ state: "visible", timeout: 5_000 });
    const onCard = (action: "dispatch" | "hide") =>
      page.evaluate(
        ({ id, action }) => {
          const element = [...document.querySelectorAll("factcheck-overlay")]
            .flatMap((host) => [...(host.shadowRoot?.querySelectorAll<HTMLElement>("[data-card-for]") ?? [])])
            .find((candidate) => candidate.getAttribute("data-card-for") === id);
          if (action === "hide") element?.hidePopover();
          else element?.dispatchEvent(new ToggleEvent("toggle", { oldState: "open", newState: "closed" }));
        },
        { id: claimId, action },
      );
    // A made-up toggle event is not the browser's: the card stays.
    await onCard("dispatch");
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await card(claimId).isVisible(), "open after a made-up toggle event").toBe(true);
    await onCard("hide");
    await expect.poll(() => card(claimId).count(), { timeout: 5_000 }).toBe(0);
    expect(await marker(claimId).getAttribute("aria-expanded")).toBe("false");
    await marker(claimId).focus();
    await page.keyboard.press("Enter");
    await card(claimId).waitFor({ state: "visible", timeout: 5_000 });
    expect((await page.evaluate(probeCard, claimId)).covered).toEqual([]);
    await page.keyboard.press("Escape");
    await card(claimId).waitFor({ state: "hidden", timeout: 5_000 });
  });
});

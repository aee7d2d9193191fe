/**
 * The claims as the reader sees them (jsdom, so the painter wraps the
 * claims' text): highlights first, markers once the cards' data is in,
 * only the claims asked for, and everything off the page again.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import type { ContentScriptContext as WxtContext } from "wxt/utils/content-script-context";
import { ContentScriptContext } from "../../lib/browser/overlay-content-script-context";
import { claimAnchor } from "../../lib/claim-record";
import { dataset } from "../../lib/dataset";
import { messagesFor } from "../../lib/i18n/tables";
import { installLocale } from "../../lib/i18n/translate";
import { createAnchoringRuns } from "../../lib/overlay/anchoring-runs";
import { cardsLayerKit } from "../../lib/overlay/cards-layer";
import { type ClaimsView, createClaimsView } from "../../lib/overlay/claims-view";
import { createPainter } from "../../lib/overlay/highlights";
import { HOST_TAG } from "../../lib/overlay/shadow-host";
import { MARK_TAG } from "../../lib/overlay/wrap-highlights";
import { seedParagraphs, standInForLayout } from "../helpers";

const markerIds = () =>
  [...document.querySelectorAll(HOST_TAG)].flatMap((host) =>
    [...(host.shadowRoot?.querySelectorAll("[data-claim-id]") ?? [])].map((marker) =>
      marker.getAttribute("data-claim-id"),
    ),
  );
/** The text the fallback painter wrapped, all marks together. */
const paintedText = () => [...document.querySelectorAll(MARK_TAG)].map((mark) => mark.textContent).join("");

/** The markers' and cards' parts, as the overlay's second script gives them. */
const kit = cardsLayerKit("");

describe("createClaimsView", () => {
  let ctx: ContentScriptContext;
  let claims: ClaimsView;
  const changedPage = vi.fn();
  const anchors = dataset.claims.map(claimAnchor);

  beforeEach(async () => {
    fakeBrowser.reset();
    vi.spyOn(fakeBrowser.runtime, "sendMessage").mockResolvedValue(undefined);
    installLocale("en", messagesFor("en"));
    standInForLayout();
    document.body.innerHTML = `<article><div class="body">${seedParagraphs()
      .map((paragraph) => `<p>${paragraph}</p>`)
      .join("")}</div></article>`;
    ctx = new ContentScriptContext();
    changedPage.mockReset();
    const anchoring = createAnchoringRuns(ctx as unknown as WxtContext, document, anchors, () => {});
    await anchoring.run();
    claims = createClaimsView(ctx as unknown as WxtContext, document, {
      painter: createPainter(document),
      anchoring,
      claims: anchors,
      changedPage,
    });
  });
  afterEach(() => {
    ctx.notifyInvalidated();
    document.body.innerHTML = "";
  });

  it("paints the claims first, and gives them markers once the cards' data is in", () => {
    claims.paint(() => true);
    expect(document.querySelectorAll(MARK_TAG).length).toBeGreaterThanOrEqual(anchors.length);
    expect(markerIds()).toEqual([]);
    expect(claims.mounted).toBe(false);
    claims.useCards(dataset, kit);
    expect(markerIds()).toHaveLength(anchors.length);
    expect(claims.mounted).toBe(true);
    expect(
      claims
        .shownClaims()
        .map((claim) => claim.claimId)
        .sort(),
    ).toEqual(anchors.map((claim) => claim.id).sort());
    expect(changedPage).toHaveBeenCalled();
  });

  it("shows only the claims asked for, and takes everything off the page when hidden", () => {
    claims.useCards(dataset, kit);
    claims.paint((claimId) => claimId === "hua-chunying");
    expect(markerIds()).toEqual(["hua-chunying"]);
    const quote = dataset.claims.find((claim) => claim.id === "hua-chunying")?.selector.exact ?? "";
    expect(paintedText().replace(/\s+/g, " ").trim()).toBe(quote);
    claims.cards.pin("hua-chunying");
    claims.hide();
    expect(document.querySelector(HOST_TAG)).toBeNull();
    expect(document.querySelector(MARK_TAG)).toBeNull();
    expect(claims.cards.open).toBeNull();
    expect(claims.shownClaims()).toEqual([]);
  });

  it("goes to the next claim and opens its card, and shows a claim from the popup with its marker focused", () => {
    claims.useCards(dataset, kit);
    claims.paint(() => true);
    claims.stepClaim("next");
    const first = claims.cards.open?.claimId;
    expect(first).toBe(claims.shownClaims()[0].claimId);
    claims.showClaim("hua-chunying");
    expect(document.activeElement?.shadowRoot?.activeElement?.getAttribute("data-claim-id")).toBe("hua-chunying");
  });
});

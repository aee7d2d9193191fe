import claimDetailsCss from "../../components/ClaimDetails.css?inline";
import verdictChipCss from "../../components/VerdictChip.css?inline";
import verdictDatesCss from "../../components/VerdictDates.css?inline";
import { runOverlay } from "../../lib/overlay/overlay-controller";
import { replacePreviousCopy } from "../../lib/overlay/single-instance";
import overlayCss from "./style.css?inline";

/**
 * Injected by the background only into tabs where the detector found the
 * article (registration: runtime). The styles go into the overlay's own
 * shadow layer as a constructed stylesheet, never into the page.
 */
export default defineContentScript({
  registration: "runtime",
  matches: ["*://*/*"],
  cssInjectionMode: "manual",
  async main(ctx) {
    replacePreviousCopy("overlay", ctx);
    await runOverlay(ctx, document, [overlayCss, verdictChipCss, verdictDatesCss, claimDetailsCss].join("\n"));
  },
});

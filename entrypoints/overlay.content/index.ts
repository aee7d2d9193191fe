import { runOverlay } from "../../lib/overlay/overlay-controller";
import { replacePreviousCopy } from "../../lib/overlay/single-instance";

/**
 * Injected by the background only into frames where the detector found the
 * article (registration: runtime): detects, anchors and paints the claims,
 * then has its markers and cards injected (overlay-cards.content/).
 */
export default defineContentScript({
  registration: "runtime",
  matches: ["*://*/*"],
  async main(ctx) {
    replacePreviousCopy("overlay", ctx);
    await runOverlay(ctx, document);
  },
});

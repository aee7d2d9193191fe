import claimDetailsCss from "../../components/ClaimDetails.css?inline";
import verdictChipCss from "../../components/VerdictChip.css?inline";
import verdictDatesCss from "../../components/VerdictDates.css?inline";
import { cardsLayerKit } from "../../lib/overlay/cards-layer";
import { provideLayerKit } from "../../lib/overlay/layer-kit";
import overlayCss from "./style.css?inline";

/**
 * The overlay's markers and cards, injected by the background into the frame
 * whose overlay asks for them, once its highlights are painted
 * (lib/overlay/layer-kit.ts). It only hands the overlay its parts; the
 * styles go into the markers' own shadow roots as constructed stylesheets,
 * never into the page.
 */
export default defineContentScript({
  registration: "runtime",
  matches: ["*://*/*"],
  cssInjectionMode: "manual",
  main() {
    provideLayerKit(cardsLayerKit([overlayCss, verdictChipCss, verdictDatesCss, claimDetailsCss].join("\n")));
  },
});

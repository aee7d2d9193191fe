/**
 * The overlay comes in two scripts. The first (`overlay.js`) detects,
 * anchors and paints the claims: all the reader waits for. The second
 * (`overlay-cards.js`: Preact, the components and their styles, the
 * schemas of the dataset and of the messages, the interface's words; more
 * than half of the code) draws the markers and cards and reads the tab
 * messages, and is injected once the highlights are on screen, so that the
 * first paint never waits for it to be compiled and run.
 *
 * The second script hands the first its parts, the layer kit, through the
 * isolated world the two share (never the page's: the page cannot see or
 * replace it). The background injects it on request, into the frame that
 * asks, and answers once it has run.
 */
import { sendToBackground } from "../messaging";
import type { Dataset } from "../schema";
import type { LayerHandlers, LayerView } from "./layer-view";
import type { TabMessageReader } from "./tab-messages";

/** What the second script gives the first. */
export interface LayerKit {
  /**
   * Checks the background's answer to `get-cards`, puts its interface words
   * in place for the markers and cards, and gives its dataset; null when the
   * answer is missing or malformed.
   */
  readCards(answer: unknown): Dataset | null;
  /** The markers' and cards' view on `doc`, drawing on `data`. */
  createLayerView(doc: Document, data: Dataset, handlers: LayerHandlers): LayerView;
  /** Checks a tab message against its schema and sender (`acceptTabMessage`). */
  readTabMessage: TabMessageReader;
}

/** Where the kit is left, in the isolated world. */
const LAYER_KIT = Symbol.for("factcheck.layer-kit");

type Scope = { [LAYER_KIT]?: LayerKit };

/** Called by the second script when it runs: leaves its kit for the first. */
export function provideLayerKit(kit: LayerKit): void {
  (globalThis as Scope)[LAYER_KIT] = kit;
}

/**
 * Has the background inject the second script into this frame and gives
 * its kit; null when it could not be injected. Injected afresh each time:
 * a kit left by an earlier version of the extension (the isolated world
 * outlives an update) must not draw this one's markers.
 */
export async function loadLayerKit(): Promise<LayerKit | null> {
  const scope = globalThis as Scope;
  delete scope[LAYER_KIT];
  await sendToBackground({ type: "load-layer" });
  return scope[LAYER_KIT] ?? null;
}

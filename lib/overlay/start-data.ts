/**
 * What the overlay needs from the background when it starts. Content
 * scripts cannot read the extension's storage, and the overlay's script
 * carries no claims, no prose and no message tables (it loads on every
 * article page: kept small), so it asks for two answers: the small one its
 * first paint waits for (`get-start`: the switches and each claim's quote,
 * verdict and topic), and, as soon as that is in, the larger one for the
 * markers and cards (`get-cards`: the dataset and the interface's words, in
 * the reader's language), which arrives while the claims are anchored.
 * Each is checked against its schema like any message: the first on
 * arrival, the second by the markers' and cards' script (`layer-kit.ts`). The
 * article's fingerprint is bundled (it is a few hundred bytes, validated
 * with the dataset at build time): the overlay detects the article while
 * the answers travel.
 */
import { fingerprint, id } from "../../data/article.json";
import type { ArticleFingerprint } from "../detect/detect-article";
import { sendToBackground } from "../messaging";
import { OverlayStart } from "../protocol-schema";

/** The article the overlay looks for, as the detector did. */
export const OVERLAY_ARTICLE = { id, fingerprint } as ArticleFingerprint;

/** The switches and the claims' anchors; null when the background's answer is missing or malformed. */
export async function requestStart(): Promise<OverlayStart | null> {
  const received = OverlayStart.safeParse(await sendToBackground({ type: "get-start" }));
  return received.success ? received.data : null;
}

/**
 * Asks for the dataset and the interface's words now, and gives the answer
 * as it comes, unchecked: the markers' and cards' script checks it
 * (`LayerKit.readCards`), once the highlights are on screen. Checking the
 * whole dataset is work the first paint must not wait behind, and its
 * schemas belong with the cards.
 */
export function requestCards(): Promise<unknown> {
  return sendToBackground({ type: "get-cards" });
}

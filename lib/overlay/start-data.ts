/**
 * What the overlay starts from. Bundled, validated with the dataset at build
 * time: the article's fingerprint and each claim's anchor (id, topic,
 * verdict, quote: a few kilobytes), so that it detects the article and
 * anchors the claims as soon as it runs. Handed over by the background as it
 * injects the overlay: the switches, which its first paint follows
 * (`handed-start.ts`). Asked of the background once the highlights are
 * painted (content scripts cannot read the extension's storage, and the
 * prose and message tables stay out of the overlay's first script): the
 * dataset and the interface's words for the markers and cards (`get-cards`,
 * in the reader's language), checked against their schemas by the markers'
 * and cards' script (`layer-kit.ts`).
 */
import claimAnchors from "virtual:claim-anchors";
import { fingerprint, id } from "../../data/article.json";
import type { ArticleFingerprint } from "../detect/detect-article";
import { sendToBackground } from "../messaging";
import type { ClaimAnchor } from "../schema";

/** The article the overlay looks for, as the detector did. */
export const OVERLAY_ARTICLE = { id, fingerprint } as ArticleFingerprint;

/** The claims the overlay anchors and paints. */
export const OVERLAY_CLAIMS: readonly ClaimAnchor[] = claimAnchors;

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

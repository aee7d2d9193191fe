/**
 * A tab's claims across its frames. The article may sit in the top page, in
 * an iframe (a `srcdoc` one, or a news site's cross-origin embed), or in
 * several frames at once (a page that embeds the same story twice): each
 * frame's overlay reports what it anchored, and the badge and the popup
 * show the tab as one page, each claim once, in the first frame that
 * carries it (the top frame first, then by frame id, the browser's order of
 * creation).
 */
import type { AnchoredClaim, TabFrames, TabState } from "./schema";

/** A claim found on a tab, with the frame it was found in (for "Show in page" and its link). */
export type TabClaim = AnchoredClaim & {
  /** The frame's id in its tab (0: the top frame). */
  frameId: number;
  /** The frame's address (`about:srcdoc` for a `srcdoc` frame). */
  frameUrl: string;
};

/** What a tab carries, seen as one page: its address, the article, and each claim once. */
export interface TabView {
  url: string;
  article: TabState["article"];
  claims: TabClaim[];
}

/** The frame ids that carry the article, top frame first, then in the order the browser made them. */
export function articleFrameIds(frames: TabFrames): number[] {
  return Object.keys(frames.frames)
    .map(Number)
    .sort((a, b) => a - b);
}

/** The tab as one page (see above), or `null` when no frame carries the article. */
export function tabView(frames: TabFrames | null): TabView | null {
  if (!frames) return null;
  const frameIds = articleFrameIds(frames);
  if (frameIds.length === 0) return null;
  const claims = new Map<string, TabClaim>();
  let article: TabState["article"] | undefined;
  for (const frameId of frameIds) {
    const state = frames.frames[frameId];
    if (!article || state.article.score > article.score) article = state.article;
    for (const claim of state.claims)
      if (!claims.has(claim.claimId)) claims.set(claim.claimId, { ...claim, frameId, frameUrl: state.url });
  }
  return { url: frames.url, article: article as TabState["article"], claims: [...claims.values()] };
}

/**
 * `frames` with frame `frameId`'s state replaced by `state` (`null`: the
 * frame no longer carries the article), under the tab's address `tabUrl`;
 * `null` when no frame is left.
 */
export function withFrameState(
  frames: TabFrames | null,
  tabUrl: string,
  frameId: number,
  state: TabState | null,
): TabFrames | null {
  const next: TabFrames = { url: tabUrl, frames: { ...frames?.frames } };
  if (state) next.frames[frameId] = state;
  else delete next.frames[frameId];
  return Object.keys(next.frames).length > 0 ? next : null;
}

import { describe, expect, it } from "vitest";
import type { TabFrames, TabState } from "../lib/schema";
import { articleFrameIds, tabView, withFrameState } from "../lib/tab-frames";

const TAB_URL = "https://news.example/world/north-korea";
const EMBED_URL = "https://embed.wire.example/story";

/** A frame's state with `claimIds` anchored exactly, at `url`, with article score `score`. */
function frameState(url: string, claimIds: string[], score = 0.9): TabState {
  return {
    url,
    article: { id: "nk-bolster-military-might-2020-06-12", score },
    claims: claimIds.map((claimId) => ({ claimId, match: "exact", score: 1 })),
  };
}

describe("articleFrameIds", () => {
  it("lists the frames that carry the article, top frame first, then by id", () => {
    const frames: TabFrames = {
      url: TAB_URL,
      frames: { 12: frameState(EMBED_URL, []), 0: frameState(TAB_URL, []), 3: frameState(EMBED_URL, []) },
    };
    expect(articleFrameIds(frames)).toEqual([0, 3, 12]);
  });
});

describe("tabView", () => {
  it("is null without a record or without a frame", () => {
    expect(tabView(null)).toBeNull();
    expect(tabView({ url: TAB_URL, frames: {} })).toBeNull();
  });

  it("shows a claim found in an iframe with its frame, under the tab's address", () => {
    const view = tabView({ url: TAB_URL, frames: { 4: frameState(EMBED_URL, ["friday", "pronoun"]) } });
    expect(view).toEqual({
      url: TAB_URL,
      article: { id: "nk-bolster-military-might-2020-06-12", score: 0.9 },
      claims: [
        { claimId: "friday", match: "exact", score: 1, frameId: 4, frameUrl: EMBED_URL },
        { claimId: "pronoun", match: "exact", score: 1, frameId: 4, frameUrl: EMBED_URL },
      ],
    });
  });

  it("counts a claim found in two frames once, in the first frame that carries it, and keeps the best article score", () => {
    const view = tabView({
      url: TAB_URL,
      frames: {
        9: frameState("about:srcdoc", ["friday", "test-site"], 0.97),
        2: frameState(EMBED_URL, ["friday", "pronoun"], 0.8),
      },
    });
    expect(view?.claims.map(({ claimId, frameId }) => [claimId, frameId])).toEqual([
      ["friday", 2],
      ["pronoun", 2],
      ["test-site", 9],
    ]);
    expect(view?.article.score).toBe(0.97);
  });
});

describe("withFrameState", () => {
  it("adds, replaces and removes one frame's part, keeping the others", () => {
    const one = withFrameState(null, TAB_URL, 3, frameState(EMBED_URL, ["friday"]));
    expect(one).toEqual({ url: TAB_URL, frames: { 3: frameState(EMBED_URL, ["friday"]) } });
    const two = withFrameState(one, TAB_URL, 0, frameState(TAB_URL, ["pronoun"]));
    expect(Object.keys(two?.frames ?? {})).toEqual(["0", "3"]);
    const replaced = withFrameState(two, TAB_URL, 3, frameState(EMBED_URL, ["test-site"]));
    expect(replaced?.frames[3]).toEqual(frameState(EMBED_URL, ["test-site"]));
    expect(replaced?.frames[0]).toEqual(frameState(TAB_URL, ["pronoun"]));
    const removed = withFrameState(replaced, TAB_URL, 0, null);
    expect(removed).toEqual({ url: TAB_URL, frames: { 3: frameState(EMBED_URL, ["test-site"]) } });
    // The input is not changed.
    expect(Object.keys(replaced?.frames ?? {})).toEqual(["0", "3"]);
  });

  it("is null once no frame is left", () => {
    const one = withFrameState(null, TAB_URL, 3, frameState(EMBED_URL, ["friday"]));
    expect(withFrameState(one, TAB_URL, 3, null)).toBeNull();
    expect(withFrameState(null, TAB_URL, 3, null)).toBeNull();
  });

  it("takes the tab's latest address", () => {
    const one = withFrameState(null, TAB_URL, 3, frameState(EMBED_URL, ["friday"]));
    expect(withFrameState(one, `${TAB_URL}#comments`, 5, frameState(EMBED_URL, []))?.url).toBe(`${TAB_URL}#comments`);
  });
});

import { beforeEach, describe, expect, it, vi } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import { badgeFor, badgeTitle, showBadge } from "../../lib/background/badge";
import { dataset } from "../../lib/dataset";
import { messagesFor } from "../../lib/i18n/tables";
import { installLocale } from "../../lib/i18n/translate";
import type { TabState, Verdict } from "../../lib/schema";
import { VERDICTS } from "../../lib/verdicts";

const NEUTRAL = "#5f6368";

/** A tab state carrying the given claims, all anchored exactly. */
function stateWith(claimIds: string[]): TabState {
  return {
    url: "https://news.example/north-korea",
    article: { id: dataset.article.id, score: 0.9 },
    claims: claimIds.map((claimId) => ({ claimId, match: "exact", score: 1 })),
  };
}

/** Ids of the dataset's claims with `verdict`. */
function claimsWith(verdict: Verdict): string[] {
  return dataset.claims.filter((claim) => claim.verdict === verdict).map((claim) => claim.id);
}

describe("badgeFor", () => {
  it("counts the inaccurate and misleading claims, in the colour of the worst verdict", () => {
    const all = dataset.claims.map((claim) => claim.id);
    expect(all).toHaveLength(14);
    expect(badgeFor(stateWith(all))).toEqual({ text: "6", color: VERDICTS.inaccurate.color });
  });

  it("shows no text without the article or without claims", () => {
    expect(badgeFor(null)).toEqual({ text: "", color: NEUTRAL });
    expect(badgeFor(stateWith([]))).toEqual({ text: "", color: NEUTRAL });
  });

  it("shows no text when no claim is flagged", () => {
    expect(badgeFor(stateWith(claimsWith("accurate"))).text).toBe("");
    expect(badgeFor(stateWith([...claimsWith("accurate"), ...claimsWith("needs-context")])).text).toBe("");
  });

  it("takes the colour of the worst verdict whatever the order of the claims", () => {
    const [inaccurate] = claimsWith("inaccurate");
    const [misleading] = claimsWith("misleading");
    const [accurate] = claimsWith("accurate");
    expect(badgeFor(stateWith([accurate, misleading]))).toEqual({ text: "1", color: VERDICTS.misleading.color });
    expect(badgeFor(stateWith([misleading, inaccurate, accurate]))).toEqual({
      text: "2",
      color: VERDICTS.inaccurate.color,
    });
    expect(badgeFor(stateWith([inaccurate, misleading]))).toEqual({ text: "2", color: VERDICTS.inaccurate.color });
  });

  it("ignores claim ids the dataset does not know", () => {
    expect(badgeFor(stateWith(["no-such-claim"]))).toEqual({ text: "", color: NEUTRAL });
    const [misleading] = claimsWith("misleading");
    expect(badgeFor(stateWith(["no-such-claim", misleading]))).toEqual({ text: "1", color: VERDICTS.misleading.color });
  });
});

describe("showBadge", () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.restoreAllMocks();
  });

  it("sets the text and colour on the given tab", async () => {
    const setText = vi.spyOn(fakeBrowser.action, "setBadgeText").mockResolvedValue(undefined);
    const setColor = vi.spyOn(fakeBrowser.action, "setBadgeBackgroundColor").mockResolvedValue(undefined);
    await showBadge(7, stateWith(dataset.claims.map((claim) => claim.id)));
    expect(setText).toHaveBeenCalledExactlyOnceWith({ tabId: 7, text: "6" });
    expect(setColor).toHaveBeenCalledExactlyOnceWith({ tabId: 7, color: VERDICTS.inaccurate.color });
  });

  it("clears the text for a tab without the article", async () => {
    const setText = vi.spyOn(fakeBrowser.action, "setBadgeText").mockResolvedValue(undefined);
    const setColor = vi.spyOn(fakeBrowser.action, "setBadgeBackgroundColor").mockResolvedValue(undefined);
    await showBadge(3, null);
    expect(setText).toHaveBeenCalledExactlyOnceWith({ tabId: 3, text: "" });
    expect(setColor).toHaveBeenCalledExactlyOnceWith({ tabId: 3, color: NEUTRAL });
  });

  it("swallows the errors of a tab that closed meanwhile", async () => {
    const closed = new Error("No tab with id: 9.");
    vi.spyOn(fakeBrowser.action, "setBadgeBackgroundColor").mockResolvedValue(undefined);
    const setText = vi.spyOn(fakeBrowser.action, "setBadgeText").mockRejectedValue(closed);
    await expect(showBadge(9, stateWith(claimsWith("inaccurate")))).resolves.toBeUndefined();
    expect(setText).toHaveBeenCalledOnce();

    vi.spyOn(fakeBrowser.action, "setBadgeBackgroundColor").mockRejectedValue(closed);
    await expect(showBadge(9, null)).resolves.toBeUndefined();
  });
});

describe("badgeTitle", () => {
  it("says what the badge counts, with the plural the language needs, or names the extension", () => {
    const [inaccurate] = claimsWith("inaccurate");
    const all = dataset.claims.map((claim) => claim.id);
    expect(badgeTitle(stateWith(all))).toBe("6 claims inaccurate or misleading");
    expect(badgeTitle(stateWith([inaccurate]))).toBe("1 claim inaccurate or misleading");
    expect(badgeTitle(null)).toBe("Fact-check: North Korea military might, 2020");
    installLocale("ko", messagesFor("ko"));
    expect(badgeTitle(stateWith(all))).toBe("사실이 아니거나 오해의 소지가 있는 주장 6건");
  });
});

/**
 * The overlay's start-up answers (lib/background/overlay-start.ts): the
 * switches and the claims' anchors, then the dataset and the interface's
 * words, in shapes the overlay accepts.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import { answerOverlayCards, answerOverlayStart } from "../../lib/background/overlay-start";
import { dataset } from "../../lib/dataset";
import { OverlayCards, OverlayStart } from "../../lib/schema";
import { DEFAULT_SETTINGS } from "../../lib/settings";
import { updateSettings } from "../../lib/storage";

beforeEach(() => {
  fakeBrowser.reset();
});

describe("answerOverlayStart", () => {
  it("answers the stored switches, and nothing of the claims (the overlay bundles their anchors), in a shape the overlay's schema accepts", async () => {
    await updateSettings((current) => ({ ...current, hiddenTopics: ["talks"] }));
    const answer = await answerOverlayStart();
    expect(answer).toEqual({ settings: { ...DEFAULT_SETTINGS, hiddenTopics: ["talks"] } });
    // What the overlay receives is a structured clone of it.
    expect(OverlayStart.safeParse(structuredClone(answer)).success).toBe(true);
  });
});

describe("answerOverlayCards", () => {
  it("answers the dataset and the words in a shape the overlay's schema accepts", async () => {
    const answer = await answerOverlayCards();
    expect(answer.dataset.claims.map((claim) => claim.id)).toEqual(dataset.claims.map((claim) => claim.id));
    expect(answer.messages.messages.length).toBeGreaterThan(0);
    expect(OverlayCards.safeParse(structuredClone(answer)).success).toBe(true);
  });

  it("answers in the language the reader chose", async () => {
    await updateSettings((current) => ({ ...current, language: "ko" }));
    const answer = await answerOverlayCards();
    expect(answer.messages.locale).toBe("ko");
    expect(answer.dataset.claims[0].summary).not.toBe(dataset.claims[0].summary);
  });
});

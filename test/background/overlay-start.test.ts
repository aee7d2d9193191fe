/**
 * The overlay's start-up answer (lib/background/overlay-start.ts): the
 * switches, the dataset and the interface's words together, in a shape the
 * overlay accepts.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import { answerOverlayStart } from "../../lib/background/overlay-start";
import { dataset } from "../../lib/dataset";
import { OverlayStart } from "../../lib/schema";
import { DEFAULT_SETTINGS } from "../../lib/settings";
import { updateSettings } from "../../lib/storage";

beforeEach(() => {
  fakeBrowser.reset();
});

describe("answerOverlayStart", () => {
  it("answers the stored switches, the dataset and the words in one answer the overlay's schema accepts", async () => {
    await updateSettings((current) => ({ ...current, hiddenTopics: ["talks"] }));
    const answer = await answerOverlayStart();
    expect(answer.settings).toEqual({ ...DEFAULT_SETTINGS, hiddenTopics: ["talks"] });
    expect(answer.dataset.claims.map((claim) => claim.id)).toEqual(dataset.claims.map((claim) => claim.id));
    expect(answer.messages.messages.length).toBeGreaterThan(0);
    // What the overlay receives is a structured clone of it.
    expect(OverlayStart.safeParse(structuredClone(answer)).success).toBe(true);
  });

  it("answers in the language the reader chose", async () => {
    await updateSettings((current) => ({ ...current, language: "ko" }));
    const answer = await answerOverlayStart();
    expect(answer.messages.locale).toBe("ko");
    expect(answer.dataset.claims[0].summary).not.toBe(dataset.claims[0].summary);
  });
});

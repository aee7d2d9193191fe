/**
 * What the overlay starts from, besides the switches handed to it
 * (handed-start.test.ts): the cards' answer asked of the background (checked
 * by the cards' script: cards-layer.test.ts); the article's fingerprint and
 * the claims' anchors bundled.
 */
import { beforeEach, describe, expect, it, vi } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import { claimAnchor } from "../../lib/claim-record";
import { dataset } from "../../lib/dataset";
import { OVERLAY_ARTICLE, OVERLAY_CLAIMS, requestCards } from "../../lib/overlay/start-data";

describe("the overlay's start-up requests", () => {
  let answers: Record<string, unknown>;
  let asked: unknown[];
  const anchors = dataset.claims.map(claimAnchor);
  const words = { locale: "en", messages: [{ key: "markerName", message: "$1 claim: $2" }] };

  beforeEach(() => {
    fakeBrowser.reset();
    asked = [];
    answers = {
      "get-cards": { dataset: structuredClone(dataset), messages: words },
    };
    vi.spyOn(fakeBrowser.runtime, "sendMessage").mockImplementation(async (message: unknown) => {
      asked.push(message);
      return structuredClone(answers[(message as { type: string }).type]);
    });
  });

  it("asks for the dataset and the words, and hands the answer on to the cards' script, which checks it", async () => {
    const answer = requestCards();
    expect(asked).toEqual([{ type: "get-cards" }]);
    await expect(answer).resolves.toEqual({ dataset, messages: words });
  });

  it("bundles the article's fingerprint and the claims' anchors, those the dataset carries", () => {
    expect(OVERLAY_ARTICLE).toEqual({ id: dataset.article.id, fingerprint: dataset.article.fingerprint });
    expect(OVERLAY_CLAIMS).toEqual(anchors);
  });
});

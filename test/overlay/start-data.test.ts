/**
 * What the overlay asks the background for when it starts: two answers,
 * the first checked against its schema on arrival (the second by the
 * cards' script: cards-layer.test.ts); the article's fingerprint bundled.
 */
import { beforeEach, describe, expect, it, vi } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import { claimAnchor } from "../../lib/claim-record";
import { dataset } from "../../lib/dataset";
import { OVERLAY_ARTICLE, requestCards, requestStart } from "../../lib/overlay/start-data";
import { DEFAULT_SETTINGS } from "../../lib/settings";

describe("the overlay's start-up requests", () => {
  let answers: Record<string, unknown>;
  let asked: unknown[];
  const anchors = dataset.claims.map(claimAnchor);
  const words = { locale: "en", messages: [{ key: "markerName", message: "$1 claim: $2" }] };

  beforeEach(() => {
    fakeBrowser.reset();
    asked = [];
    answers = {
      "get-start": { settings: DEFAULT_SETTINGS, claims: anchors },
      "get-cards": { dataset: structuredClone(dataset), messages: words },
    };
    vi.spyOn(fakeBrowser.runtime, "sendMessage").mockImplementation(async (message: unknown) => {
      asked.push(message);
      return structuredClone(answers[(message as { type: string }).type]);
    });
  });

  it("asks for the switches and the claims' anchors, and hands them on as checked", async () => {
    await expect(requestStart()).resolves.toEqual({ settings: DEFAULT_SETTINGS, claims: anchors });
    expect(asked).toEqual([{ type: "get-start" }]);
  });

  it("asks for the dataset and the words, and hands the answer on to the cards' script, which checks it", async () => {
    const answer = requestCards();
    expect(asked).toEqual([{ type: "get-cards" }]);
    await expect(answer).resolves.toEqual({ dataset, messages: words });
  });

  it("gives null for a first answer off the schema, or none", async () => {
    answers["get-start"] = { settings: DEFAULT_SETTINGS, claims: [{ ...anchors[0], verdict: "probably" }] };
    await expect(requestStart()).resolves.toBeNull();
    // The claims' prose has no place in the first answer: the schema is strict.
    answers["get-start"] = { settings: DEFAULT_SETTINGS, claims: dataset.claims };
    await expect(requestStart()).resolves.toBeNull();
    answers["get-start"] = undefined;
    await expect(requestStart()).resolves.toBeNull();
  });

  it("bundles the article's fingerprint, the one the dataset carries", () => {
    expect(OVERLAY_ARTICLE).toEqual({ id: dataset.article.id, fingerprint: dataset.article.fingerprint });
  });
});

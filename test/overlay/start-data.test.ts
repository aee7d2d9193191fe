/**
 * What the overlay starts from: two answers asked of the background, the
 * first checked against its schema on arrival (the second by the cards'
 * script: cards-layer.test.ts); the article's fingerprint and the claims'
 * anchors bundled.
 */
import { beforeEach, describe, expect, it, vi } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import { claimAnchor } from "../../lib/claim-record";
import { dataset } from "../../lib/dataset";
import { OVERLAY_ARTICLE, OVERLAY_CLAIMS, requestCards, requestStart } from "../../lib/overlay/start-data";
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
      "get-start": { settings: DEFAULT_SETTINGS },
      "get-cards": { dataset: structuredClone(dataset), messages: words },
    };
    vi.spyOn(fakeBrowser.runtime, "sendMessage").mockImplementation(async (message: unknown) => {
      asked.push(message);
      return structuredClone(answers[(message as { type: string }).type]);
    });
  });

  it("asks for the switches, and hands them on as checked", async () => {
    await expect(requestStart()).resolves.toEqual({ settings: DEFAULT_SETTINGS });
    expect(asked).toEqual([{ type: "get-start" }]);
  });

  it("asks for the dataset and the words, and hands the answer on to the cards' script, which checks it", async () => {
    const answer = requestCards();
    expect(asked).toEqual([{ type: "get-cards" }]);
    await expect(answer).resolves.toEqual({ dataset, messages: words });
  });

  it("gives null for a first answer off the schema, or none", async () => {
    answers["get-start"] = { settings: { ...DEFAULT_SETTINGS, hiddenVerdicts: ["probably"] } };
    await expect(requestStart()).resolves.toBeNull();
    // Claims have no place in the first answer (the overlay bundles their anchors): the schema is strict.
    answers["get-start"] = { settings: DEFAULT_SETTINGS, claims: anchors };
    await expect(requestStart()).resolves.toBeNull();
    answers["get-start"] = undefined;
    await expect(requestStart()).resolves.toBeNull();
  });

  it("bundles the article's fingerprint and the claims' anchors, those the dataset carries", () => {
    expect(OVERLAY_ARTICLE).toEqual({ id: dataset.article.id, fingerprint: dataset.article.fingerprint });
    expect(OVERLAY_CLAIMS).toEqual(anchors);
  });
});

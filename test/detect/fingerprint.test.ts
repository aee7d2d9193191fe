import { describe, expect, it } from "vitest";
import { dataset } from "../../lib/dataset";
import { articleBodyFromSeed, fingerprintShingles } from "../../lib/detect/fingerprint";
import { seedArticle } from "../helpers";

describe("the article fingerprint", () => {
  const { fingerprint } = dataset.article;
  const { title, body } = articleBodyFromSeed(seedArticle());

  it("is read from the seed without its page chrome", () => {
    expect(title).toBe(dataset.article.title);
    expect(body.startsWith("North Korea has vowed")).toBe(true);
    expect(body.endsWith("she added.")).toBe(true);
  });

  it("is in step with the article text (run `npm run fingerprint` when this fails)", () => {
    expect(fingerprint.shingles).toEqual(fingerprintShingles(body, fingerprint.shingleSize, fingerprint.sampleModulus));
  });

  it("has rare words that all occur in the body", () => {
    for (const word of fingerprint.rareWords) expect(body).toContain(word);
  });
});

/**
 * Baseline tests: the whole pipeline on saved pages, each with the claims it
 * carries written out (claim id and the exact text anchored), and on pages
 * that must not be annotated.
 */
import { describe, expect, it } from "vitest";
import { rangeParts } from "../lib/anchoring/dom-range";
import { flatContains } from "../lib/anchoring/flat-tree";
import { normalizeText } from "../lib/anchoring/normalize";
import { annotateDocument } from "../lib/annotate";
import { ALL, type ClaimId, NEGATIVE_PAGES, POSITIVE_PAGES, QUOTES } from "./fixtures/expectations";
import { articlePage, fixturePage, fixturePageNames, seedParagraphs } from "./helpers";

describe("annotateDocument on the fixture pages", () => {
  it("has an expectation for every fixture page", () => {
    expect(fixturePageNames().sort()).toEqual([...Object.keys(POSITIVE_PAGES), ...NEGATIVE_PAGES].sort());
  });

  it.each(Object.entries(POSITIVE_PAGES))("anchors exactly the claims %s carries", (page, expected) => {
    const doc = fixturePage(page);
    const result = annotateDocument(doc);
    expect(result.article).toMatchObject({ detected: true, id: "nk-bolster-military-might-2020-06-12" });
    expect(result.annotations.map(({ claimId, text }) => [claimId, text])).toEqual(
      ALL.filter((id) => id in expected).map((id) => [id, expected[id]]),
    );
    for (const annotation of result.annotations) {
      // In the flat tree: the container may be in a component's shadow tree, the claim in text slotted into it.
      expect(flatContains(result.container as Element, annotation.range.commonAncestorContainer)).toBe(true);
      const parts = rangeParts(annotation.range);
      expect(parts.map(String).join("").length).toBeGreaterThanOrEqual(annotation.text.length);
    }
  });

  it("anchors claims split by markup, ads and captions to the article text", () => {
    const { annotations } = annotateDocument(fixturePage("ads-inside-sentences.html"));
    const meetings = annotations.find((annotation) => annotation.claimId === "meetings-count");
    // The ad label lies inside the range but is not part of the claim's text.
    expect(meetings?.range.toString()).toMatch(/Advertisement/);
    expect(meetings?.text).toBe(QUOTES["meetings-count"]);
  });

  it("never anchors a claim in the comment thread that quotes it", () => {
    const doc = fixturePage("comments.html");
    const comments = doc.getElementById("comments");
    const { annotations, container } = annotateDocument(doc);
    expect(comments).not.toBeNull();
    expect(container?.contains(comments)).toBe(false);
    for (const { range } of annotations) expect(comments?.contains(range.startContainer)).toBe(false);
  });

  it("anchors claims in a component's shadow tree and in text slotted into it, and none in its comments", () => {
    const doc = fixturePage("web-component.html");
    const { annotations, container } = annotateDocument(doc);
    const story = doc.querySelector("news-article")?.shadowRoot;
    expect(container?.getRootNode()).toBe(story);
    const byId = new Map(annotations.map((annotation) => [annotation.claimId, annotation]));
    expect(byId.get("friday")?.range.startContainer.getRootNode()).toBe(story);
    // Slotted: the paragraph is the host's light child, shown in the story's default slot.
    expect(byId.get("hua-chunying")?.range.startContainer.getRootNode()).toBe(doc);
    // The date is rendered by a component of its own: the claim crosses into its shadow tree, so it is cut in two.
    const split = byId.get("singapore-date");
    expect(split && rangeParts(split.range).map(String)).toEqual([
      "Kim and Trump met in Singapore on ",
      "June 12, 2018",
    ]);
    expect(split?.range.toString()).toBe("Kim and Trump met in Singapore on ");
    const comments = story?.querySelector("comment-thread")?.shadowRoot;
    for (const { range } of annotations) expect(range.startContainer.getRootNode()).not.toBe(comments);
  });

  it.each(NEGATIVE_PAGES)("leaves %s alone", (page) => {
    const result = annotateDocument(fixturePage(page));
    expect(result.article).toMatchObject({ detected: false, id: null });
    expect(result.article.score).toBeLessThan(0.25);
    expect(result.annotations).toEqual([]);
  });
});

describe("annotateDocument on generated variants of the article", () => {
  /** A deterministic pseudo-random sequence (mulberry32), so failures reproduce. */
  function random(seed: number): () => number {
    let state = seed;
    return () => {
      state = (state + 0x6d2b79f5) | 0;
      let t = Math.imul(state ^ (state >>> 15), 1 | state);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }

  /** Retypes the article: straight or curly quotes, NBSPs, soft hyphens, and inline markup around words. */
  function perturb(paragraph: string, next: () => number): string {
    return paragraph
      .split(" ")
      .map((word) => {
        let out = word;
        if (next() < 0.5) out = out.replace(/[’‘]/g, "'").replace(/[“”]/g, '"');
        if (out.length > 7 && next() < 0.3) out = `${out.slice(0, 4)}\u00AD${out.slice(4)}`;
        const markup = next();
        if (markup < 0.15) out = `<em>${out}</em>`;
        else if (markup < 0.25) out = `<a href="/tag/${out.length}">${out}</a>`;
        else if (markup < 0.35 && out.length > 5)
          out = `${out.slice(0, 3)}<span class="x${out.length}">${out.slice(3)}</span>`;
        return out;
      })
      .join(next() < 0.2 ? "\u00A0" : " ");
  }

  it.each([1, 2, 3, 4, 5, 6, 7, 8])("anchors all 14 claims exactly in variant %i", (seed) => {
    const next = random(seed);
    const doc = articlePage(seedParagraphs().map((paragraph) => perturb(paragraph, next)));
    const { article, annotations } = annotateDocument(doc);
    expect(article.detected).toBe(true);
    expect(annotations.map((annotation) => annotation.claimId)).toEqual(ALL);
    for (const annotation of annotations) {
      expect(annotation.match).toBe("exact");
      expect(normalizeText(annotation.text)).toBe(normalizeText(QUOTES[annotation.claimId as ClaimId]));
    }
  });
});

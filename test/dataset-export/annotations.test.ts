import { describe, expect, it } from "vitest";
import { dataset } from "../../lib/dataset";
import {
  AssessingAnnotation,
  ClaimAnnotationCollection,
  toAnnotationCollection,
  toAssessingAnnotation,
} from "../../lib/dataset-export/annotations";

const context = {
  article: dataset.article,
  created: "2026-01-15T10:00:00.000Z",
  sources: ["https://news.example/nk-military-might"],
  collectionId: "urn:uuid:00000000-0000-5000-8000-000000000000",
  annotationId: (claim: { id: string }) => `urn:example:${claim.id}`,
};

describe("Web Annotation export", () => {
  it("builds an AnnotationCollection of assessing annotations, one per claim", () => {
    const collection = toAnnotationCollection(dataset.claims, context);
    expect(ClaimAnnotationCollection.parse(collection)).toEqual(collection);
    expect(collection.total).toBe(dataset.claims.length);
    expect(collection.first.items.map((item) => item.id)).toEqual(
      dataset.claims.map((claim) => `urn:example:${claim.id}`),
    );
  });

  it("targets the claim's TextQuoteSelector and carries the verdict and the summary", () => {
    const claim = dataset.claims.find((candidate) => candidate.id === "pronoun");
    if (!claim) throw new Error("pronoun");
    const annotation = toAssessingAnnotation(claim, context);
    expect(AssessingAnnotation.parse(annotation)).toEqual(annotation);
    expect(annotation).toMatchObject({
      type: "Annotation",
      motivation: "assessing",
      target: { source: "https://news.example/nk-military-might", selector: claim.selector },
      body: [
        { type: "TextualBody", purpose: "assessing", value: "Inaccurate" },
        { type: "TextualBody", purpose: "describing", value: claim.summary },
      ],
    });
  });

  it("targets every known copy, and refuses an annotation without a target source", () => {
    const claim = dataset.claims[0];
    const twice = toAssessingAnnotation(claim, { ...context, sources: ["https://a.example/x", "https://b.example/y"] });
    expect(Array.isArray(twice.target) && twice.target.map((target) => target.source)).toEqual([
      "https://a.example/x",
      "https://b.example/y",
    ]);
    expect(AssessingAnnotation.safeParse(toAssessingAnnotation(claim, { ...context, sources: [] })).success).toBe(
      false,
    );
  });
});

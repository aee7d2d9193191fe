/**
 * Reports as W3C Web Annotations (lib/reports/web-annotation.ts): the body the outbox POSTs
 * and the collection the popup exports.
 */
import { describe, expect, it } from "vitest";
import { claimById } from "../../lib/dataset";
import type { Report, ReportDraft } from "../../lib/reports/schema";
import { toAnnotationCollection, toWebAnnotation } from "../../lib/reports/web-annotation";

const DISPUTE_DRAFT: Extract<ReportDraft, { kind: "dispute" }> = {
  kind: "dispute",
  claimId: "anniversary",
  reason: "outdated",
  comment: "There was a later summit.",
  email: "reader@mail.example",
  page: { title: "North Korea vows to bolster military might", url: "https://news.example/world/nk?ref=home" },
};

const DISPUTE: Report = {
  id: "0b0e7c1a-5f53-4a43-9d69-2f0a3c6b8e11",
  createdAt: "2025-03-01T10:00:00.000Z",
  draft: DISPUTE_DRAFT,
  state: "sent",
  attempts: 1,
  sentAt: "2025-03-01T10:00:01.000Z",
};

const SELECTION = {
  type: "TextQuoteSelector",
  exact: "three summits",
  prefix: "Trump and Kim held ",
  suffix: " since 2018",
} as const;

const NEW_CLAIM: Report = {
  id: "5d5f3c7e-8d1b-4a57-b0d2-7c9d4e6f1a22",
  createdAt: "2025-03-02T08:30:00.000Z",
  draft: {
    kind: "new-claim",
    selector: SELECTION,
    reason: "other",
    comment: "Two summits and one meeting at the DMZ.",
    page: { title: "Another outlet" },
  },
  state: "local",
  attempts: 0,
};

describe("toWebAnnotation", () => {
  it("describes a dispute with the claim's selector from the dataset and its claim id", () => {
    const claim = claimById("anniversary");
    expect(claim).toBeDefined();
    expect(toWebAnnotation(DISPUTE)).toEqual({
      "@context": "http://www.w3.org/ns/anno.jsonld",
      id: "urn:uuid:0b0e7c1a-5f53-4a43-9d69-2f0a3c6b8e11",
      type: "Annotation",
      motivation: "questioning",
      created: "2025-03-01T10:00:00.000Z",
      generator: { type: "Software", name: "Fact-check overlay (browser extension)" },
      creator: { type: "Person", email: "reader@mail.example" },
      target: {
        source: "https://news.example/world/nk?ref=home",
        title: "North Korea vows to bolster military might",
        selector: claim?.selector,
        claimId: "anniversary",
      },
      body: [
        { type: "TextualBody", purpose: "tagging", value: "outdated" },
        { type: "TextualBody", purpose: "commenting", value: "There was a later summit." },
      ],
    });
  });

  it("has no source without the page address, and no creator without an email", () => {
    const { url: _, ...page } = DISPUTE_DRAFT.page;
    const { email: __, ...draft } = { ...DISPUTE_DRAFT, page };
    const annotation = toWebAnnotation({ ...DISPUTE, draft });
    expect(annotation.target).not.toHaveProperty("source");
    expect(annotation).not.toHaveProperty("creator");
    expect(annotation.target.title).toBe(DISPUTE_DRAFT.page.title);
  });

  it("tags without a commenting body when there is no comment", () => {
    const annotation = toWebAnnotation({ ...DISPUTE, draft: { ...DISPUTE_DRAFT, comment: "" } });
    expect(annotation.body).toEqual([{ type: "TextualBody", purpose: "tagging", value: "outdated" }]);
  });

  it("falls back to the claim id as the quote for a claim the dataset does not know", () => {
    const annotation = toWebAnnotation({ ...DISPUTE, draft: { ...DISPUTE_DRAFT, claimId: "retired-claim" } });
    expect(annotation.target.selector).toEqual({
      type: "TextQuoteSelector",
      exact: "retired-claim",
      prefix: "",
      suffix: "",
    });
    expect(annotation.target.claimId).toBe("retired-claim");
  });

  it("describes a new claim with the reader's selection and no claim id", () => {
    expect(toWebAnnotation(NEW_CLAIM)).toEqual({
      "@context": "http://www.w3.org/ns/anno.jsonld",
      id: "urn:uuid:5d5f3c7e-8d1b-4a57-b0d2-7c9d4e6f1a22",
      type: "Annotation",
      motivation: "questioning",
      created: "2025-03-02T08:30:00.000Z",
      generator: { type: "Software", name: "Fact-check overlay (browser extension)" },
      target: { title: "Another outlet", selector: SELECTION },
      body: [
        { type: "TextualBody", purpose: "tagging", value: "other" },
        { type: "TextualBody", purpose: "commenting", value: "Two summits and one meeting at the DMZ." },
      ],
    });
  });

  it("says nothing of the report's delivery (state, attempts, errors stay on the device)", () => {
    const text = JSON.stringify(toWebAnnotation({ ...DISPUTE, state: "failed", lastError: "400: nope", attempts: 3 }));
    expect(text).not.toMatch(/"state"|attempts|lastError|400: nope|sentAt/);
  });

  it("is plain JSON (round-trips unchanged)", () => {
    const annotation = toWebAnnotation(DISPUTE);
    expect(JSON.parse(JSON.stringify(annotation))).toEqual(annotation);
  });
});

describe("toAnnotationCollection", () => {
  it("holds every report as an annotation, in order, with the total", () => {
    const exportedAt = new Date("2025-03-03T12:00:00.000Z");
    expect(toAnnotationCollection([DISPUTE, NEW_CLAIM], exportedAt)).toEqual({
      "@context": "http://www.w3.org/ns/anno.jsonld",
      type: "AnnotationCollection",
      label: "Fact-check reports, exported 2025-03-03T12:00:00.000Z",
      total: 2,
      first: { type: "AnnotationPage", items: [toWebAnnotation(DISPUTE), toWebAnnotation(NEW_CLAIM)] },
    });
  });

  it("is an empty collection without reports", () => {
    const collection = toAnnotationCollection([]);
    expect(collection.total).toBe(0);
    expect(collection.first).toEqual({ type: "AnnotationPage", items: [] });
    expect(collection.label).toMatch(/^Fact-check reports, exported \d{4}-\d\d-\d\dT/);
  });
});

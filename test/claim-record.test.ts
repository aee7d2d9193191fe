import { describe, expect, it } from "vitest";
import { claimAnchor, claimRecord, correctionsOf } from "../lib/claim-record";
import { claimById, dataset } from "../lib/dataset";
import { type Claim, ClaimAnchor } from "../lib/schema";

const claim = (id: string) => claimById(id) as Claim;

describe("claimRecord", () => {
  it("gathers a claim's facts oldest first, its sources and its later developments' sources, and its corrections", () => {
    const measures = claim("unilateral-measures");
    const record = claimRecord(dataset, measures);
    expect(record.claim).toBe(measures);
    expect(record.facts.map((fact) => fact.id).sort()).toEqual([...measures.facts].sort());
    expect(record.facts.map((fact) => fact.date)).toEqual(record.facts.map((fact) => fact.date).sort());
    const cited = new Set([...measures.sources, ...measures.laterDevelopments.flatMap((later) => later.sources)]);
    expect(new Set(record.sources.map((source) => source.id))).toEqual(cited);
    expect(record.corrections).toEqual(correctionsOf(dataset, measures.id));
  });

  it("leaves out ids the data lacks", () => {
    const record = claimRecord({ facts: [], sources: [], corrections: [] }, claim("friday"));
    expect(record).toMatchObject({ facts: [], sources: [], corrections: [] });
  });
});

describe("correctionsOf", () => {
  it("logs corrections for claims that exist, and answers per claim, newest first", () => {
    const claimIds = new Set(dataset.claims.map((claim) => claim.id));
    for (const correction of dataset.corrections)
      for (const id of correction.claimIds) expect(claimIds.has(id), id).toBe(true);
    const forMeasures = correctionsOf(dataset, "unilateral-measures");
    expect(forMeasures.length).toBeGreaterThan(0);
    expect(forMeasures.every((correction) => correction.claimIds.includes("unilateral-measures"))).toBe(true);
    expect(correctionsOf(dataset, "no-such-claim")).toEqual([]);
  });

  it("orders a claim's corrections newest first and leaves out dataset-wide entries", () => {
    const data = structuredClone(dataset);
    data.corrections = [
      { date: "2026-01-05", claimIds: ["friday"], summary: "Older." },
      { date: "2026-12-01", claimIds: [], summary: "Dataset-wide." },
      { date: "2026-12-01", claimIds: ["friday", "anniversary"], summary: "Newer." },
    ];
    expect(correctionsOf(data, "friday").map((correction) => correction.summary)).toEqual(["Newer.", "Older."]);
  });
});

describe("claimAnchor", () => {
  it("keeps a claim's id, topic, verdict and quote, and none of its prose", () => {
    for (const claim of dataset.claims) {
      const anchor = claimAnchor(claim);
      // The strict schema of the anchors the overlay bundles: any prose left in would fail it.
      expect(ClaimAnchor.parse(anchor)).toEqual(anchor);
      expect(anchor).toEqual({ id: claim.id, topic: claim.topic, verdict: claim.verdict, selector: claim.selector });
    }
  });
});

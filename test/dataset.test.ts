import { describe, expect, it } from "vitest";
import { normalizeText } from "../lib/anchoring/normalize";
import { dataset } from "../lib/dataset";
import { dateProblems } from "../lib/dataset-dates";
import { articleBodyFromSeed } from "../lib/detect/fingerprint";
import { parseDataset } from "../lib/validate-dataset";
import { ALL } from "./fixtures/expectations";
import { seedArticle } from "./helpers";

const body = normalizeText(articleBodyFromSeed(seedArticle()).body);

/** Occurrences of `needle` in `haystack`. */
function count(haystack: string, needle: string): number {
  return haystack.split(needle).length - 1;
}

describe("the bundled dataset", () => {
  it("is exactly what the schema accepts, so that shipping it unvalidated is safe", () => {
    // dataset.ts ships the files as they are: parsing them must neither fail nor change anything.
    const parsed = parseDataset(JSON.parse(JSON.stringify(dataset)));
    expect(parsed).toStrictEqual(JSON.parse(JSON.stringify(dataset)));
  });

  it("has the 14 claims, under their contract ids, in article order", () => {
    expect(dataset.claims.map((claim) => claim.id)).toEqual(ALL);
  });

  it.each(dataset.claims.map((claim) => [claim.id, claim] as const))(
    "quotes %s exactly once, with the article's own context",
    (_, claim) => {
      const { exact, prefix, suffix } = claim.selector;
      expect(count(body, normalizeText(exact))).toBe(1);
      expect(body).toContain(normalizeText(prefix + exact + suffix).trim());
    },
  );

  it("dates every claim to the article and every later development after it", () => {
    for (const claim of dataset.claims) {
      expect(claim.asOf).toBe("2020-06-12");
      for (const later of claim.laterDevelopments) expect(later.date > claim.asOf).toBe(true);
    }
  });

  it("marks the three Trump–Kim meetings on the timeline, in order", () => {
    const meetings = dataset.facts.filter((fact) => fact.meeting).sort((a, b) => (a.meeting ?? 0) - (b.meeting ?? 0));
    expect(meetings.map((fact) => [fact.meeting, fact.date])).toEqual([
      [1, "2018-06-12"],
      [2, "2019-02-27"],
      [3, "2019-06-30"],
    ]);
    expect(meetings.every((fact) => fact.timeline && fact.kind === "summit")).toBe(true);
  });

  it("puts the test-site demolition before the Singapore summit", () => {
    const date = (id: string) => dataset.facts.find((fact) => fact.id === id)?.date ?? "";
    expect(date("punggye-ri-demolition")).toBe("2018-05-24");
    expect(date("punggye-ri-demolition") < date("singapore-summit")).toBe(true);
  });

  it("keeps every summary within 140 characters", () => {
    for (const claim of dataset.claims) expect(claim.summary.length, claim.id).toBeLessThanOrEqual(140);
  });

  it("dates no fact or later development after the newest source cited for it", () => {
    expect(dateProblems(dataset)).toEqual([]);
  });

  it("cites only https sources", () => {
    for (const source of dataset.sources) expect(new URL(source.url).protocol).toBe("https:");
  });
});

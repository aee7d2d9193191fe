/**
 * The dataset's schemas, built on first use: once, the same ones schema.ts
 * exports, and a claim is its anchor (what the overlay bundles) plus its
 * review.
 */
import { describe, expect, it } from "vitest";
import { dataset } from "../lib/dataset";
import { datasetSchemas } from "../lib/dataset-schema";
import { ClaimAnchor } from "../lib/protocol-schema";
import { Claim, Dataset } from "../lib/schema";

describe("datasetSchemas", () => {
  it("builds the schemas once, and they are the ones schema.ts exports", () => {
    expect(datasetSchemas()).toBe(datasetSchemas());
    expect(datasetSchemas().Dataset).toBe(Dataset);
    expect(datasetSchemas().Claim).toBe(Claim);
  });

  it("checks a claim as its anchor plus its review", () => {
    const [claim] = dataset.claims;
    expect(Claim.safeParse(claim).success).toBe(true);
    const { id, topic, verdict, selector, ...review } = claim;
    expect(ClaimAnchor.parse({ id, topic, verdict, selector })).toEqual({ id, topic, verdict, selector });
    // The anchor carries no prose: a whole claim is not one.
    expect(ClaimAnchor.safeParse(claim).success).toBe(false);
    const withoutQuote = Claim.safeParse({ id, topic, verdict, ...review });
    expect(withoutQuote.error?.issues.map((issue) => issue.path)).toEqual([["selector"]]);
  });
});

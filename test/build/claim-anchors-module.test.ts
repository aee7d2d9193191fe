/**
 * The claims' anchors as the build bundles them: exactly each claim's id,
 * topic, verdict and quote, in the dataset's order, none of its prose; the
 * module the unit tests import is the same.
 */
import claimAnchors from "virtual:claim-anchors";
import { describe, expect, it } from "vitest";
import { claimAnchorsModule, claimAnchorsSource, DATASET_CLAIMS_FILE } from "../../lib/build/claim-anchors-module";
import { claimAnchor } from "../../lib/claim-record";
import { dataset } from "../../lib/dataset";

describe("the claim-anchors module", () => {
  it("holds each claim's anchor and nothing of its review", () => {
    const source = claimAnchorsSource(DATASET_CLAIMS_FILE);
    const exported = JSON.parse(source.replace(/^export default /, "").replace(/;\s*$/, ""));
    expect(exported).toEqual(dataset.claims.map(claimAnchor));
    for (const claim of dataset.claims) expect(source).not.toContain(JSON.stringify(claim.summary));
  });

  it("is what the code imports", () => {
    expect(claimAnchors).toEqual(dataset.claims.map(claimAnchor));
  });

  it("is provided under its name only", () => {
    const plugin = claimAnchorsModule();
    const resolve = plugin.resolveId as (source: string) => string | null;
    expect(resolve("virtual:claim-anchors")).toBe("\0virtual:claim-anchors");
    expect(resolve("./claims.json")).toBeNull();
  });
});

import { describe, expect, it } from "vitest";
import { dataset } from "../../lib/dataset";
import { localizeDataset } from "../../lib/i18n/localize-dataset";

describe("localizeDataset", () => {
  it("keeps the claims' quotes as the article has them, in every language", () => {
    for (const locale of ["en", "en-GB", "ko", "ko-KR"]) {
      const localized = localizeDataset(dataset, locale);
      expect(localized.claims.map((claim) => claim.selector)).toEqual(dataset.claims.map((claim) => claim.selector));
    }
  });

  it("gives English readers the dataset as it is", () => {
    expect(localizeDataset(dataset, "en")).toEqual(dataset);
  });
});

import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadDatasetFrom } from "../lib/dataset-files";

/** A fresh copy of data/ to break. */
function copyOfData(): string {
  const copy = mkdtempSync(join(tmpdir(), "dataset-"));
  cpSync(join(__dirname, "..", "data"), copy, { recursive: true });
  return copy;
}

describe("loadDatasetFrom (the build's check)", () => {
  it("fails on a broken copy of data/ with the file and path", () => {
    const copy = copyOfData();
    expect(loadDatasetFrom(copy).claims).toHaveLength(14);
    const claimsFile = join(copy, "claims.json");
    const claims = JSON.parse(readFileSync(claimsFile, "utf8"));
    claims[5].selector.exact = "";
    writeFileSync(claimsFile, JSON.stringify(claims));
    expect(() => loadDatasetFrom(copy)).toThrow("data/claims.json claims[5].selector.exact");
  });

  it("reads the release's version and date from meta.json, and fails when it is missing", () => {
    const copy = copyOfData();
    expect(loadDatasetFrom(copy).meta).toEqual({
      version: expect.stringMatching(/^\d+\.\d+\.\d+$/),
      date: expect.any(String),
    });
    writeFileSync(join(copy, "meta.json"), JSON.stringify({ version: "1.0.0" }));
    expect(() => loadDatasetFrom(copy)).toThrow("data/meta.json meta.date");
  });

  it("checks the Korean texts against the dataset: a text without its Korean fails with the file and path", () => {
    const copy = copyOfData();
    const koreanFile = join(copy, "ko.json");
    const korean = JSON.parse(readFileSync(koreanFile, "utf8"));
    delete korean.facts["punggye-ri-demolition"].text;
    writeFileSync(koreanFile, JSON.stringify(korean));
    expect(() => loadDatasetFrom(copy)).toThrow("data/ko.json ko.facts.punggye-ri-demolition.text");
  });

  it("fails on a claim given a later development in English but not in Korean", () => {
    const copy = copyOfData();
    const claimsFile = join(copy, "claims.json");
    const claims = JSON.parse(readFileSync(claimsFile, "utf8"));
    claims[0].laterDevelopments.push({ date: "2021-01-01", text: "Later.", sources: [claims[0].sources[0]] });
    writeFileSync(claimsFile, JSON.stringify(claims));
    expect(() => loadDatasetFrom(copy)).toThrow(
      `data/ko.json ko.claims.${claims[0].id}.laterDevelopments: has 0 texts for the claim's 1 later developments`,
    );
  });

  it("names the file when it is not JSON", () => {
    const copy = copyOfData();
    writeFileSync(join(copy, "facts.json"), "{ not json");
    expect(() => loadDatasetFrom(copy)).toThrow(/^data\/facts\.json: /);
    const other = copyOfData();
    writeFileSync(join(other, "ko.json"), "{ not json");
    expect(() => loadDatasetFrom(other)).toThrow(/^data\/ko\.json: /);
  });
});

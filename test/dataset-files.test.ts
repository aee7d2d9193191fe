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

  it("names the file when it is not JSON", () => {
    const copy = copyOfData();
    writeFileSync(join(copy, "facts.json"), "{ not json");
    expect(() => loadDatasetFrom(copy)).toThrow(/^data\/facts\.json: /);
  });
});

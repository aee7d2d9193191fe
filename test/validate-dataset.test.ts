import { describe, expect, it } from "vitest";
import koreanTexts from "../data/ko.json";
import { dataset } from "../lib/dataset";
import type { DatasetTranslation } from "../lib/i18n/dataset-translation";
import { DatasetError, parseDataset, parseTranslation } from "../lib/validate-dataset";

describe("parseDataset", () => {
  const clone = () => structuredClone(dataset);

  it.each([
    [
      "a summary over 140 characters",
      (data: typeof dataset) => {
        data.claims[3].summary = "x".repeat(141);
      },
      "data/claims.json claims[3].summary",
    ],
    [
      "an unknown verdict",
      (data: typeof dataset) => {
        (data.claims[0] as { verdict: string }).verdict = "mostly-true";
      },
      "data/claims.json claims[0].verdict",
    ],
    [
      "a source over http",
      (data: typeof dataset) => {
        data.sources[1].url = "http://example.com/story";
      },
      "data/sources.json sources[1].url",
    ],
    [
      "a reference to a missing source",
      (data: typeof dataset) => {
        data.claims[7].sources[0] = "no-such-source";
      },
      "data/claims.json claims[7].sources[0]",
    ],
    [
      "a malformed fact date",
      (data: typeof dataset) => {
        data.facts[2].date = "22 Dec 2017";
      },
      "data/facts.json facts[2].date",
    ],
    [
      "a later development dated before the article",
      (data: typeof dataset) => {
        data.claims[9].laterDevelopments = [{ date: "2019-01-01", text: "Earlier.", sources: ["npr-2019-06-30"] }];
      },
      "data/claims.json claims[9].laterDevelopments[0].date",
    ],
    [
      "a duplicate claim id",
      (data: typeof dataset) => {
        data.claims[1].id = data.claims[0].id;
      },
      "data/claims.json claims[1].id",
    ],
    [
      "a selector without its type",
      (data: typeof dataset) => {
        delete (data.claims[2].selector as { type?: string }).type;
      },
      "data/claims.json claims[2].selector.type",
    ],
    [
      "a correction naming an unknown claim",
      (data: typeof dataset) => {
        data.corrections[0].claimIds = ["no-such-claim"];
      },
      "data/corrections.json corrections[0].claimIds[0]",
    ],
    [
      "a correction naming an unknown fact",
      (data: typeof dataset) => {
        data.corrections[0].factIds = ["no-such-fact"];
      },
      "data/corrections.json corrections[0].factIds[0]",
    ],
    [
      "a dataset version that is not major.minor.patch",
      (data: typeof dataset) => {
        data.meta.version = "v2";
      },
      "data/meta.json meta.version",
    ],
    [
      "a release date at month precision",
      (data: typeof dataset) => {
        data.meta.date = "2026-12";
      },
      "data/meta.json meta.date",
    ],
    [
      "a release dated before its newest correction",
      (data: typeof dataset) => {
        data.corrections[0].date = "2027-01-15";
      },
      "data/meta.json meta.date: must not come before the newest correction (2027-01-15)",
    ],
  ])("rejects %s with the zod path of the field", (_, breakIt, path) => {
    const broken = clone();
    breakIt(broken);
    expect(() => parseDataset(broken)).toThrow(DatasetError);
    expect(() => parseDataset(broken)).toThrow(path);
  });
});

describe("parseTranslation", () => {
  const korean = () => structuredClone(koreanTexts) as DatasetTranslation;

  it("accepts data/ko.json against the bundled dataset", () => {
    expect(parseTranslation(dataset, "ko", korean())).toStrictEqual(koreanTexts);
  });

  it.each([
    [
      "a summary without its Korean",
      (texts: DatasetTranslation) => delete (texts.claims.anniversary as { summary?: string }).summary,
      "data/ko.json ko.claims.anniversary.summary: Invalid input: expected string, received undefined",
    ],
    [
      "an unknown fact id",
      (texts: DatasetTranslation) => {
        texts.facts["no-such-fact"] = texts.facts["hanoi-summit"];
      },
      'data/ko.json ko.facts.no-such-fact: unknown fact "no-such-fact"',
    ],
    [
      "a missing later development",
      (texts: DatasetTranslation) => {
        texts.claims["election-threat"].laterDevelopments = [];
      },
      "data/ko.json ko.claims.election-threat.laterDevelopments: has 0 texts for the claim's 2 later developments",
    ],
  ])("rejects %s with the file and zod path", (_, breakIt, message) => {
    const broken = korean();
    breakIt(broken);
    expect(() => parseTranslation(dataset, "ko", broken)).toThrow(DatasetError);
    expect(() => parseTranslation(dataset, "ko", broken)).toThrow(message);
  });
});

import { describe, expect, it } from "vitest";
import { dataset } from "../../lib/dataset";
import type { DatasetTranslation } from "../../lib/i18n/dataset-translation";
import { KOREAN_DATASET_TEXTS, localizeDataset, translateDataset } from "../../lib/i18n/localize-dataset";
import type { Dataset } from "../../lib/schema";
import { parseDataset } from "../../lib/validate-dataset";

const HANGUL = /[\uAC00-\uD7A3]/;

/** Every text a reader reads, with where it is. */
function readerTexts(data: Dataset): [string, string][] {
  return [
    ["article.description", data.article.description],
    ...data.claims.flatMap((claim): [string, string][] => [
      [`${claim.id}.summary`, claim.summary],
      [`${claim.id}.explanation`, claim.explanation],
      ...claim.laterDevelopments.map((later, index): [string, string] => [`${claim.id}.later[${index}]`, later.text]),
    ]),
    ...data.facts.flatMap((fact): [string, string][] => [
      [`${fact.id}.label`, fact.label],
      [`${fact.id}.text`, fact.text],
    ]),
    ...data.corrections.map((correction, index): [string, string] => [`corrections[${index}]`, correction.summary]),
  ];
}

/** The dataset with its reader-facing texts taken out: what translation must never change. */
function withoutReaderTexts(data: Dataset): unknown {
  return {
    ...data,
    article: { ...data.article, description: null },
    claims: data.claims.map((claim) => ({
      ...claim,
      summary: null,
      explanation: null,
      laterDevelopments: claim.laterDevelopments.map((later) => ({ ...later, text: null })),
    })),
    facts: data.facts.map((fact) => ({ ...fact, label: null, text: null })),
    corrections: data.corrections.map((correction) => ({ ...correction, summary: null })),
  };
}

describe("localizeDataset", () => {
  it.each(["ko", "ko-KR", "KO-kr", "ko-Kore-KR", "ko_KR"])("gives a reader of %s every text in Korean", (locale) => {
    const korean = localizeDataset(dataset, locale);
    const english = new Map(readerTexts(dataset));
    for (const [where, text] of readerTexts(korean)) {
      expect(text, where).toMatch(HANGUL);
      expect(text, where).not.toBe(english.get(where));
    }
    expect(korean.claims.find((claim) => claim.id === "pronoun")?.summary).toContain("리선권");
  });

  it.each(["en", "en-US", "de-DE", "kok", "", "x-ko"])("gives a reader of %j the dataset itself", (locale) => {
    expect(localizeDataset(dataset, locale)).toBe(dataset);
  });

  it("changes nothing but the texts: quotes, ids, dates, verdicts, sources, references and order stay", () => {
    const korean = localizeDataset(dataset, "ko-KR");
    expect(withoutReaderTexts(korean)).toStrictEqual(withoutReaderTexts(dataset));
    expect(korean.claims.map((claim) => claim.selector)).toStrictEqual(dataset.claims.map((claim) => claim.selector));
    expect(korean.sources).toBe(dataset.sources);
    expect(korean.article.title).toBe(dataset.article.title);
  });

  it("puts each text where its English was: summaries by claim id, later developments in order", () => {
    const korean = localizeDataset(dataset, "ko");
    const claim = korean.claims.find((candidate) => candidate.id === "hua-chunying");
    expect(claim?.summary).toBe(KOREAN_DATASET_TEXTS.claims["hua-chunying"].summary);
    expect(claim?.laterDevelopments.map((later) => [later.date, later.text])).toEqual([
      ["2021-10-24", KOREAN_DATASET_TEXTS.claims["hua-chunying"].laterDevelopments[0]],
      ["2024-05-27", KOREAN_DATASET_TEXTS.claims["hua-chunying"].laterDevelopments[1]],
    ]);
    expect(korean.facts.find((fact) => fact.id === "singapore-summit")?.label).toBe("싱가포르 정상회담");
    expect(korean.corrections.at(-1)?.summary).toBe(KOREAN_DATASET_TEXTS.corrections["2026-12-01#10"].summary);
  });

  it("does not modify the dataset it is given", () => {
    const before = structuredClone(dataset);
    const frozen = deepFreeze(structuredClone(dataset));
    localizeDataset(frozen, "ko");
    localizeDataset(dataset, "ko");
    expect(dataset).toStrictEqual(before);
  });

  it("gives a dataset the schema still accepts (summaries within 140 characters, labels within 60)", () => {
    expect(() => parseDataset(localizeDataset(dataset, "ko"))).not.toThrow();
  });
});

describe("translateDataset", () => {
  it("leaves in English whatever a partial translation lacks", () => {
    const partial: DatasetTranslation = {
      article: KOREAN_DATASET_TEXTS.article,
      claims: { friday: KOREAN_DATASET_TEXTS.claims.friday },
      facts: { "ri-statement": { text: KOREAN_DATASET_TEXTS.facts["ri-statement"].text } },
      corrections: {},
    };
    const mixed = translateDataset(dataset, partial);
    expect(mixed.claims[0].summary).toBe(KOREAN_DATASET_TEXTS.claims.friday.summary);
    expect(mixed.claims[1]).toBe(dataset.claims[1]);
    const statement = mixed.facts.find((fact) => fact.id === "ri-statement");
    const english = dataset.facts.find((fact) => fact.id === "ri-statement");
    expect([statement?.label, statement?.text]).toEqual([
      english?.label,
      KOREAN_DATASET_TEXTS.facts["ri-statement"].text,
    ]);
    expect(mixed.corrections).toStrictEqual(dataset.corrections);
  });

  it("matches corrections by date and place, so a new day's entry at the top shifts nothing", () => {
    const added = { date: "2027-01-05", claimIds: [], summary: "A new entry." };
    const withNewEntry = { ...dataset, corrections: [added, ...dataset.corrections] };
    const translated = translateDataset(withNewEntry, KOREAN_DATASET_TEXTS);
    expect(translated.corrections[0].summary).toBe("A new entry.");
    expect(translated.corrections[1].summary).toBe(KOREAN_DATASET_TEXTS.corrections["2026-12-01#1"].summary);
  });
});

/** `value` frozen all the way down, so that writing to any part of it throws. */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object") {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

import { describe, expect, it } from "vitest";
import { normalizeText } from "../lib/anchoring/normalize";
import { dataset } from "../lib/dataset";
import { dateProblems } from "../lib/dataset-dates";
import { articleBodyFromSeed } from "../lib/detect/fingerprint";
import { KOREAN_DATASET_TEXTS, localizeDataset } from "../lib/i18n/localize-dataset";
import { parseDataset, parseTranslation } from "../lib/validate-dataset";
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

describe("the bundled Korean texts (data/ko.json)", () => {
  const korean = localizeDataset(dataset, "ko");
  const numbers = (text: string) => new Set(text.match(/\d+/g) ?? []);
  const pairs: [string, string, string][] = [
    ["article.description", dataset.article.description, korean.article.description],
    ...dataset.claims.flatMap((claim, index): [string, string, string][] => [
      [`${claim.id}.summary`, claim.summary, korean.claims[index].summary],
      [`${claim.id}.explanation`, claim.explanation, korean.claims[index].explanation],
      ...claim.laterDevelopments.map((later, laterIndex): [string, string, string] => [
        `${claim.id}.laterDevelopments[${laterIndex}]`,
        later.text,
        korean.claims[index].laterDevelopments[laterIndex].text,
      ]),
    ]),
    ...dataset.facts.flatMap((fact, index): [string, string, string][] => [
      [`${fact.id}.label`, fact.label, korean.facts[index].label],
      [`${fact.id}.text`, fact.text, korean.facts[index].text],
    ]),
    ...dataset.corrections.map((correction, index): [string, string, string] => [
      `corrections[${index}]`,
      correction.summary,
      korean.corrections[index].summary,
    ]),
  ];

  it("is exactly what its schema accepts for this dataset", () => {
    expect(parseTranslation(dataset, "ko", structuredClone(KOREAN_DATASET_TEXTS))).toStrictEqual(KOREAN_DATASET_TEXTS);
  });

  it("keeps every number of the English (days, years, counts, resolution numbers) in the Korean", () => {
    // Korean writes dates as 2020년 6월 12일: the English day and year are there; the month's number is added.
    const missing = pairs.flatMap(([where, english, translated]) => {
      const kept = numbers(translated);
      return [...numbers(english)].filter((number) => !kept.has(number)).map((number) => `${where}: ${number}`);
    });
    expect(missing).toEqual([]);
  });

  it("writes names as Korean media do, the same way everywhere", () => {
    const all = pairs.map(([, , translated]) => translated).join("\n");
    for (const name of ["리선권", "화춘잉", "싱가포르", "판문점", "하노이", "김정은", "풍계리", "조선중앙통신"])
      expect(all).toContain(name);
    for (const variant of ["이선권", "화춘이", "싱가폴", "김정운", "로동신문", "서해 위성발사장"])
      expect(all).not.toContain(variant);
  });
});

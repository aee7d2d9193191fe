import { describe, expect, it } from "vitest";
import korean from "../../data/ko.json";
import { dataset } from "../../lib/dataset";
import { type DatasetTranslation, translationSchemaFor } from "../../lib/i18n/dataset-translation";

const schema = translationSchemaFor(dataset);

/** A fresh copy of data/ko.json to break. */
const copy = () => structuredClone(korean) as DatasetTranslation & Record<string, unknown>;

/** The issues of `input` as `path: message` lines. */
function problems(input: unknown): string[] {
  const result = schema.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
}

describe("translationSchemaFor (a complete translation of the dataset)", () => {
  it("accepts data/ko.json exactly as it is", () => {
    expect(problems(korean)).toEqual([]);
    expect(schema.parse(korean)).toStrictEqual(korean);
  });

  it.each([
    [
      "a claim's summary",
      (t: DatasetTranslation) => delete (t.claims.friday as Partial<DatasetTranslation["claims"][string]>).summary,
      "claims.friday.summary",
    ],
    [
      "a claim's explanation",
      (t: DatasetTranslation) => {
        t.claims["no-relief"].explanation = " ";
      },
      "claims.no-relief.explanation",
    ],
    [
      "a later development's text",
      (t: DatasetTranslation) => {
        t.claims["election-threat"].laterDevelopments[1] = "";
      },
      "claims.election-threat.laterDevelopments.1",
    ],
    [
      "a fact's text",
      (t: DatasetTranslation) => delete (t.facts["hanoi-summit"] as Partial<DatasetTranslation["facts"][string]>).text,
      "facts.hanoi-summit.text",
    ],
    [
      "a fact's label",
      (t: DatasetTranslation) => delete t.facts["singapore-summit"].label,
      "facts.singapore-summit.label: no translation of the label",
    ],
    [
      "a correction's summary",
      (t: DatasetTranslation) => delete (t.corrections["2026-12-01#4"] as { summary?: string }).summary,
      "corrections.2026-12-01#4.summary",
    ],
    [
      "a whole claim",
      (t: DatasetTranslation) => delete t.claims.pronoun,
      'claims.pronoun: no translation of claim "pronoun"',
    ],
    [
      "a whole correction",
      (t: DatasetTranslation) => delete t.corrections["2026-12-01#10"],
      'corrections.2026-12-01#10: no translation of correction "2026-12-01#10"',
    ],
    [
      "a whole fact",
      (t: DatasetTranslation) => delete t.facts["kwon-statement"],
      'facts.kwon-statement: no translation of fact "kwon-statement"',
    ],
    [
      "the article's description",
      (t: DatasetTranslation) => delete (t.article as Partial<DatasetTranslation["article"]>).description,
      "article.description",
    ],
  ])("fails when %s lacks its Korean, at its path", (_, breakIt, expected) => {
    const broken = copy();
    breakIt(broken);
    expect(problems(broken).some((line) => line.startsWith(expected))).toBe(true);
  });

  it("fails on an English text left in place of the Korean", () => {
    const broken = copy();
    broken.facts["hanoi-summit"].text = dataset.facts.find((fact) => fact.id === "hanoi-summit")?.text ?? "";
    expect(problems(broken)).toEqual(["facts.hanoi-summit.text: must be written in Korean (no Hangul found)"]);
  });

  it("fails on ids the dataset does not have", () => {
    const broken = copy();
    broken.claims["no-such-claim"] = structuredClone(broken.claims.friday);
    broken.facts["no-such-fact"] = structuredClone(broken.facts["hanoi-summit"]);
    broken.corrections["2026-12-01#11"] = { summary: "없는 정정." };
    expect(problems(broken)).toEqual([
      'claims.no-such-claim: unknown claim "no-such-claim"',
      'facts.no-such-fact: unknown fact "no-such-fact"',
      'corrections.2026-12-01#11: unknown correction "2026-12-01#11"',
    ]);
  });

  it("fails when a claim's later developments and their texts differ in number", () => {
    const broken = copy();
    broken.claims["hua-chunying"].laterDevelopments.pop();
    broken.claims.friday.laterDevelopments.push("없던 일.");
    expect(problems(broken)).toEqual([
      "claims.friday.laterDevelopments: has 1 texts for the claim's 0 later developments",
      "claims.hua-chunying.laterDevelopments: has 1 texts for the claim's 2 later developments",
    ]);
  });

  it("keeps a translated summary within 140 characters and a label within 60, like the English", () => {
    const broken = copy();
    broken.claims.friday.summary = "가".repeat(141);
    broken.facts["hanoi-summit"].label = "나".repeat(61);
    expect(problems(broken).map((line) => line.split(":")[0])).toEqual([
      "claims.friday.summary",
      "facts.hanoi-summit.label",
    ]);
  });

  it("refuses a correction key that is not a date and a number, and fields the dataset has no text for", () => {
    const broken = copy() as Record<string, unknown> & {
      corrections: Record<string, unknown>;
      claims: Record<string, Record<string, unknown>>;
    };
    broken.corrections.first = { summary: "첫 정정." };
    broken.claims.friday.verdict = "사실";
    const paths = problems(broken).map((line) => line.split(":")[0]);
    expect(paths).toContain("corrections.first");
    expect(paths).toContain("claims.friday");
  });

  it("asks for no label where the English fact has none", () => {
    const unlabelled = structuredClone(dataset);
    delete (unlabelled.facts[0] as { label?: string }).label;
    const result = translationSchemaFor(unlabelled).safeParse(korean);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([
      [`facts.${unlabelled.facts[0].id}.label`, "the fact has no label"],
    ]);
  });
});

import { describe, expect, it } from "vitest";
import { MAX_ERROR_RATE, MAX_INTERRUPTION, matchQuote, similarity } from "../../lib/anchoring/match-quote";

const text =
  "kim and trump met in singapore on june 12, 2018, after which the north took several unilateral measures. " +
  "trump, who has since met with kim three times, has so far refused to relieve any of the harsh sanctions. " +
  "a reader wrote: trump, who has since met with kim three times, is wrong.";

const meetings = {
  exact: "trump, who has since met with kim three times",
  prefix: "several unilateral measures. ",
  suffix: ", has so far refused to relieve",
};

describe("matchQuote", () => {
  it("finds an exact occurrence and scores it 1", () => {
    const match = matchQuote(text, meetings);
    expect(match).toMatchObject({ match: "exact", score: 1 });
    expect(text.slice(match?.start, match?.end)).toBe(meetings.exact);
  });

  it("picks, among repeated occurrences, the one whose context agrees", () => {
    const match = matchQuote(text, meetings);
    expect(match?.start).toBe(text.indexOf(meetings.exact));
    const quoted = matchQuote(text, { ...meetings, prefix: "a reader wrote: ", suffix: ", is wrong." });
    expect(quoted?.start).toBe(text.lastIndexOf(meetings.exact));
  });

  it("uses the expected position to break a tie when context says nothing", () => {
    const bare = { exact: meetings.exact, prefix: "", suffix: "" };
    const late = matchQuote(text, bare, { expectedStart: { min: 220, max: text.length } });
    expect(late?.start).toBe(text.lastIndexOf(meetings.exact));
  });

  it("matches a quote interrupted by an ad label, however long the label", () => {
    const label = "advertisement - story continues below ";
    const page = text.replaceAll("met with kim", `met with ${label}kim`);
    const match = matchQuote(page, meetings);
    expect(match?.match).toBe("fuzzy");
    expect(page.slice(match?.start, match?.end)).toBe(`trump, who has since met with ${label}kim three times`);
    expect(match?.score).toBeCloseTo(meetings.exact.length / (meetings.exact.length + label.length), 5);
  });

  it("does not bridge an interruption longer than the bound", () => {
    const page = text.replaceAll("met with kim", `met with ${"x".repeat(MAX_INTERRUPTION + 1)} kim`);
    expect(matchQuote(page, meetings)).toBeNull();
  });

  it("matches approximately when words differ slightly", () => {
    const page = text.replaceAll("three times", "three time");
    const match = matchQuote(page, meetings);
    expect(match?.match).toBe("fuzzy");
    expect(match?.score).toBeCloseTo(1 - 1 / meetings.exact.length, 5);
  });

  it("does not return a fuzzy match for a quote absent from the text", () => {
    const quote = { exact: "she said the past two years of diplomacy", prefix: "", suffix: "" };
    expect(matchQuote(text, quote)).toBeNull();
  });

  it("requires context for a loose fuzzy match", () => {
    // 5 edits on 45 characters: within the error budget, not near-exact, and nothing around it agrees.
    const reworded = "trump, who has since met kim three times";
    const page = `unrelated words here. ${reworded}. other words follow.`;
    expect(matchQuote(page, meetings)).toBeNull();
    const withContext = `several unilateral measures. ${reworded}, has so far refused to relieve`;
    expect(matchQuote(withContext, meetings)?.match).toBe("fuzzy");
  });

  it("never searches approximately when fuzzy matching is off", () => {
    const page = text.replaceAll("met with kim", "met with ad kim");
    expect(matchQuote(page, meetings, { fuzzy: false })).toBeNull();
  });

  it("keeps the error budget", () => {
    expect(MAX_ERROR_RATE).toBeGreaterThan(0);
    expect(MAX_ERROR_RATE).toBeLessThan(0.5);
  });
});

describe("similarity", () => {
  it("is 1 for equal strings and falls with edits", () => {
    expect(similarity("abc", "abc")).toBe(1);
    expect(similarity("abcd", "abxd")).toBe(0.75);
    expect(similarity("", "")).toBe(1);
    expect(similarity("abc", "")).toBe(0);
  });
});

import { describe, expect, it } from "vitest";
import { Topic, Verdict } from "../lib/schema";
import { FLAGGED_VERDICTS, formatDate, formatLongDate, TOPICS, VERDICT_ORDER, VERDICTS } from "../lib/verdicts";

describe("verdict presentation", () => {
  it("covers every verdict and topic of the schema", () => {
    expect(Object.keys(VERDICTS).sort()).toEqual([...Verdict.options].sort());
    expect(Object.keys(TOPICS).sort()).toEqual([...Topic.options].sort());
  });

  it("orders verdicts from worst to best and flags the two the badge counts", () => {
    expect(VERDICT_ORDER[0]).toBe("inaccurate");
    expect(VERDICT_ORDER.at(-1)).toBe("accurate");
    expect(FLAGGED_VERDICTS).toEqual(["inaccurate", "misleading"]);
  });

  it("gives every verdict a word and an icon besides its colour", () => {
    for (const style of Object.values(VERDICTS)) {
      expect(style.label).toMatch(/^[A-Z][a-z ]+$/);
      expect(style.icon.length).toBeGreaterThan(0);
    }
  });

  it("defines every verdict in a paragraph of its own", () => {
    const definitions = Object.values(VERDICTS).map((style) => style.definition);
    expect(new Set(definitions).size).toBe(definitions.length);
    for (const definition of definitions) expect(definition.length).toBeGreaterThan(100);
  });
});

describe("formatDate", () => {
  it("formats day and month precision", () => {
    expect(formatDate("2020-06-12")).toBe("12 Jun 2020");
    expect(formatDate("2020-01")).toBe("Jan 2020");
    expect(formatDate("2017-09-03")).toBe("3 Sep 2017");
  });
});

describe("formatLongDate", () => {
  it("writes the month out, en-GB day month year", () => {
    expect(formatLongDate("2020-06-12")).toBe("12 June 2020");
    expect(formatLongDate("2026-12-01")).toBe("1 December 2026");
    expect(formatLongDate("2019-09")).toBe("September 2019");
  });

  it("keeps the day whatever the time zone (the first and last day of a year)", () => {
    expect(formatLongDate("2020-01-01")).toBe("1 January 2020");
    expect(formatLongDate("2019-12-31")).toBe("31 December 2019");
  });
});

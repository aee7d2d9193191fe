import { describe, expect, it } from "vitest";
import { dataset } from "../lib/dataset";
import { dateProblems, isAfter, latestSourceDate } from "../lib/dataset-dates";
import type { Source } from "../lib/schema";

const source = (id: string, date: string): Source => ({ id, publisher: "P", date, url: "https://example.com/" });

describe("isAfter", () => {
  it("compares days, and a month with a day at month precision", () => {
    expect(isAfter("2019-03-02", "2019-03-01")).toBe(true);
    expect(isAfter("2019-03-01", "2019-03-01")).toBe(false);
    // A source of March 2019 may have appeared on the 31st.
    expect(isAfter("2019-03-20", "2019-03")).toBe(false);
    expect(isAfter("2019-03", "2019-03-05")).toBe(false);
    expect(isAfter("2019-04-01", "2019-03")).toBe(true);
    expect(isAfter("2019-04", "2019-03-31")).toBe(true);
  });
});

describe("latestSourceDate", () => {
  const sources = [source("a", "2019-03-05"), source("b", "2019-03"), source("c", "2018-12-31")];

  it("takes the source that can be the latest, a month counting as its last day", () => {
    expect(latestSourceDate(["a", "c"], sources)).toBe("2019-03-05");
    expect(latestSourceDate(["a", "b", "c"], sources)).toBe("2019-03");
    expect(latestSourceDate(["b", "a"], sources)).toBe("2019-03");
  });

  it("skips unknown ids and answers undefined when none is known", () => {
    expect(latestSourceDate(["nope", "c"], sources)).toBe("2018-12-31");
    expect(latestSourceDate(["nope"], sources)).toBeUndefined();
  });
});

describe("dateProblems", () => {
  it("finds nothing in the bundled dataset: no fact or later development postdates its sources", () => {
    expect(dateProblems(dataset)).toEqual([]);
  });

  it("reports a fact dated after its newest source, by its last day, with the path of the date", () => {
    const data = structuredClone(dataset);
    const index = data.facts.findIndex((fact) => fact.id === "hanoi-summit");
    data.facts[index].sources = ["npr-2018-05-09"];
    expect(dateProblems(data)).toEqual([
      {
        path: ["facts", index, "endDate"],
        label: 'fact "hanoi-summit"',
        date: "2019-02-28",
        latestSource: "2018-05-09",
      },
    ]);
  });

  it("reports a later development dated after its newest source", () => {
    const data = structuredClone(dataset);
    const index = data.claims.findIndex((claim) => claim.id === "pronoun");
    data.claims[index].laterDevelopments[0].sources = ["npr-2019-06-30"];
    expect(dateProblems(data)).toEqual([
      {
        path: ["claims", index, "laterDevelopments", 0, "date"],
        label: 'claim "pronoun", later development 0',
        date: "2022-06-11",
        latestSource: "2019-06-30",
      },
    ]);
  });
});

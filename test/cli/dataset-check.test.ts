import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { datasetReport, quoteStatus } from "../../lib/cli/dataset-check";
import { dataset } from "../../lib/dataset";
import { articleBodyFromSeed } from "../../lib/detect/fingerprint";
import { seedArticle } from "../helpers";

const ROOT = join(__dirname, "..", "..");
const body = articleBodyFromSeed(seedArticle()).body;

describe("quoteStatus", () => {
  it("counts the quote and checks it with its prefix and suffix, white space and quotes normalised", () => {
    const selector = dataset.claims[0].selector;
    expect(quoteStatus(selector, body)).toEqual({ count: 1, inContext: true });
    expect(quoteStatus({ ...selector, prefix: "not the article's words " }, body)).toEqual({
      count: 1,
      inContext: false,
    });
    expect(quoteStatus({ ...selector, exact: "Ri" }, body).count).toBeGreaterThan(1);
    expect(quoteStatus({ ...selector, exact: "not in the article" }, body).count).toBe(0);
  });
});

describe("datasetReport", () => {
  it("passes the bundled dataset, listing each claim's sources with publisher and date", () => {
    const { lines, problems } = datasetReport(dataset, body);
    expect(problems).toBe(0);
    expect(lines.filter((line) => line.startsWith("ok   "))).toHaveLength(dataset.claims.length);
    expect(lines).toContain("  sources: KCNA via KCNA Watch (2020-06-11)");
    expect(lines.at(-1)).toBe("14 claims checked, no problems");
  });

  it("reports a missing quote and a fact dated after its sources under the claims concerned", () => {
    const data = structuredClone(dataset);
    const friday = data.claims.findIndex((claim) => claim.id === "friday");
    data.claims[friday].selector.exact = "words the article does not have";
    const fact = data.facts.findIndex((entry) => entry.id === "punggye-ri-demolition");
    data.facts[fact].date = "2018-06-01";
    const { lines, problems } = datasetReport(data, body);
    expect(lines).toContain("FAIL friday: quote NOT FOUND in the article");
    const problem = '  PROBLEM: fact "punggye-ri-demolition" is dated 2018-06-01, after its newest source (2018-05-25)';
    // The fact backs two claims; it is listed under both and counted once.
    expect(lines.filter((line) => line === problem)).toHaveLength(2);
    expect(problems).toBe(2);
    expect(lines.at(-1)).toBe("14 claims checked, 2 problems");
  });

  it("reports a later development dated after its sources, and a fact no claim cites", () => {
    const data = structuredClone(dataset);
    const pronoun = data.claims.findIndex((claim) => claim.id === "pronoun");
    data.claims[pronoun].laterDevelopments[0].sources = ["npr-2019-06-30"];
    data.facts.push({ ...data.facts[0], id: "orphan", date: "2030-01-01" });
    const { lines, problems } = datasetReport(data, body);
    expect(lines).toContain(
      '  PROBLEM: claim "pronoun", later development 0 is dated 2022-06-11, after its newest source (2019-06-30)',
    );
    expect(lines).toContain(
      'PROBLEM (fact cited by no claim): fact "orphan" is dated 2030-01-01, after its newest source (2017-09-03)',
    );
    expect(problems).toBe(2);
  });
});

describe("npm run dataset:check", () => {
  it("prints the report and exits 0 on the bundled dataset", () => {
    const result = spawnSync("npm", ["run", "-s", "--prefix", ROOT, "dataset:check"], { encoding: "utf8" });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("ok   unilateral-measures: quote found once, with its prefix and suffix");
    expect(result.stdout).toContain("ok   data/ko.json: a translation of every text");
    expect(result.stdout.trim().split("\n").at(-1)).toBe("14 claims checked, no problems");
  });
});

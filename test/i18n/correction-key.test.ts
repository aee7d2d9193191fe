import { describe, expect, it } from "vitest";
import { correctionKeys } from "../../lib/i18n/correction-key";

describe("correctionKeys", () => {
  it("numbers the corrections of each day from 1, in the log's order", () => {
    const log = [{ date: "2026-12-01" }, { date: "2026-12-01" }, { date: "2027-01" }, { date: "2026-12-01" }];
    expect(correctionKeys(log)).toEqual(["2026-12-01#1", "2026-12-01#2", "2027-01#1", "2026-12-01#3"]);
  });

  it("leaves the keys of the other days as they were when an entry of a new day is added anywhere", () => {
    const log = [{ date: "2026-12-01" }, { date: "2026-12-01" }];
    const before = correctionKeys(log);
    expect(correctionKeys([{ date: "2027-02-03" }, ...log]).slice(1)).toEqual(before);
    expect(correctionKeys([...log, { date: "2027-02-03" }]).slice(0, 2)).toEqual(before);
  });

  it("gives an empty log no keys", () => {
    expect(correctionKeys([])).toEqual([]);
  });
});

import { render, screen, within } from "@testing-library/preact";
import { describe, expect, it } from "vitest";
import { ClaimCorrections, LongDate, VerdictDates } from "../../components/VerdictDates";
import { claimRecord, correctionsOf } from "../../lib/claim-record";
import { claimById, dataset } from "../../lib/dataset";
import type { Claim } from "../../lib/schema";
import { useComponentLifecycle } from "./lifecycle";

useComponentLifecycle();

const claim = (id: string) => claimById(id) as Claim;
const recordOf = (id: string) => claimRecord(dataset, claim(id));
const correctionsForClaim = (id: string) => correctionsOf(dataset, id);

describe("LongDate", () => {
  it("writes the month in full in a <time> carrying the machine-readable date", () => {
    const { container } = render(<LongDate date="2020-06-12" />);
    expect(container.textContent).toBe("12 June 2020");
    expect(container.querySelector("time")?.getAttribute("datetime")).toBe("2020-06-12");
  });
});

describe("VerdictDates", () => {
  it("says “As of” the article's date for a claim never corrected", () => {
    const { container } = render(<VerdictDates record={recordOf("friday")} />);
    expect(container.textContent).toBe("As of 12 June 2020");
    expect(container.querySelector("time")?.getAttribute("datetime")).toBe("2020-06-12");
  });

  it("adds “Corrected” with the newest correction's date for a corrected claim", () => {
    expect(correctionsForClaim("meetings-count")).toHaveLength(1);
    const { container } = render(<VerdictDates record={recordOf("meetings-count")} />);
    expect(container.textContent).toBe("As of 12 June 2020 · Corrected 1 December 2026");
    const times = [...container.querySelectorAll("time")].map((time) => time.getAttribute("datetime"));
    expect(times).toEqual(["2020-06-12", "2026-12-01"]);
  });
});

describe("ClaimCorrections", () => {
  it("renders nothing for a claim never corrected", () => {
    const { container } = render(<ClaimCorrections corrections={correctionsForClaim("friday")} />);
    expect(container.textContent).toBe("");
  });

  it("lists every correction of a claim, dated, with what changed, under a heading", () => {
    render(<ClaimCorrections corrections={correctionsForClaim("unilateral-measures")} headingLevel={4} />);
    const section = screen.getByRole("region", { name: "Corrections" });
    expect(within(section).getByRole("heading", { level: 4, name: "Corrections" })).toBeTruthy();
    const items = within(section).getAllByRole("listitem");
    const expected = correctionsForClaim("unilateral-measures");
    expect(items).toHaveLength(expected.length);
    items.forEach((item, index) => {
      expect(item.textContent).toBe(`Corrected 1 December 2026: ${expected[index].summary}`);
    });
  });

  it("calls a single entry “Correction”", () => {
    render(<ClaimCorrections corrections={correctionsForClaim("meetings-count")} />);
    const section = screen.getByRole("region", { name: "Correction" });
    expect(section.textContent).toContain(
      `Corrected 1 December 2026: ${correctionsForClaim("meetings-count")[0].summary}`,
    );
  });
});

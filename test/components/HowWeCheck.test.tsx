import { render, screen, within } from "@testing-library/preact";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { browser } from "wxt/browser";
import { correctionsNewestFirst, HowWeCheck } from "../../components/HowWeCheck";
import { dataset } from "../../lib/dataset";
import type { Correction } from "../../lib/schema";
import { VERDICT_ORDER, VERDICTS, verdictDefinition } from "../../lib/verdicts";
import { useComponentLifecycle } from "./lifecycle";

useComponentLifecycle();

const section = (name: string) => screen.getByRole("region", { name });
const text = (element: Element) => (element.textContent ?? "").replace(/\s+/g, " ");

describe("HowWeCheck", () => {
  it("has a main heading and the sections of the method, in order", () => {
    render(<HowWeCheck />);
    expect(screen.getByRole("heading", { level: 1, name: "How we check" })).toBeTruthy();
    expect(screen.getAllByRole("heading", { level: 2 }).map((heading) => heading.textContent)).toEqual([
      "The verdicts",
      "How the claims were chosen",
      "Sources",
      "Reporting a problem, and how a correction is made",
      "Corrections log",
    ]);
  });

  it("names the article and the dataset's version and date", () => {
    render(<HowWeCheck />);
    const main = screen.getByRole("main");
    expect(text(main)).toContain(`“${dataset.article.title}”, published on 12 June 2020`);
    expect(text(main)).toContain(`Dataset version ${dataset.meta.version}, 1 December 2026: 14 claims`);
  });

  it("gives every verdict, worst first, with its chip and its definition", () => {
    render(<HowWeCheck />);
    const verdicts = section("The verdicts");
    expect(text(verdicts)).toContain("as of the article’s date, 12 June 2020");
    const terms = within(verdicts).getAllByRole("term");
    const definitions = within(verdicts).getAllByRole("definition");
    expect(terms.map((term) => term.querySelector("[data-verdict]")?.getAttribute("data-verdict"))).toEqual(
      VERDICT_ORDER,
    );
    expect(terms.map((term) => text(term))).toEqual(
      VERDICT_ORDER.map((verdict) => `${VERDICTS[verdict].icon} ${VERDICTS[verdict].label}`),
    );
    expect(definitions.map((definition) => definition.textContent)).toEqual(VERDICT_ORDER.map(verdictDefinition));
  });

  it("says how the claims were chosen and what the sourcing policy is", () => {
    render(<HowWeCheck />);
    const chosen = text(section("How the claims were chosen"));
    for (const kind of ["dates", "counts", "the status of sanctions", "the sequence of events", "attributions"])
      expect(chosen).toContain(kind);
    expect(chosen).toContain("That gives 14 claims");
    const sources = text(section("Sources"));
    for (const rule of [
      "Primary sources first.",
      "Every fact is dated.",
      "Later developments are dated and sourced.",
      "Syndicated copies are labelled.",
    ])
      expect(sources).toContain(rule);
  });

  it("says where reports go and how a correction is made, with a link to the settings", async () => {
    const openOptions = vi.spyOn(browser.runtime, "openOptionsPage").mockResolvedValue(undefined);
    render(<HowWeCheck />);
    const contact = section("Reporting a problem, and how a correction is made");
    expect(text(contact)).toContain("Report a problem with this annotation");
    expect(text(contact)).toContain("with no address set, nothing is sent");
    expect(text(contact)).toContain("log the correction below, dated");
    await userEvent.setup().click(within(contact).getByRole("link", { name: "settings page" }));
    expect(openOptions).toHaveBeenCalledOnce();
  });

  it("renders the corrections log from the dataset, newest first, each entry dated with the claims it concerns", () => {
    render(<HowWeCheck />);
    const entries = within(section("Corrections log")).getAllByRole("listitem");
    const expected = correctionsNewestFirst(dataset.corrections);
    expect(entries).toHaveLength(dataset.corrections.length);
    entries.forEach((entry, index) => {
      const correction = expected[index];
      expect(entry.querySelector("time")?.getAttribute("datetime")).toBe(correction.date);
      expect(text(entry)).toContain(correction.summary);
      if (correction.claimIds.length === 0) expect(text(entry)).toContain("The dataset as a whole");
      for (const claimId of correction.claimIds) {
        const quote = dataset.claims.find((claim) => claim.id === claimId)?.selector.exact;
        expect(text(entry)).toContain(`“${quote}”`);
      }
    });
  });

  it("says so when the log is empty", () => {
    render(<HowWeCheck data={{ ...dataset, corrections: [] }} />);
    expect(within(section("Corrections log")).getByText("No correction has been made.")).toBeTruthy();
    expect(within(section("Corrections log")).queryByRole("list")).toBeNull();
  });
});

describe("correctionsNewestFirst", () => {
  it("orders by date, newest first, keeping the log's order within a day", () => {
    const entry = (date: string, summary: string): Correction => ({ date, claimIds: [], summary });
    const log = [entry("2026-01-05", "a"), entry("2026-12-01", "b"), entry("2026-01-05", "c"), entry("2027-02", "d")];
    expect(correctionsNewestFirst(log).map((correction) => correction.summary)).toEqual(["d", "b", "a", "c"]);
    expect(log[0].summary).toBe("a");
  });
});

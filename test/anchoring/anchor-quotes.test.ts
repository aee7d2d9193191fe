import { describe, expect, it } from "vitest";
import { anchorQuotes } from "../../lib/anchoring/anchor-quotes";
import { indexHtml } from "../helpers";

const quotes = [
  { exact: "Kim and Trump met in Singapore", prefix: "", suffix: " on June 12" },
  { exact: "Trump, who has since met with Kim three times", prefix: "US sanctions. ", suffix: ", has so far" },
  { exact: "She said the past two years of diplomacy", prefix: "", suffix: "" },
];

describe("anchorQuotes", () => {
  it("anchors each quote to a range and reports a missing one as null", () => {
    const index = indexHtml(
      "<p>Kim and Trump met in <a href='/sg'>Singapore</a> on June 12.</p><p>… US sanctions. Trump, who has since met with Kim three times, has so far refused.</p>",
    );
    const [singapore, meetings, pronoun] = anchorQuotes(index, quotes);
    expect(singapore).toMatchObject({ match: "exact", score: 1, text: "Kim and Trump met in Singapore" });
    expect(singapore?.range.toString()).toBe("Kim and Trump met in Singapore");
    expect(meetings?.text).toBe("Trump, who has since met with Kim three times");
    expect(pronoun).toBeNull();
  });

  it("anchors across an ad box the filter does not know, as a fuzzy match", () => {
    const index = indexHtml(
      "<p>US sanctions. Trump, who has since met <span class='x7'>Story continues below</span> with Kim three times, has so far</p>",
    );
    const [, meetings] = anchorQuotes(index, quotes);
    expect(meetings?.match).toBe("fuzzy");
    expect(meetings?.range.toString()).toBe("Trump, who has since met Story continues below with Kim three times");
  });

  it("leaves out an ad box the filter knows from the anchored text, but keeps it an exact match", () => {
    const index = indexHtml(
      "<p>US sanctions. Trump, who has since met <span class='ad-label'>Advertisement</span>with Kim three times, has so far</p>",
    );
    const [, meetings] = anchorQuotes(index, quotes);
    expect(meetings).toMatchObject({ match: "exact", text: "Trump, who has since met with Kim three times" });
  });

  it("prefers the occurrence between its anchored neighbours for a fuzzy match", () => {
    const reworded = "Trump, who has since met with Kim three time";
    const index = indexHtml(
      `<p>${reworded} (an early teaser).</p><p>Kim and Trump met in Singapore on June 12.</p><p>${reworded} again.</p><p>She said the past two years of diplomacy</p>`,
    );
    const bare = quotes.map((quote) => ({ ...quote, prefix: "", suffix: "" }));
    const [singapore, meetings, pronoun] = anchorQuotes(index, bare);
    expect(meetings?.match).toBe("fuzzy");
    expect(meetings?.start).toBeGreaterThan(singapore?.start ?? Number.POSITIVE_INFINITY);
    expect(meetings?.start).toBeLessThan(pronoun?.start ?? 0);
  });
});

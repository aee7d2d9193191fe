import { cleanup, render, screen, within } from "@testing-library/preact";
import { afterEach, describe, expect, it } from "vitest";
import { ClaimDetails, describeMatch } from "../../components/ClaimDetails";
import { claimRecord } from "../../lib/claim-record";
import { claimById, dataset } from "../../lib/dataset";
import { formatDate } from "../../lib/i18n/dates";
import type { Claim } from "../../lib/schema";

afterEach(cleanup);

function claim(id: string): Claim {
  const found = claimById(id);
  if (!found) throw new Error(`no claim ${id}`);
  return found;
}

/** What `ClaimDetails` shows for `claimToShow`, from the bundled dataset. */
const recordOf = (claimToShow: Claim) => claimRecord(dataset, claimToShow);

/** The list under the heading called `name`. */
function listUnder(name: string): HTMLElement {
  const heading = screen.getByRole("heading", { name });
  const section = heading.closest("section");
  if (!section) throw new Error(`no section for ${name}`);
  return within(section).getByRole("list");
}

describe("ClaimDetails", () => {
  it("shows the summary and the explanation", () => {
    const testSite = claim("test-site");
    render(<ClaimDetails record={recordOf(testSite)} />);
    expect(screen.getByText(testSite.summary)).toBeTruthy();
    expect(screen.getByText(testSite.explanation)).toBeTruthy();
  });

  it("lists the claim's facts under 'What the record shows', in date order, each with its date and label", () => {
    render(<ClaimDetails record={recordOf(claim("test-site"))} />);
    const items = within(listUnder("What the record shows")).getAllByRole("listitem");
    expect(items).toHaveLength(2);
    expect(items[0].textContent).toMatch(/^24 May 2018 Punggye-ri test tunnels blown up\. North Korea blew up/);
    expect(items[1].textContent).toMatch(
      /^12 Jun 2018 Singapore summit\. Kim Jong Un and Donald Trump held their first summit/,
    );
    expect(items[0].querySelector("time")?.getAttribute("datetime")).toBe("2018-05-24");
  });

  it("shows a multi-day fact with its end date", () => {
    render(<ClaimDetails record={recordOf(claim("singapore-date"))} />);
    const hanoi = within(listUnder("What the record shows"))
      .getAllByRole("listitem")
      .find((item) => item.textContent?.includes("Hanoi summit"));
    expect(hanoi?.textContent).toMatch(/^27–28 Feb 2019 Hanoi summit, no deal\./);
    expect([...(hanoi?.querySelectorAll("time") ?? [])].map((time) => time.getAttribute("datetime"))).toEqual([
      "2019-02-27",
      "2019-02-28",
    ]);
  });

  it("renders every source as an https link opened safely, with publisher, title and date", () => {
    const testSite = claim("test-site");
    render(<ClaimDetails record={recordOf(testSite)} />);
    const items = within(listUnder("Sources")).getAllByRole("listitem");
    expect(items).toHaveLength(testSite.sources.length);
    testSite.sources.forEach((sourceId, index) => {
      const source = dataset.sources.find((entry) => entry.id === sourceId);
      if (!source) throw new Error(sourceId);
      const link = within(items[index]).getByRole("link");
      expect(link.getAttribute("href")).toBe(source.url);
      expect(link.getAttribute("href")).toMatch(/^https:\/\//);
      expect(link.getAttribute("target")).toBe("_blank");
      expect(link.getAttribute("rel")).toBe("noopener noreferrer");
      expect(items[index].textContent).toContain(source.publisher);
      if (source.title) expect(link.textContent).toContain(source.title);
      expect(items[index].textContent).toContain(formatDate(source.date));
    });
  });

  it("links an untitled source by its publisher and makes up no title", () => {
    render(<ClaimDetails record={recordOf(claim("test-suspension"))} />);
    const tass = within(listUnder("Sources")).getByRole("link", { name: /^TASS/ });
    expect(tass.getAttribute("href")).toBe("https://tass.com/world/1137235");
    expect(tass.closest("li")?.textContent).toBe("TASS (opens in a new tab), 29 Mar 2020");
  });

  it("lists later developments with their dates under 'Since then', and their sources", () => {
    const electionThreat = claim("election-threat");
    render(<ClaimDetails record={recordOf(electionThreat)} />);
    const items = within(listUnder("Since then")).getAllByRole("listitem");
    expect(items.map((item) => item.textContent)).toEqual(
      electionThreat.laterDevelopments.map((later) => `${formatDate(later.date)} ${later.text}`),
    );
    const sourceLinks = within(listUnder("Sources"))
      .getAllByRole("link")
      .map((link) => link.getAttribute("href"));
    for (const later of electionThreat.laterDevelopments) {
      for (const sourceId of later.sources) {
        const url = dataset.sources.find((source) => source.id === sourceId)?.url;
        expect(sourceLinks).toContain(url);
      }
    }
  });

  it("has no 'Since then' section when nothing happened since", () => {
    render(<ClaimDetails record={recordOf(claim("test-site"))} />);
    expect(screen.queryByRole("heading", { name: "Since then" })).toBeNull();
  });

  it("says how the claim was anchored, when it was", () => {
    const testSite = claim("test-site");
    const { rerender } = render(<ClaimDetails record={recordOf(testSite)} />);
    expect(screen.queryByText(/^Matched/)).toBeNull();
    rerender(<ClaimDetails record={recordOf(testSite)} anchor={{ claimId: "test-site", match: "exact", score: 1 }} />);
    expect(screen.getByText("Matched exactly")).toBeTruthy();
    rerender(
      <ClaimDetails record={recordOf(testSite)} anchor={{ claimId: "test-site", match: "fuzzy", score: 0.8712 }} />,
    );
    expect(screen.getByText("Matched approximately (score 0.87)")).toBeTruthy();
    expect(describeMatch({ claimId: "test-site", match: "fuzzy", score: 0.9 })).toBe(
      "Matched approximately (score 0.90)",
    );
  });

  it("uses the heading level it is given and can leave the summary out", () => {
    const testSite = claim("test-site");
    render(<ClaimDetails record={recordOf(testSite)} headingLevel={4} showSummary={false} />);
    expect(screen.getByRole("heading", { name: "Sources" }).tagName).toBe("H4");
    expect(screen.queryByText(testSite.summary)).toBeNull();
  });

  it("renders dataset text as text, never as markup", () => {
    const hostile: Claim = {
      ...claim("test-site"),
      summary: '<img src="x" onerror="alert(1)">',
      explanation: "<b>bold</b> & <script>alert(2)</script>",
    };
    const { container } = render(<ClaimDetails record={recordOf(hostile)} />);
    expect(container.querySelector("img, b, script")).toBeNull();
    expect(screen.getByText('<img src="x" onerror="alert(1)">')).toBeTruthy();
    expect(screen.getByText("<b>bold</b> & <script>alert(2)</script>")).toBeTruthy();
  });
});

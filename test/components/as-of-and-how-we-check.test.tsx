/**
 * Where verdicts are shown (the in-page card, the popup's claim list) they
 * carry their dates: "As of 12 June 2020", "Corrected 1 December 2026" and
 * the corrections themselves; later developments carry their own. Every
 * view leads to "How we check": the popup (with the dataset's version and
 * date) and the options page by link, the card by a button that acts only
 * on the reader's own click.
 */
import { fireEvent, render, screen, waitFor, within } from "@testing-library/preact";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import { ClaimCard } from "../../components/ClaimCard";
import { ClaimList } from "../../components/ClaimList";
import { OptionsPage } from "../../components/OptionsPage";
import { PopupApp } from "../../components/PopupApp";
import { claimRecord, correctionsOf } from "../../lib/claim-record";
import { claimById, dataset } from "../../lib/dataset";
import type { Claim } from "../../lib/schema";
import { DEFAULT_SETTINGS } from "../../lib/settings";
import { setTabState } from "../../lib/storage";
import { useComponentLifecycle } from "./lifecycle";

useComponentLifecycle();

const claim = (id: string) => claimById(id) as Claim;

function renderCard(id: string) {
  render(
    <ClaimCard
      record={claimRecord(dataset, claim(id))}
      article={dataset.article}
      anchor={{ claimId: id, match: "exact", score: 1 }}
      left={0}
      top={0}
      takeFocus={false}
      onClose={vi.fn()}
      onLeave={vi.fn()}
      onHover={vi.fn()}
    />,
  );
  return screen.getByRole("dialog");
}

/** The text of an element with its white space collapsed. */
const text = (element: Element) => (element.textContent ?? "").replace(/\s+/g, " ");

describe("the claim card", () => {
  it("says “As of 12 June 2020” next to the verdict", () => {
    const dialog = renderCard("friday");
    const header = dialog.querySelector(".fc-card__header") as HTMLElement;
    expect(text(header)).toContain("Accurate");
    expect(text(header)).toContain("As of 12 June 2020");
    expect(text(dialog)).not.toContain("Corrected");
  });

  it("says a corrected claim was corrected, with the date, and what the correction changed", () => {
    const dialog = renderCard("meetings-count");
    const header = dialog.querySelector(".fc-card__header") as HTMLElement;
    expect(text(header)).toContain("As of 12 June 2020 · Corrected 1 December 2026");
    const section = within(dialog).getByRole("region", { name: "Correction" });
    expect(text(section)).toContain(
      `Corrected 1 December 2026: ${correctionsOf(dataset, "meetings-count")[0].summary}`,
    );
  });

  it("dates every later development (“Since then”)", () => {
    const dialog = renderCard("election-threat");
    const since = within(dialog).getByRole("region", { name: "Since then" });
    const items = within(since).getAllByRole("listitem");
    const later = claim("election-threat").laterDevelopments;
    expect(items).toHaveLength(later.length);
    items.forEach((item, index) => {
      expect(item.querySelector("time")?.getAttribute("datetime")).toBe(later[index].date);
    });
  });

  it("has a “How we check” button, and no link into the extension a page could follow", () => {
    const dialog = renderCard("friday");
    expect(within(dialog).getByRole("button", { name: /^How we check/ })).toBeTruthy();
    for (const link of dialog.querySelectorAll("a")) expect(link.getAttribute("href")).toMatch(/^https:\/\//);
  });

  it("opens nothing on a click the page made up (an untrusted event), and sends no message", async () => {
    const sent: unknown[] = [];
    fakeBrowser.runtime.onMessage.addListener(async (message: unknown) => sent.push(message));
    const create = vi.spyOn(fakeBrowser.tabs, "create");
    const dialog = renderCard("friday");
    const button = within(dialog).getByRole("button", { name: /How we check/ });
    // jsdom's events, like a page script's, are untrusted; the reader's own click is tested in Chromium.
    button.click();
    fireEvent.click(button);
    await userEvent.setup().click(button);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(sent).toEqual([]);
    expect(create).not.toHaveBeenCalled();
    expect(within(dialog).queryByText(/could not be opened/)).toBeNull();
  });
});

describe("the popup's claim list", () => {
  function renderList() {
    render(
      <ClaimList
        tabId={7}
        anchors={[
          { claimId: "friday", match: "exact", score: 1 },
          { claimId: "meetings-count", match: "exact", score: 1 },
        ]}
        settings={DEFAULT_SETTINGS}
        closeOnShow={false}
      />,
    );
    const item = (id: string) => document.querySelector(`[data-claim="${id}"]`) as HTMLElement;
    return { item, user: userEvent.setup() };
  }

  it("says “As of 12 June 2020” next to each verdict, and “Corrected” with the date for a corrected claim", () => {
    const { item } = renderList();
    const head = (id: string) => text(item(id).querySelector(".fc-claim__head") as HTMLElement);
    expect(head("friday")).toContain("As of 12 June 2020");
    expect(head("friday")).not.toContain("Corrected");
    expect(head("meetings-count")).toContain("As of 12 June 2020 · Corrected 1 December 2026");
  });

  it("shows what the correction changed in the claim's details", async () => {
    const { item, user } = renderList();
    await user.click(within(item("meetings-count")).getByRole("button", { name: /Details/ }));
    const section = within(item("meetings-count")).getByRole("region", { name: "Correction" });
    expect(text(section)).toContain(
      `Corrected 1 December 2026: ${correctionsOf(dataset, "meetings-count")[0].summary}`,
    );
  });
});

describe("links to “How we check” from the extension's pages", () => {
  const expectPageLink = (link: HTMLElement) => {
    expect(link.getAttribute("href")).toBe(fakeBrowser.runtime.getURL("/how-we-check.html"));
    expect(link.getAttribute("target")).toBe("_blank");
    expect(link.getAttribute("rel")?.split(" ")).toEqual(expect.arrayContaining(["noopener", "noreferrer"]));
  };

  it("the popup gives the dataset's version and date, and links to the page", async () => {
    await setTabState(7, {
      url: "https://news.example.com/nk",
      article: { id: dataset.article.id, score: 0.9 },
      claims: [{ claimId: "meetings-count", match: "exact", score: 1 }],
    });
    render(<PopupApp search="?tabId=7" />);
    await waitFor(() => expect(screen.getByRole("status").textContent).toContain("Found on this page: 1 claim"));
    const line = document.querySelector(".popup__dataset") as HTMLElement;
    expect(text(line)).toContain(`Dataset version ${dataset.meta.version}, 1 December 2026`);
    expect(line.querySelector("time")?.getAttribute("datetime")).toBe(dataset.meta.date);
    expectPageLink(screen.getByRole("link", { name: /^How we check/ }));
    expect(text(document.querySelector('[data-claim="meetings-count"]') as HTMLElement)).toContain(
      "As of 12 June 2020 · Corrected 1 December 2026",
    );
  });

  it("the options page links to the page", async () => {
    render(<OptionsPage />);
    expectPageLink(await screen.findByRole("link", { name: /^How we check/ }));
  });
});

import { render, screen, waitFor, within } from "@testing-library/preact";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { browser } from "wxt/browser";
import { fakeBrowser } from "wxt/testing/fake-browser";
import { ClaimList, hiddenReason } from "../../components/ClaimList";
import { claimById, dataset } from "../../lib/dataset";
import type { ReportDraft } from "../../lib/reports/schema";
import type { AnchoredClaim, Settings } from "../../lib/schema";
import { DEFAULT_SETTINGS } from "../../lib/settings";
import { useComponentLifecycle } from "./lifecycle";

useComponentLifecycle();

const anchor = (claimId: string, match: "exact" | "fuzzy" = "exact", score = 1): AnchoredClaim => ({
  claimId,
  match,
  score,
});
/** Three claims, given out of article order. */
const ANCHORS = [anchor("meetings-count"), anchor("friday"), anchor("test-site", "fuzzy", 0.87)];

function renderList(props: { settings?: Settings; hostname?: string; closeOnShow?: boolean } = {}) {
  return render(
    <ClaimList
      tabId={7}
      anchors={ANCHORS}
      settings={props.settings ?? DEFAULT_SETTINGS}
      hostname={props.hostname}
      closeOnShow={props.closeOnShow ?? true}
    />,
  );
}

const items = () => within(screen.getByRole("list")).getAllByRole("listitem");
const itemFor = (claimId: string) => {
  const item = items().find((entry) => entry.getAttribute("data-claim") === claimId);
  if (!item) throw new Error(`no item for ${claimId}`);
  return item;
};

describe("ClaimList", () => {
  it("lists the anchored claims in article order with verdict chip, quote and summary", () => {
    renderList();
    expect(items().map((item) => item.getAttribute("data-claim"))).toEqual(["friday", "test-site", "meetings-count"]);
    const testSite = claimById("test-site");
    const item = itemFor("test-site");
    expect(item.querySelector(".fc-verdict-chip")?.textContent).toBe("✗ Inaccurate");
    expect(within(item).getByText(`“${testSite?.selector.exact}”`)).toBeTruthy();
    expect(within(item).getByText(testSite?.summary ?? "")).toBeTruthy();
    expect(itemFor("friday").querySelector(".fc-verdict-chip")?.textContent).toBe("✓ Accurate");
  });

  it("leaves out ids the dataset does not know", () => {
    render(
      <ClaimList
        tabId={7}
        anchors={[anchor("friday"), anchor("no-such-claim")]}
        settings={DEFAULT_SETTINGS}
        closeOnShow
      />,
    );
    expect(items()).toHaveLength(1);
  });

  it("says so when no claim was found", () => {
    render(<ClaimList tabId={7} anchors={[]} settings={DEFAULT_SETTINGS} closeOnShow />);
    expect(screen.getByText("No claim of the article was found on this page.")).toBeTruthy();
  });

  it("expands and collapses the full review with a disclosure button", async () => {
    const user = userEvent.setup();
    renderList();
    const toggle = within(itemFor("test-site")).getByRole("button", { name: "Details" });
    const panel = document.getElementById(toggle.getAttribute("aria-controls") ?? "") as HTMLElement;
    expect(toggle.getAttribute("aria-expanded")).toBe("false");
    expect(panel.hidden).toBe(true);
    expect(within(panel).queryByRole("heading")).toBeNull();

    await user.click(toggle);
    expect(toggle.getAttribute("aria-expanded")).toBe("true");
    expect(panel.hidden).toBe(false);
    expect(within(panel).getByRole("heading", { name: "What the record shows" })).toBeTruthy();
    expect(within(panel).getByText("Matched approximately (score 0.87)")).toBeTruthy();
    expect(within(panel).getAllByRole("link")[0].getAttribute("rel")).toBe("noopener noreferrer");

    await user.click(toggle);
    expect(toggle.getAttribute("aria-expanded")).toBe("false");
    expect(panel.hidden).toBe(true);
  });

  it("'Show in page' asks the tab's overlay to show the claim, then closes the popup", async () => {
    const user = userEvent.setup();
    const send = vi.spyOn(browser.tabs, "sendMessage").mockResolvedValue(undefined);
    const close = vi.spyOn(window, "close").mockImplementation(() => {});
    renderList({ closeOnShow: true });
    await user.click(within(itemFor("meetings-count")).getByRole("button", { name: "Show in page" }));
    expect(send).toHaveBeenCalledWith(7, { type: "show-claim", claimId: "meetings-count" }, { frameId: 0 });
    await waitFor(() => expect(close).toHaveBeenCalledTimes(1));
  });

  it("does not close the window when opened as a page", async () => {
    const user = userEvent.setup();
    const send = vi.spyOn(browser.tabs, "sendMessage").mockResolvedValue(undefined);
    const close = vi.spyOn(window, "close").mockImplementation(() => {});
    renderList({ closeOnShow: false });
    await user.click(within(itemFor("friday")).getByRole("button", { name: "Show in page" }));
    expect(send).toHaveBeenCalledWith(7, { type: "show-claim", claimId: "friday" }, { frameId: 0 });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(close).not.toHaveBeenCalled();
  });

  it("'Show in page' asks the overlay of the frame the claim was found in (an iframe that carries the article)", async () => {
    const user = userEvent.setup();
    const send = vi.spyOn(browser.tabs, "sendMessage").mockResolvedValue(undefined);
    vi.spyOn(window, "close").mockImplementation(() => {});
    const framed = { ...anchor("friday"), frameId: 6, frameUrl: "https://embed.wire.example/story" };
    render(<ClaimList tabId={7} anchors={[framed, anchor("test-site")]} settings={DEFAULT_SETTINGS} closeOnShow />);
    await user.click(within(itemFor("friday")).getByRole("button", { name: "Show in page" }));
    expect(send).toHaveBeenLastCalledWith(7, { type: "show-claim", claimId: "friday" }, { frameId: 6 });
    await user.click(within(itemFor("test-site")).getByRole("button", { name: "Show in page" }));
    expect(send).toHaveBeenLastCalledWith(7, { type: "show-claim", claimId: "test-site" }, { frameId: 0 });
  });

  it("stays open and says so when the page does not answer", async () => {
    const user = userEvent.setup();
    vi.spyOn(browser.tabs, "sendMessage").mockRejectedValue(new Error("Receiving end does not exist."));
    const close = vi.spyOn(window, "close").mockImplementation(() => {});
    renderList({ closeOnShow: true });
    await user.click(within(itemFor("friday")).getByRole("button", { name: "Show in page" }));
    expect(await within(itemFor("friday")).findByText(/The page did not answer/)).toBeTruthy();
    expect(close).not.toHaveBeenCalled();
  });

  it("still lists claims hidden by the switches, marked 'hidden on the page'", () => {
    renderList({ settings: { ...DEFAULT_SETTINGS, hiddenTopics: ["meetings"], hiddenVerdicts: ["accurate"] } });
    expect(items()).toHaveLength(3);
    expect(itemFor("meetings-count").textContent).toContain("Hidden on the page (Meetings switched off)");
    expect(itemFor("friday").textContent).toContain("Hidden on the page (Accurate switched off)");
    expect(itemFor("test-site").textContent).not.toMatch(/hidden on the page/i);
  });

  it("marks every claim hidden when annotations are off everywhere or on this site", () => {
    const { unmount } = renderList({ settings: { ...DEFAULT_SETTINGS, enabled: false } });
    expect(items().every((item) => /Hidden on the page \(annotations are off\)/.test(item.textContent ?? ""))).toBe(
      true,
    );
    unmount();
    renderList({
      settings: { ...DEFAULT_SETTINGS, disabledSites: ["news.example.com"] },
      hostname: "news.example.com",
    });
    expect(items().every((item) => item.textContent?.includes("annotations are off on news.example.com"))).toBe(true);
  });
});

describe("ClaimList reports", () => {
  it("each claim has a Report button that expands the report form for that claim, sent through the background", async () => {
    const user = userEvent.setup();
    const received: unknown[] = [];
    fakeBrowser.runtime.onMessage.addListener(async (message: unknown) => {
      received.push(message);
      const { draft } = message as { draft: ReportDraft };
      return {
        ok: true,
        report: { id: crypto.randomUUID(), createdAt: new Date().toISOString(), draft, state: "local", attempts: 0 },
      };
    });
    const page = { title: "North Korea vows", url: "https://news.example.com/world/nk" };
    render(<ClaimList tabId={7} anchors={ANCHORS} settings={DEFAULT_SETTINGS} closeOnShow page={page} />);
    const item = itemFor("test-site");
    const report = within(item).getByRole("button", { name: "Report a problem with this claim" });
    expect(report.textContent).toBe("Report");
    expect(report.getAttribute("aria-expanded")).toBe("false");
    expect(within(item).queryByRole("textbox", { name: "Comment" })).toBeNull();

    await user.click(report);
    expect(report.getAttribute("aria-expanded")).toBe("true");
    const form = document.getElementById(report.getAttribute("aria-controls") ?? "") as HTMLElement;
    await user.type(within(form).getByRole("textbox", { name: "Comment" }), "Wrong year");
    await user.click(within(form).getByRole("checkbox", { name: "Include page address" }));
    await user.click(within(form).getByRole("button", { name: /Send/ }));
    expect(await within(form).findByRole("status")).toBeTruthy();
    expect(received).toEqual([
      {
        type: "submit-report",
        draft: { kind: "dispute", claimId: "test-site", reason: "wrong-verdict", comment: "Wrong year", page },
      },
    ]);
    // Only that claim's form opened.
    expect(within(itemFor("friday")).queryByRole("textbox", { name: "Comment" })).toBeNull();

    await user.click(within(form).getByRole("button", { name: "Close" }));
    expect(report.getAttribute("aria-expanded")).toBe("false");
    expect(document.activeElement).toBe(report);
  });

  it("without the tab's page, reports with the article's title and no address", async () => {
    const user = userEvent.setup();
    renderList();
    await user.click(within(itemFor("friday")).getByRole("button", { name: "Report a problem with this claim" }));
    expect(within(itemFor("friday")).queryByRole("checkbox", { name: "Include page address" })).toBeNull();
  });
});

describe("hiddenReason", () => {
  const sanctions = dataset.claims.find((claim) => claim.topic === "sanctions");
  if (!sanctions) throw new Error("no sanctions claim");

  it("is null when the claim shows", () => {
    expect(hiddenReason(sanctions, DEFAULT_SETTINGS, "news.example.com")).toBeNull();
    expect(
      hiddenReason(sanctions, { ...DEFAULT_SETTINGS, disabledSites: ["other.example"] }, "news.example.com"),
    ).toBeNull();
  });

  it("names the switch that hides it", () => {
    expect(hiddenReason(sanctions, { ...DEFAULT_SETTINGS, hiddenTopics: ["sanctions"] })).toBe(
      "Sanctions switched off",
    );
  });
});

describe("ClaimList copy link", () => {
  it("“Copy link to this claim” copies the tab's address with the claim's text fragment", async () => {
    // After user-event's setup, which puts a clipboard stub of its own on navigator.
    const user = userEvent.setup();
    const writeText = vi.fn(async () => {});
    Object.defineProperty(navigator, "clipboard", { value: { writeText }, configurable: true });
    render(
      <ClaimList
        tabId={7}
        anchors={[{ ...anchor("friday"), textDirective: "Ri%20Son%20Gwon%20on%20Friday" }, anchor("test-site")]}
        settings={DEFAULT_SETTINGS}
        closeOnShow={false}
        page={{ title: "A page", url: "https://news.example/story?id=1#comments" }}
      />,
    );
    await user.click(within(itemFor("friday")).getByRole("button", { name: "Copy link to this claim" }));
    expect(writeText).toHaveBeenLastCalledWith("https://news.example/story?id=1#:~:text=Ri%20Son%20Gwon%20on%20Friday");
    expect(within(itemFor("friday")).getByRole("button", { name: "Copied" })).toBeTruthy();
    // Without a directive from the page, the dataset's quote.
    await user.click(within(itemFor("test-site")).getByRole("button", { name: "Copy link to this claim" }));
    expect(writeText).toHaveBeenLastCalledWith(
      expect.stringMatching(/^https:\/\/news\.example\/story\?id=1#:~:text=.*In%20the%20wake%20of/),
    );
  });

  it("links a claim found in an iframe to the frame's own page, where a text fragment can find it", async () => {
    const user = userEvent.setup();
    const writeText = vi.fn(async () => {});
    Object.defineProperty(navigator, "clipboard", { value: { writeText }, configurable: true });
    const directive = { textDirective: "Ri%20Son%20Gwon%20on%20Friday" };
    render(
      <ClaimList
        tabId={7}
        anchors={[
          { ...anchor("friday"), ...directive, frameId: 3, frameUrl: "https://embed.wire.example/story" },
          { ...anchor("test-site"), frameId: 4, frameUrl: "about:srcdoc" },
          { ...anchor("pronoun"), frameId: 0, frameUrl: "https://news.example/story" },
        ]}
        settings={DEFAULT_SETTINGS}
        closeOnShow={false}
        page={{ title: "A page", url: "https://news.example/story" }}
      />,
    );
    await user.click(within(itemFor("friday")).getByRole("button", { name: "Copy link to this claim" }));
    expect(writeText).toHaveBeenLastCalledWith(
      "https://embed.wire.example/story#:~:text=Ri%20Son%20Gwon%20on%20Friday",
    );
    // A srcdoc frame has no address of its own to link to.
    expect(within(itemFor("test-site")).queryByRole("button", { name: "Copy link to this claim" })).toBeNull();
    await user.click(within(itemFor("pronoun")).getByRole("button", { name: "Copy link to this claim" }));
    expect(writeText).toHaveBeenLastCalledWith(expect.stringMatching(/^https:\/\/news\.example\/story#:~:text=/));
  });

  it("has no “Copy link” without the tab's address", () => {
    renderList();
    expect(screen.queryByRole("button", { name: "Copy link to this claim" })).toBeNull();
  });
});

import { cleanup, render, screen, waitFor, within } from "@testing-library/preact";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { type Browser, browser } from "wxt/browser";
import { fakeBrowser } from "wxt/testing/fake-browser";
import { PopupApp, resolveTarget } from "../../components/PopupApp";
import { dataset } from "../../lib/dataset";
import type { TabState } from "../../lib/schema";
import { setTabState, updateSettings } from "../../lib/storage";
import { useComponentLifecycle } from "./lifecycle";

useComponentLifecycle();

/** Three claims on news.example.com: two flagged (inaccurate), one accurate. */
const STATE: TabState = {
  url: "https://news.example.com/world/north-korea",
  article: { id: dataset.article.id, score: 0.8 },
  claims: [
    { claimId: "friday", match: "exact", score: 1 },
    { claimId: "test-site", match: "exact", score: 1 },
    { claimId: "meetings-count", match: "fuzzy", score: 0.9 },
  ],
};

const status = () => screen.getByRole("status");

/** Makes `tabs.query({active, currentWindow})` answer with this tab (the fake browser has no focused window). */
function activeTab(id: number, url: string) {
  const tab = { id, url, index: 0, active: true } as Browser.tabs.Tab;
  return vi
    .spyOn(browser.tabs, "query")
    .mockImplementation((() => Promise.resolve([tab])) as typeof browser.tabs.query);
}

describe("PopupApp", () => {
  it("says when the article is not on the tab", async () => {
    render(<PopupApp search="?tabId=7" />);
    await waitFor(() => expect(status().textContent).toBe("The article is not on this page."));
    expect(screen.queryByRole("heading", { name: "Claims on this page" })).toBeNull();
    // The timeline and the switches are there regardless.
    expect(screen.getByRole("img", { name: /^Timeline from/ })).toBeTruthy();
    expect(await screen.findByRole("switch", { name: "Annotations on all sites" })).toBeTruthy();
  });

  it("counts the claims found and the flagged ones, and lists them", async () => {
    await setTabState(7, STATE);
    render(<PopupApp search="?tabId=7" />);
    await waitFor(() => expect(status().textContent).toContain("Found on this page: 3 claims"));
    expect(status().textContent).toContain("2 inaccurate or misleading");
    const list = screen.getByRole("heading", { name: "Claims on this page" }).closest("section") as HTMLElement;
    expect(within(list).getAllByRole("button", { name: "Show in page" })).toHaveLength(3);
  });

  it("shows the tab named by ?tabId, not the active tab, and takes its host name from that tab", async () => {
    const tab = await fakeBrowser.tabs.create({ url: "https://syndicated.example.org/story" });
    await setTabState(tab.id as number, STATE);
    const query = activeTab(99, "https://elsewhere.example/");
    render(<PopupApp search={`?tabId=${tab.id}`} />);
    await waitFor(() => expect(status().textContent).toContain("Found on this page: 3 claims"));
    expect(await screen.findByRole("switch", { name: "Annotations on syndicated.example.org" })).toBeTruthy();
    expect(query).not.toHaveBeenCalled();
  });

  it("falls back to the host name in the tab's state when the tab cannot be read", async () => {
    await setTabState(7, STATE);
    render(<PopupApp search="?tabId=7" />);
    expect(await screen.findByRole("switch", { name: "Annotations on news.example.com" })).toBeTruthy();
  });

  it("without ?tabId shows the active tab of the current window", async () => {
    await setTabState(3, STATE);
    const query = activeTab(3, "https://news.example.com/world/north-korea");
    render(<PopupApp search="" />);
    await waitFor(() => expect(status().textContent).toContain("Found on this page: 3 claims"));
    expect(query).toHaveBeenCalledWith({ active: true, currentWindow: true });
    expect(await screen.findByRole("switch", { name: "Annotations on news.example.com" })).toBeTruthy();
  });

  it("says so when there is no tab to look at", async () => {
    render(<PopupApp search="?tabId=abc" />);
    await waitFor(() => expect(status().textContent).toBe("No tab to look at."));
    vi.spyOn(browser.tabs, "query").mockImplementation((() => Promise.resolve([])) as typeof browser.tabs.query);
    expect(await resolveTarget("")).toBeNull();
  });

  it("follows the tab's state and the settings live", async () => {
    render(<PopupApp search="?tabId=7" />);
    await waitFor(() => expect(status().textContent).toBe("The article is not on this page."));

    await setTabState(7, STATE);
    await waitFor(() => expect(status().textContent).toContain("Found on this page: 3 claims"));
    expect(screen.queryByText(/Hidden on the page/)).toBeNull();

    await updateSettings((current) => ({ ...current, hiddenTopics: ["meetings"] }));
    expect(await screen.findByText("Hidden on the page (Meetings switched off)")).toBeTruthy();
    await waitFor(() =>
      expect((screen.getByRole("switch", { name: "Meetings" }) as HTMLInputElement).checked).toBe(false),
    );

    await setTabState(7, { ...STATE, claims: STATE.claims.slice(0, 1) });
    await waitFor(() => expect(status().textContent).toContain("Found on this page: 1 claim"));
    expect(status().textContent).toContain("0 inaccurate or misleading");

    await setTabState(7, null);
    await waitFor(() => expect(status().textContent).toBe("The article is not on this page."));
  });

  it("survives corrupt stored values: defaults for the settings, 'not on this page' for the tab", async () => {
    await fakeBrowser.storage.local.set({ settings: { enabled: "yes", hiddenTopics: 5 } });
    await fakeBrowser.storage.session.set({ "tab-state:7": { url: 42, claims: "many" } });
    render(<PopupApp search="?tabId=7" />);
    await waitFor(() => expect(status().textContent).toBe("The article is not on this page."));
    const all = (await screen.findByRole("switch", { name: "Annotations on all sites" })) as HTMLInputElement;
    expect(all.checked).toBe(true);
    expect((screen.getByRole("switch", { name: "Sanctions" }) as HTMLInputElement).checked).toBe(true);

    // A corrupt value arriving later is handled the same way.
    await setTabState(7, STATE);
    await waitFor(() => expect(status().textContent).toContain("Found on this page: 3 claims"));
    await fakeBrowser.storage.session.set({ "tab-state:7": "garbage" });
    await waitFor(() => expect(status().textContent).toBe("The article is not on this page."));
  });

  it("does not close itself after 'Show in page' when opened as a page with ?tabId", async () => {
    const user = userEvent.setup();
    await setTabState(7, STATE);
    const send = vi.spyOn(browser.tabs, "sendMessage").mockResolvedValue(undefined);
    const close = vi.spyOn(window, "close").mockImplementation(() => {});
    render(<PopupApp search="?tabId=7" />);
    const [first] = await screen.findAllByRole("button", { name: "Show in page" });
    await user.click(first);
    expect(send).toHaveBeenCalledWith(7, { type: "show-claim", claimId: "friday" }, { frameId: 0 });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(close).not.toHaveBeenCalled();
  });

  it("closes itself after 'Show in page' as the toolbar popup", async () => {
    const user = userEvent.setup();
    await setTabState(3, STATE);
    activeTab(3, STATE.url);
    const send = vi.spyOn(browser.tabs, "sendMessage").mockResolvedValue(undefined);
    const close = vi.spyOn(window, "close").mockImplementation(() => {});
    render(<PopupApp search="" />);
    const buttons = await screen.findAllByRole("button", { name: "Show in page" });
    await user.click(buttons[1]);
    expect(send).toHaveBeenCalledWith(3, { type: "show-claim", claimId: "test-site" }, { frameId: 0 });
    await waitFor(() => expect(close).toHaveBeenCalledTimes(1));
  });

  it("reads ?tabId from the page's address by default", async () => {
    await setTabState(12, STATE);
    window.history.replaceState(null, "", "/popup.html?tabId=12");
    try {
      render(<PopupApp />);
      await waitFor(() => expect(status().textContent).toContain("Found on this page: 3 claims"));
    } finally {
      window.history.replaceState(null, "", "/");
    }
  });

  it("offers “Report selected text” for any tab, article or not, and reports claims with the tab's address", async () => {
    const tab = await fakeBrowser.tabs.create({ url: STATE.url });
    await setTabState(tab.id as number, STATE);
    const user = userEvent.setup();
    render(<PopupApp search={`?tabId=${tab.id}`} />);
    const section = (await screen.findByRole("heading", { name: "Report a claim" })).closest("section") as HTMLElement;
    expect(within(section).getByRole("button", { name: "Report selected text" })).toBeTruthy();
    const [report] = await screen.findAllByRole("button", { name: "Report a problem with this claim" });
    await user.click(report);
    await user.click(screen.getByRole("checkbox", { name: "Include page address" }));
    const preview = screen.getByRole("region", { name: "What will be sent" });
    expect(preview.textContent).toContain(STATE.url.replace(/[?#].*$/, ""));
    cleanup();

    render(<PopupApp search="?tabId=8" />);
    await waitFor(() => expect(status().textContent).toBe("The article is not on this page."));
    expect(screen.getByRole("button", { name: "Report selected text" })).toBeTruthy();
  });

  it("renders the reports section in its slot", async () => {
    render(<PopupApp search="?tabId=7" reports={<section aria-label="Your reports">reports here</section>} />);
    expect(screen.getByRole("region", { name: "Your reports" }).textContent).toBe("reports here");
  });
});

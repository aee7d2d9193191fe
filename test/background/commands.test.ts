import { beforeEach, describe, expect, it, vi } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import { CLAIM_COMMANDS, runClaimCommand } from "../../lib/background/commands";
import type { TabState } from "../../lib/schema";
import { setFrameState } from "../../lib/storage";

const STATE: TabState = {
  url: "https://embed.wire.example/story",
  article: { id: "nk-bolster-military-might-2020-06-12", score: 0.9 },
  claims: [{ claimId: "friday", match: "exact", score: 1 }],
};

/** A tab as `tabs.query` reports it. */
function tab(id: number | undefined) {
  return { id, index: 0, windowId: 1, active: true, highlighted: true, pinned: false, incognito: false };
}

beforeEach(() => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
});

describe("runClaimCommand", () => {
  it("declares the two commands of the manifest", () => {
    expect(CLAIM_COMMANDS).toEqual({ "next-claim": "next", "previous-claim": "previous" });
  });

  it.each([
    ["next-claim", "next"],
    ["previous-claim", "previous"],
  ] as const)(
    "sends %s to the overlay in the active tab's top frame when the tab has no state",
    async (command, direction) => {
      const query = vi.spyOn(fakeBrowser.tabs, "query").mockResolvedValue([tab(12)]);
      const send = vi.spyOn(fakeBrowser.tabs, "sendMessage").mockResolvedValue(undefined);
      await runClaimCommand(command);
      expect(query).toHaveBeenCalledExactlyOnceWith({ active: true, currentWindow: true });
      expect(send).toHaveBeenCalledExactlyOnceWith(12, { type: "step-claim", direction }, { frameId: 0 });
    },
  );

  it("sends the step to the frame that carries the article (the first, when several do)", async () => {
    vi.spyOn(fakeBrowser.tabs, "query").mockResolvedValue([tab(12)]);
    const send = vi.spyOn(fakeBrowser.tabs, "sendMessage").mockResolvedValue(undefined);
    await setFrameState(12, 9, "https://news.example/world", STATE);
    await setFrameState(12, 4, "https://news.example/world", { ...STATE, claims: [] });
    await runClaimCommand("next-claim");
    expect(send).toHaveBeenCalledExactlyOnceWith(12, { type: "step-claim", direction: "next" }, { frameId: 4 });
  });

  it("ignores other commands", async () => {
    const query = vi.spyOn(fakeBrowser.tabs, "query").mockResolvedValue([tab(12)]);
    const send = vi.spyOn(fakeBrowser.tabs, "sendMessage").mockResolvedValue(undefined);
    await runClaimCommand("_execute_action");
    await runClaimCommand("next");
    await runClaimCommand("toString");
    expect(query).not.toHaveBeenCalled();
    expect(send).not.toHaveBeenCalled();
  });

  it("sends nothing when there is no active tab or it has no id", async () => {
    const send = vi.spyOn(fakeBrowser.tabs, "sendMessage").mockResolvedValue(undefined);
    vi.spyOn(fakeBrowser.tabs, "query").mockResolvedValue([]);
    await runClaimCommand("next-claim");
    vi.spyOn(fakeBrowser.tabs, "query").mockResolvedValue([tab(undefined)]);
    await runClaimCommand("previous-claim");
    expect(send).not.toHaveBeenCalled();
  });

  it("resolves when the active tab has no overlay", async () => {
    vi.spyOn(fakeBrowser.tabs, "query").mockResolvedValue([tab(0)]);
    const send = vi
      .spyOn(fakeBrowser.tabs, "sendMessage")
      .mockRejectedValue(new Error("Could not establish connection. Receiving end does not exist."));
    await expect(runClaimCommand("next-claim")).resolves.toBeUndefined();
    expect(send).toHaveBeenCalledExactlyOnceWith(0, { type: "step-claim", direction: "next" }, { frameId: 0 });
  });
});

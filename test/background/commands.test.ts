import { beforeEach, describe, expect, it, vi } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import { CLAIM_COMMANDS, runClaimCommand } from "../../lib/background/commands";

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
  ] as const)("sends %s to the overlay in the active tab's top frame", async (command, direction) => {
    const query = vi.spyOn(fakeBrowser.tabs, "query").mockResolvedValue([tab(12)]);
    const send = vi.spyOn(fakeBrowser.tabs, "sendMessage").mockResolvedValue(undefined);
    await runClaimCommand(command);
    expect(query).toHaveBeenCalledExactlyOnceWith({ active: true, currentWindow: true });
    expect(send).toHaveBeenCalledExactlyOnceWith(12, { type: "step-claim", direction }, { frameId: 0 });
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

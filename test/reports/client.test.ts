import { beforeEach, describe, expect, it, vi } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import { askBackground } from "../../lib/reports/client";

beforeEach(() => {
  fakeBrowser.reset();
});

describe("askBackground", () => {
  it("sends the message to the background and returns its answer", async () => {
    const listener = vi.fn(async (_message: unknown) => ({ ok: false, errors: { comment: "required" } }));
    fakeBrowser.runtime.onMessage.addListener(listener);
    const message = { type: "submit-report" as const, draft: {} };
    await expect(askBackground(message)).resolves.toEqual({ ok: false, errors: { comment: "required" } });
    expect(listener).toHaveBeenCalledOnce();
    expect(listener.mock.calls[0][0]).toEqual(message);
  });

  it("rejects when the background cannot be reached", async () => {
    await expect(askBackground({ type: "delete-report", id: crypto.randomUUID() })).rejects.toThrow();
  });
});

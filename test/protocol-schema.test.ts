/**
 * The protocol's schemas: what the overlay's first paint checks is built
 * with the module, the messages' and the tab state's each on first use,
 * once.
 */
import { describe, expect, it, vi } from "vitest";
import {
  anchoredClaimSchema,
  builtOnFirstUse,
  interfaceMessagesSchema,
  OverlayStart,
  runtimeMessageSchema,
  Settings,
  tabFramesSchema,
  tabMessageSchema,
  tabStateSchema,
} from "../lib/protocol-schema";
import { DEFAULT_SETTINGS } from "../lib/settings";

describe("the protocol's schemas", () => {
  it("builds each of the messages' and the tab state's schemas once, on first use", () => {
    for (const schema of [
      anchoredClaimSchema,
      tabStateSchema,
      tabFramesSchema,
      runtimeMessageSchema,
      tabMessageSchema,
      interfaceMessagesSchema,
    ])
      expect(schema()).toBe(schema());
  });

  it("runs a builder on the first call only", () => {
    const build = vi.fn(() => ({ built: true }));
    const schema = builtOnFirstUse(build);
    expect(build).not.toHaveBeenCalled();
    expect(schema()).toBe(schema());
    expect(build).toHaveBeenCalledOnce();
  });

  it("checks a tab message's switches with the same schema as the overlay's start", () => {
    expect(tabMessageSchema().safeParse({ type: "settings", settings: DEFAULT_SETTINGS }).success).toBe(true);
    const bad = { ...DEFAULT_SETTINGS, hiddenVerdicts: ["probably"] };
    expect(tabMessageSchema().safeParse({ type: "settings", settings: bad }).success).toBe(false);
    expect(Settings.safeParse(bad).success).toBe(false);
    expect(OverlayStart.safeParse({ settings: bad }).success).toBe(false);
    // Strict: the claims' anchors are bundled, never taken from an answer.
    expect(OverlayStart.safeParse({ settings: DEFAULT_SETTINGS, claims: [] }).success).toBe(false);
  });

  it("nests the tab state's schemas: a frame's state is checked as a tab's", () => {
    const state = { url: "https://example.com/", article: { id: "article", score: 1.5 }, claims: [] };
    expect(tabStateSchema().safeParse(state).success).toBe(false);
    expect(tabFramesSchema().safeParse({ url: state.url, frames: { "0": state } }).success).toBe(false);
    const fixed = { ...state, article: { id: "article", score: 0.9 } };
    expect(tabFramesSchema().safeParse({ url: state.url, frames: { "0": fixed } }).success).toBe(true);
  });
});

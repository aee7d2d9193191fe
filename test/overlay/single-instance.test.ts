import { describe, expect, it } from "vitest";
import { ContentScriptContext } from "../../lib/browser/overlay-content-script-context";
import { replacePreviousCopy } from "../../lib/overlay/single-instance";

describe("replacePreviousCopy", () => {
  it("stops the older copy of the same script, and only that one", () => {
    const first = new ContentScriptContext();
    const other = new ContentScriptContext();
    replacePreviousCopy("overlay-test", first);
    replacePreviousCopy("other-test", other);
    const second = new ContentScriptContext();
    replacePreviousCopy("overlay-test", second);
    expect(first.signal.aborted).toBe(true);
    expect(second.signal.aborted).toBe(false);
    expect(other.signal.aborted).toBe(false);
    second.notifyInvalidated();
    other.notifyInvalidated();
  });

  it("forgets a copy once it stopped, so a later one starts without stopping anything", () => {
    const first = new ContentScriptContext();
    replacePreviousCopy("overlay-forget", first);
    first.notifyInvalidated();
    const second = new ContentScriptContext();
    replacePreviousCopy("overlay-forget", second);
    expect(second.signal.aborted).toBe(false);
    second.notifyInvalidated();
  });

  it("sends nothing the page could see or forge", () => {
    const heard: unknown[] = [];
    const listener = (event: MessageEvent) => heard.push(event.data);
    window.addEventListener("message", listener);
    const ctx = new ContentScriptContext();
    replacePreviousCopy("overlay-quiet", ctx);
    replacePreviousCopy("overlay-quiet", new ContentScriptContext());
    window.removeEventListener("message", listener);
    expect(heard).toEqual([]);
    expect(ctx.signal.aborted).toBe(true);
  });
});

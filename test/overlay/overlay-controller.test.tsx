/**
 * The overlay controller in jsdom, with a stand-in for what jsdom lacks
 * (layout boxes, constructed stylesheets). The real-browser behaviour is
 * covered end to end in test/e2e/.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import { ContentScriptContext } from "wxt/utils/content-script-context";
import { runOverlay } from "../../lib/overlay/overlay-controller";
import { HOST_TAG } from "../../lib/overlay/shadow-host";
import { MARK_TAG } from "../../lib/overlay/wrap-highlights";
import { updateSettings } from "../../lib/storage";
import { seedParagraphs } from "../helpers";

const markers = () => [...(document.querySelector(HOST_TAG)?.shadowRoot?.querySelectorAll("[data-claim-id]") ?? [])];

describe("runOverlay", () => {
  let ctx: ContentScriptContext;
  let sent: unknown[];

  beforeEach(() => {
    fakeBrowser.reset();
    sent = [];
    vi.spyOn(fakeBrowser.runtime, "sendMessage").mockImplementation(async (message: unknown) => {
      sent.push(message);
    });
    Object.assign(window, {
      CSSStyleSheet: class {
        replaceSync() {}
      },
      ResizeObserver: class {
        observe() {}
        disconnect() {}
      },
    });
    Object.assign(window.Range.prototype, {
      getClientRects: () => [{ left: 10, top: 20, right: 110, bottom: 40, width: 100, height: 20 }],
      getBoundingClientRect: () => ({ left: 10, top: 20, right: 110, bottom: 40, width: 100, height: 20 }),
    });
    document.body.innerHTML = `<article><h1>Title</h1><div class="body">${seedParagraphs()
      .map((paragraph) => `<p>${paragraph}</p>`)
      .join("")}</div></article>`;
    ctx = new ContentScriptContext("overlay");
  });
  afterEach(() => {
    ctx.abort();
    document.body.innerHTML = "";
  });

  it("shows one marker per claim, reports the claims, and paints them", async () => {
    await runOverlay(ctx, document, "");
    expect(markers()).toHaveLength(14);
    expect(markers()[0].getAttribute("aria-label")).toMatch(/^Accurate claim: /);
    expect(sent).toContainEqual(
      expect.objectContaining({ type: "annotated", state: expect.objectContaining({ claims: expect.any(Array) }) }),
    );
    // jsdom has no Custom Highlight API: the fallback wraps the claims' text.
    expect(document.querySelectorAll(MARK_TAG).length).toBeGreaterThanOrEqual(14);
  });

  it("after painting, reports each claim again with its text directive built from the page's text", async () => {
    // With the Custom Highlight API (which leaves the page's text where it is), as in Chromium.
    const registry = new Map<string, unknown>();
    Object.assign(window, { Highlight: class {} });
    Object.assign(window.CSS ?? Object.assign(window, { CSS: {} }).CSS, { highlights: registry });
    Object.defineProperty(document, "adoptedStyleSheets", { value: [], writable: true, configurable: true });
    await runOverlay(ctx, document, "");
    const withLinks = async () => {
      const states = sent.filter((message) => (message as { type: string }).type === "annotated") as {
        state: { claims: { claimId: string; textDirective?: string }[] };
      }[];
      const last = states[states.length - 1].state.claims;
      expect(last.some((claim) => claim.textDirective)).toBe(true);
      return last;
    };
    const claims = await vi.waitFor(withLinks);
    expect(claims).toHaveLength(14);
    expect(claims.filter((claim) => !claim.textDirective)).toEqual([]);
    expect(claims.find((claim) => claim.claimId === "hua-chunying")?.textDirective).toContain(
      "Foreign%20Ministry%20spokeswoman%20Hua%20Chunying",
    );
    ctx.abort();
    Reflect.deleteProperty(window, "Highlight");
    Reflect.deleteProperty(window.CSS, "highlights");
    Reflect.deleteProperty(document, "adoptedStyleSheets");
  });

  it("applies the switches live and removes everything when turned off", async () => {
    await runOverlay(ctx, document, "");
    await updateSettings((settings) => ({ ...settings, hiddenVerdicts: ["accurate"] }));
    await vi.waitFor(() => expect(markers()).toHaveLength(8));
    expect(markers().every((marker) => marker.getAttribute("data-verdict") !== "accurate")).toBe(true);
    await updateSettings((settings) => ({ ...settings, enabled: false }));
    await vi.waitFor(() => expect(document.querySelector(HOST_TAG)).toBeNull());
    expect(document.querySelector(MARK_TAG)).toBeNull();
  });

  it("opens a card from a marker and closes it with Escape, returning focus", async () => {
    await runOverlay(ctx, document, "");
    const marker = markers().find(
      (element) => element.getAttribute("data-claim-id") === "meetings-count",
    ) as HTMLElement;
    marker.click();
    const shadow = document.querySelector(HOST_TAG)?.shadowRoot as ShadowRoot;
    const card = shadow.querySelector('[role="dialog"]') as HTMLElement;
    expect(card.getAttribute("data-card-for")).toBe("meetings-count");
    expect(card.getAttribute("aria-label")).toBe("Fact-check: Inaccurate");
    card.dispatchEvent(new KeyboardEvent("keydown", { key: "Escape", bubbles: true }));
    expect(shadow.querySelector('[role="dialog"]')).toBeNull();
    expect(shadow.activeElement).toBe(marker);
  });

  it("answers show-claim and step-claim from the extension, and ignores them from a content script", async () => {
    await runOverlay(ctx, document, "");
    const shadow = document.querySelector(HOST_TAG)?.shadowRoot as ShadowRoot;
    await fakeBrowser.runtime.onMessage.trigger({ type: "step-claim", direction: "next" }, {
      id: fakeBrowser.runtime.id,
      tab: { id: 3 },
    } as never);
    expect(shadow.querySelector('[role="dialog"]')).toBeNull();
    await fakeBrowser.runtime.onMessage.trigger(
      { type: "show-claim", claimId: "pronoun" },
      { id: fakeBrowser.runtime.id },
    );
    expect(shadow.activeElement?.getAttribute("data-claim-id")).toBe("pronoun");
    await fakeBrowser.runtime.onMessage.trigger(
      { type: "step-claim", direction: "next" },
      { id: fakeBrowser.runtime.id },
    );
    expect(shadow.activeElement?.getAttribute("data-claim-id")).toBe("last-meeting");
    expect(shadow.querySelector('[role="dialog"]')?.getAttribute("data-card-for")).toBe("last-meeting");
  });

  it("goes away, and says so, when the page removes the article", async () => {
    await runOverlay(ctx, document, "");
    document.body.innerHTML = "<main><p>Another story entirely.</p></main>";
    await vi.waitFor(() => expect(document.querySelector(HOST_TAG)).toBeNull(), { timeout: 2000 });
    expect(sent).toContainEqual({ type: "article-gone" });
  });
});

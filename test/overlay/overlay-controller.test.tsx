/**
 * The overlay controller in jsdom, with a stand-in for what jsdom lacks
 * (layout boxes, constructed stylesheets). The real-browser behaviour is
 * covered end to end in test/e2e/.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import type { ContentScriptContext as WxtContext } from "wxt/utils/content-script-context";
import { answerMessages } from "../../lib/background/interface-language";
import { ContentScriptContext } from "../../lib/browser/overlay-content-script-context";
import { dataset } from "../../lib/dataset";
import { WATCH_BOUNDS } from "../../lib/detect/bounded-watch";
import { cardsLayerKit } from "../../lib/overlay/cards-layer";
import { handOverlayStart, OVERLAY_START_KEY } from "../../lib/overlay/handed-start";
import { provideLayerKit } from "../../lib/overlay/layer-kit";
import { runOverlay } from "../../lib/overlay/overlay-controller";
import { HOST_TAG } from "../../lib/overlay/shadow-host";
import { MARK_TAG } from "../../lib/overlay/wrap-highlights";
import type { Settings } from "../../lib/schema";
import { DEFAULT_SETTINGS } from "../../lib/settings";
import { seedParagraphs, standInForLayout } from "../helpers";

/** The markers in every host, in document order. */
const markers = () =>
  [...document.querySelectorAll(HOST_TAG)].flatMap((host) => [
    ...(host.shadowRoot?.querySelectorAll("[data-claim-id]") ?? []),
  ]);
/** The open card, in whichever host it is. */
const openCard = () =>
  [...document.querySelectorAll(HOST_TAG)]
    .map((host) => host.shadowRoot?.querySelector('[role="dialog"]'))
    .find(Boolean) ?? null;
/** The claim of the focused marker. */
const focusedClaim = () => document.activeElement?.shadowRoot?.activeElement?.getAttribute("data-claim-id");

describe("runOverlay", () => {
  let ctx: ContentScriptContext;
  let sent: unknown[];
  /** The switches the background hands the overlay as it injects it. */
  let settings: Settings;
  /** What the background answers the overlay's request for the dataset. */
  let sentDataset: unknown;
  /** What the background answers the overlay's request for the interface's words. */
  let sentMessages: unknown;
  /** The background's injection: the overlay run, and its start handed to it. */
  const run = () => {
    const running = runOverlay(ctx as unknown as WxtContext, document);
    handOverlayStart(OVERLAY_START_KEY, { settings });
    return running;
  };
  /** The background relays new switches, as it does when the reader changes them. */
  const relay = (next: Settings) =>
    fakeBrowser.runtime.onMessage.trigger({ type: "settings", settings: next }, { id: fakeBrowser.runtime.id });

  beforeEach(() => {
    fakeBrowser.reset();
    sent = [];
    settings = DEFAULT_SETTINGS;
    sentDataset = structuredClone(dataset);
    sentMessages = answerMessages("en");
    vi.spyOn(fakeBrowser.runtime, "sendMessage").mockImplementation(async (message: unknown) => {
      sent.push(message);
      // The background answers the overlay's request for the dataset and the words.
      const { type } = message as { type?: string };
      // The markers' and cards' script, injected: it leaves its parts for the overlay.
      if (type === "load-layer") {
        provideLayerKit(cardsLayerKit(""));
        return true;
      }
      return type === "get-cards" ? { dataset: sentDataset, messages: sentMessages } : undefined;
    });
    standInForLayout();
    document.body.innerHTML = `<article><h1>Title</h1><div class="body">${seedParagraphs()
      .map((paragraph) => `<p>${paragraph}</p>`)
      .join("")}</div></article>`;
    ctx = new ContentScriptContext();
  });
  afterEach(() => {
    ctx.notifyInvalidated();
    document.body.innerHTML = "";
  });

  it("shows one marker per claim, reports the claims, and paints them", async () => {
    await run();
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
    // And `CSS.escape`, which every browser with the API has (the highlights' sheet names the article's element).
    Object.assign(window.CSS ?? Object.assign(window, { CSS: {} }).CSS, {
      highlights: registry,
      escape: (ident: string) => ident,
    });
    Object.defineProperty(document, "adoptedStyleSheets", { value: [], writable: true, configurable: true });
    await run();
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
    ctx.notifyInvalidated();
    Reflect.deleteProperty(window, "Highlight");
    Reflect.deleteProperty(window.CSS, "highlights");
    Reflect.deleteProperty(window.CSS, "escape");
    Reflect.deleteProperty(document, "adoptedStyleSheets");
  });

  it("starts with the switches the background handed it (content scripts cannot read storage), asking nothing", async () => {
    settings = { ...DEFAULT_SETTINGS, hiddenVerdicts: ["accurate"] };
    await run();
    expect(markers()).toHaveLength(8);
    // Once the claims are painted, they are reported and the cards' answer and script asked for.
    const types = sent.map((message) => (message as { type: string }).type);
    expect(types[0]).toBe("annotated");
    expect(types.indexOf("get-cards")).toBeGreaterThan(types.indexOf("annotated"));
    expect(types.indexOf("load-layer")).toBeGreaterThan(types.indexOf("annotated"));
  });

  it("waits for its start, and shows and reports nothing without it", async () => {
    void runOverlay(ctx as unknown as WxtContext, document);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(document.querySelector(HOST_TAG)).toBeNull();
    expect(document.querySelectorAll(MARK_TAG)).toHaveLength(0);
    expect(sent).toEqual([]);
  });

  it("checks the dataset on arrival, and shows nothing when it is not valid", async () => {
    // The cards' dataset is not valid: the highlights go again, and so do the claims reported.
    const damaged = structuredClone(dataset) as { claims: { summary: string }[] };
    damaged.claims[0].summary = "";
    sentDataset = damaged;
    ctx = new ContentScriptContext();
    await run();
    expect(document.querySelector(HOST_TAG)).toBeNull();
    expect(document.querySelectorAll(MARK_TAG)).toHaveLength(0);
    expect(sent.at(-1)).toEqual({ type: "article-gone" });
  });

  it("speaks the language whose words the background sends, and shows nothing when they are not valid", async () => {
    sentMessages = answerMessages("ko");
    await run();
    const inaccurate = markers().find((marker) => marker.getAttribute("data-verdict") === "inaccurate");
    expect(inaccurate?.getAttribute("aria-label")).toMatch(/^사실 아님 판정 주장: /);
    ctx.notifyInvalidated();
    document.querySelector(HOST_TAG)?.remove();
    sent = [];
    sentMessages = { locale: "ko", messages: [{ key: "markerName", message: 42 }] };
    ctx = new ContentScriptContext();
    await run();
    expect(document.querySelector(HOST_TAG)).toBeNull();
    // The words come with the cards, after the claims were anchored and reported: the report is taken back.
    expect(sent.at(-1)).toEqual({ type: "article-gone" });
  });

  it("applies the switches the background relays, live, and removes everything when turned off", async () => {
    await run();
    await relay({ ...DEFAULT_SETTINGS, hiddenVerdicts: ["accurate"] });
    expect(markers()).toHaveLength(8);
    expect(markers().every((marker) => marker.getAttribute("data-verdict") !== "accurate")).toBe(true);
    await relay({ ...DEFAULT_SETTINGS, enabled: false });
    expect(document.querySelector(HOST_TAG)).toBeNull();
    expect(document.querySelector(MARK_TAG)).toBeNull();
  });

  it("answers none of the page's made-up events: clicks, keys and hovers open, close and send nothing", async () => {
    await run();
    const marker = markers().find(
      (element) => element.getAttribute("data-claim-id") === "meetings-count",
    ) as HTMLElement;
    marker.click();
    marker.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", bubbles: true, composed: true }));
    document.body.querySelector("p")?.click();
    expect(openCard()).toBeNull();

    // A card the reader opened (here through the keyboard command) ignores a made-up Escape and report click.
    await fakeBrowser.runtime.onMessage.trigger(
      { type: "show-claim", claimId: "meetings-count" },
      { id: fakeBrowser.runtime.id },
    );
    await fakeBrowser.runtime.onMessage.trigger(
      { type: "step-claim", direction: "next" },
      { id: fakeBrowser.runtime.id },
    );
    const card = openCard() as HTMLElement;
    expect(card).not.toBeNull();
    card.dispatchEvent(new KeyboardEvent("keydown", { key: "Escape", bubbles: true, composed: true }));
    document.dispatchEvent(new KeyboardEvent("keydown", { key: "Escape", bubbles: true }));
    const before = sent.length;
    (card.querySelector(".fc-card__report") as HTMLElement).click();
    expect(openCard()).toBe(card);
    expect(sent.slice(before)).toEqual([]);
  });

  it("answers show-claim and step-claim from the extension, and ignores them from a content script", async () => {
    await run();
    await fakeBrowser.runtime.onMessage.trigger({ type: "step-claim", direction: "next" }, {
      id: fakeBrowser.runtime.id,
      tab: { id: 3 },
    } as never);
    expect(openCard()).toBeNull();
    await fakeBrowser.runtime.onMessage.trigger(
      { type: "show-claim", claimId: "pronoun" },
      { id: fakeBrowser.runtime.id },
    );
    expect(focusedClaim()).toBe("pronoun");
    await fakeBrowser.runtime.onMessage.trigger(
      { type: "step-claim", direction: "next" },
      { id: fakeBrowser.runtime.id },
    );
    expect(focusedClaim()).toBe("last-meeting");
    expect(openCard()?.getAttribute("data-card-for")).toBe("last-meeting");
  });

  describe("when its pipeline does not (yet) find the article the detector found", () => {
    /** The article's first paragraphs only: too little of it for the pipeline (score under 0.25). */
    const partial = (count = 4) =>
      `<article><h1>Title</h1><div class="body">${seedParagraphs()
        .slice(0, count)
        .map((paragraph) => `<p>${paragraph}</p>`)
        .join("")}</div></article>`;
    /** The rest of the article's paragraphs arrive (late loading). */
    const completeArticle = () => {
      const body = document.querySelector(".body") as HTMLElement;
      for (const text of seedParagraphs().slice(4)) {
        const paragraph = document.createElement("p");
        paragraph.textContent = text;
        body.append(paragraph);
      }
    };

    it("keeps watching, and annotates once the article's text completes", async () => {
      document.body.innerHTML = partial();
      await run();
      expect(document.querySelector(HOST_TAG)).toBeNull();
      expect(sent).toEqual([]);
      completeArticle();
      await vi.waitFor(() => expect(markers()).toHaveLength(14), { timeout: 2000 });
      expect(sent).toContainEqual(expect.objectContaining({ type: "annotated" }));
      // From then on it follows the page as usual: the switches apply live.
      await relay({ ...DEFAULT_SETTINGS, hiddenVerdicts: ["accurate"] });
      expect(markers()).toHaveLength(8);
    });

    it("stops watching after its bound", async () => {
      vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
      try {
        document.body.innerHTML = partial();
        await run();
        await vi.advanceTimersByTimeAsync(WATCH_BOUNDS.forMs);
        completeArticle();
        await vi.advanceTimersByTimeAsync(WATCH_BOUNDS.debounceMs * 4);
        expect(document.querySelector(HOST_TAG)).toBeNull();
        expect(sent.filter((message) => (message as { type: string }).type === "annotated")).toEqual([]);
      } finally {
        vi.useRealTimers();
      }
    });
  });

  it("in an iframe, Show in page also brings the claim's marker into the view of the page around the frame", async () => {
    const iframe = document.createElement("iframe");
    document.body.append(iframe);
    const frameWindow = iframe.contentWindow as Window & typeof globalThis;
    const frameDocument = iframe.contentDocument as Document;
    Object.assign(frameWindow, { CSSStyleSheet: window.CSSStyleSheet, ResizeObserver: window.ResizeObserver });
    Object.assign(frameWindow.Range.prototype, {
      getClientRects: window.Range.prototype.getClientRects,
      getBoundingClientRect: window.Range.prototype.getBoundingClientRect,
    });
    frameDocument.body.innerHTML = seedParagraphs()
      .map((paragraph) => `<p>${paragraph}</p>`)
      .join("");
    const scrolled: { claimId: string | null; options: unknown }[] = [];
    frameWindow.HTMLElement.prototype.scrollIntoView = function (this: HTMLElement, options?: unknown) {
      scrolled.push({ claimId: this.getAttribute("data-claim-id"), options });
    };
    // The context's signal from the frame's own realm, as a content script in a frame has it (jsdom checks realms).
    const topAbortController = globalThis.AbortController;
    globalThis.AbortController = frameWindow.AbortController;
    const frameCtx = new ContentScriptContext();
    globalThis.AbortController = topAbortController;
    const running = runOverlay(frameCtx as unknown as WxtContext, frameDocument);
    handOverlayStart(OVERLAY_START_KEY, { settings });
    await running;
    await fakeBrowser.runtime.onMessage.trigger(
      { type: "show-claim", claimId: "pronoun" },
      { id: fakeBrowser.runtime.id },
    );
    expect(scrolled).toEqual([{ claimId: "pronoun", options: { block: "center", behavior: "instant" } }]);
    frameCtx.notifyInvalidated();
  });

  it("in the top frame, Show in page scrolls the page itself only", async () => {
    const scrollIntoView = vi.fn();
    window.HTMLElement.prototype.scrollIntoView = scrollIntoView;
    await run();
    await fakeBrowser.runtime.onMessage.trigger(
      { type: "show-claim", claimId: "pronoun" },
      { id: fakeBrowser.runtime.id },
    );
    expect(scrollIntoView).not.toHaveBeenCalled();
    Reflect.deleteProperty(window.HTMLElement.prototype, "scrollIntoView");
  });

  it("ignores the page's made-up pagehide and pageshow: they neither drop nor report its claims", async () => {
    await run();
    const before = sent.length;
    window.dispatchEvent(new Event("pagehide"));
    window.dispatchEvent(Object.assign(new Event("pageshow"), { persisted: true }));
    expect(sent.slice(before)).toEqual([]);
    expect(markers()).toHaveLength(14);
  });

  it("goes away, and says so, when the page removes the article", async () => {
    await run();
    document.body.innerHTML = "<main><p>Another story entirely.</p></main>";
    await vi.waitFor(() => expect(sent).toContainEqual({ type: "article-gone" }), { timeout: 2000 });
    expect(document.querySelector(HOST_TAG)).toBeNull();
  });
});

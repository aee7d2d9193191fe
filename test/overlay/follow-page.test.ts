/**
 * Following the page: re-renders of the article anchor again (debounced),
 * other changes only move the markers, and the overlay's own changes are
 * left out.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import type { ContentScriptContext as WxtContext } from "wxt/utils/content-script-context";
import { ContentScriptContext } from "../../lib/browser/overlay-content-script-context";
import {
  followPage,
  isOwnMutation,
  openShadowRootsIn,
  REANCHOR_DEBOUNCE_MS,
  shadowRootsAround,
} from "../../lib/overlay/follow-page";
import { HOST_TAG } from "../../lib/overlay/shadow-host";
import { MARK_TAG } from "../../lib/overlay/wrap-highlights";

describe("followPage", () => {
  let ctx: ContentScriptContext;
  let article: HTMLElement;
  let observed: Element[];
  const handlers = { container: () => article as Element | null, reflow: vi.fn(), reanchor: vi.fn() };
  const follow = () => followPage(ctx as unknown as WxtContext, document, handlers);

  beforeEach(() => {
    fakeBrowser.reset();
    vi.useFakeTimers();
    observed = [];
    Object.assign(window, {
      ResizeObserver: class {
        observe(element: Element) {
          observed.push(element);
        }
        disconnect() {}
      },
    });
    document.body.replaceChildren();
    article = document.createElement("article");
    article.append(document.createElement("p"));
    document.body.append(article, document.createElement("aside"));
    handlers.reflow.mockReset();
    handlers.reanchor.mockReset();
    ctx = new ContentScriptContext();
  });
  afterEach(() => {
    ctx.notifyInvalidated();
    vi.useRealTimers();
  });

  it("anchors again once the article stops changing", async () => {
    follow();
    article.append(document.createElement("p"));
    await vi.advanceTimersByTimeAsync(REANCHOR_DEBOUNCE_MS / 2);
    (article.firstChild as HTMLElement).textContent = "changed";
    await vi.advanceTimersByTimeAsync(REANCHOR_DEBOUNCE_MS - 1);
    expect(handlers.reanchor).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(handlers.reanchor).toHaveBeenCalledTimes(1);
  });

  it("anchors again when the article left the page", async () => {
    follow();
    article.remove();
    await vi.advanceTimersByTimeAsync(REANCHOR_DEBOUNCE_MS);
    expect(handlers.reanchor).toHaveBeenCalledTimes(1);
  });

  it("only moves the markers, once a frame, when the page changes outside the article", async () => {
    follow();
    document.querySelector("aside")?.append(document.createElement("p"));
    await vi.advanceTimersByTimeAsync(REANCHOR_DEBOUNCE_MS * 2);
    expect(handlers.reanchor).not.toHaveBeenCalled();
    expect(handlers.reflow).toHaveBeenCalledTimes(1);
  });

  it("moves the markers on window resizes and watches the article's size", async () => {
    const follower = follow();
    expect(observed).toEqual([document.documentElement, article]);
    window.dispatchEvent(new Event("resize"));
    window.dispatchEvent(new Event("resize"));
    await vi.advanceTimersByTimeAsync(50);
    expect(handlers.reflow).toHaveBeenCalledTimes(1);
    const next = document.createElement("section");
    follower.observeSize(next);
    expect(observed).toContain(next);
  });

  it("leaves out the overlay's own changes: its layer, its marks, and what it discards", async () => {
    const follower = follow();
    document.documentElement.append(document.createElement(HOST_TAG));
    const mark = document.createElement(MARK_TAG);
    (article.firstChild as HTMLElement).append(mark);
    await vi.advanceTimersByTimeAsync(REANCHOR_DEBOUNCE_MS * 2);
    article.append(document.createElement("p"));
    follower.discardOwnMutations();
    await vi.advanceTimersByTimeAsync(REANCHOR_DEBOUNCE_MS * 2);
    expect(handlers.reanchor).not.toHaveBeenCalled();
  });

  describe("open shadow roots (which an observer of the document does not see into)", () => {
    /** A component with an open shadow root holding a paragraph, appended to `parent`. */
    const component = (parent: Node, text = "in a shadow tree") => {
      const host = document.createElement("news-story");
      const shadow = host.attachShadow({ mode: "open" });
      const paragraph = document.createElement("p");
      paragraph.textContent = text;
      shadow.append(paragraph);
      parent.appendChild(host);
      return { host, shadow, paragraph };
    };

    it("anchors again when the text changes in a shadow tree inside the article", async () => {
      const { paragraph } = component(article);
      follow();
      (paragraph.firstChild as Text).data = "changed in the shadow tree";
      await vi.advanceTimersByTimeAsync(REANCHOR_DEBOUNCE_MS);
      expect(handlers.reanchor).toHaveBeenCalledTimes(1);
    });

    it("anchors again when the article itself is in a shadow tree and changes", async () => {
      const { shadow } = component(document.body);
      const inner = component(shadow, "nested");
      article = document.createElement("article");
      shadow.append(article);
      follow();
      article.append(document.createElement("p"));
      await vi.advanceTimersByTimeAsync(REANCHOR_DEBOUNCE_MS);
      expect(handlers.reanchor).toHaveBeenCalledTimes(1);
      // A change beside the article, in the tree around it, only moves the markers.
      handlers.reflow.mockReset();
      shadow.append(document.createElement("aside"));
      await vi.advanceTimersByTimeAsync(REANCHOR_DEBOUNCE_MS * 2);
      expect(handlers.reanchor).toHaveBeenCalledTimes(1);
      expect(handlers.reflow).toHaveBeenCalledTimes(1);
      // Another component's shadow tree outside the article is not watched (its size changes still are).
      (inner.paragraph.firstChild as Text).data = "elsewhere";
      await vi.advanceTimersByTimeAsync(REANCHOR_DEBOUNCE_MS * 2);
      expect(handlers.reanchor).toHaveBeenCalledTimes(1);
    });

    it("anchors again when text slotted into the article changes (the article is read in the flat tree)", async () => {
      const host = document.createElement("x-story");
      article = document.createElement("article");
      article.append(document.createElement("slot"));
      host.attachShadow({ mode: "open" }).append(article);
      const lede = document.createElement("p");
      lede.textContent = "the slotted lede";
      host.append(lede);
      document.body.append(host);
      follow();
      (lede.firstChild as Text).data = "the lede, changed";
      await vi.advanceTimersByTimeAsync(REANCHOR_DEBOUNCE_MS);
      expect(handlers.reanchor).toHaveBeenCalledTimes(1);
    });

    it("watches the shadow trees of components added to the article later", async () => {
      follow();
      const { paragraph } = component(article);
      await vi.advanceTimersByTimeAsync(REANCHOR_DEBOUNCE_MS);
      expect(handlers.reanchor).toHaveBeenCalledTimes(1);
      paragraph.append(" and more");
      await vi.advanceTimersByTimeAsync(REANCHOR_DEBOUNCE_MS);
      expect(handlers.reanchor).toHaveBeenCalledTimes(2);
    });
  });

  it("stops with its context", async () => {
    follow();
    ctx.notifyInvalidated();
    article.append(document.createElement("p"));
    window.dispatchEvent(new Event("resize"));
    await vi.advanceTimersByTimeAsync(REANCHOR_DEBOUNCE_MS * 2);
    expect(handlers.reanchor).not.toHaveBeenCalled();
    expect(handlers.reflow).not.toHaveBeenCalled();
  });
});

describe("isOwnMutation", () => {
  it("tells the overlay's mutations from the page's", () => {
    const host = document.createElement(HOST_TAG);
    const paragraph = document.createElement("p");
    const mark = document.createElement(MARK_TAG);
    mark.textContent = "text";
    const record = (init: Partial<MutationRecord>) =>
      ({ addedNodes: [], removedNodes: [], ...init }) as unknown as MutationRecord;
    expect(isOwnMutation(record({ target: host }))).toBe(true);
    expect(isOwnMutation(record({ target: mark.firstChild as Node }))).toBe(true);
    expect(isOwnMutation(record({ target: paragraph, addedNodes: [mark] as never }))).toBe(true);
    expect(isOwnMutation(record({ target: paragraph, addedNodes: [mark, paragraph] as never }))).toBe(false);
    expect(isOwnMutation(record({ target: paragraph }))).toBe(false);
  });
});

describe("shadow tree helpers", () => {
  it("find the open shadow roots inside a node and around it", () => {
    document.body.replaceChildren();
    const outer = document.createElement("news-page");
    const outerShadow = outer.attachShadow({ mode: "open" });
    const article = document.createElement("article");
    outerShadow.append(article);
    const inner = document.createElement("news-date");
    const innerShadow = inner.attachShadow({ mode: "open" });
    const date = document.createTextNode("June 12, 2018");
    innerShadow.append(date);
    article.append(inner);
    const closed = document.createElement("ad-slot");
    closed.attachShadow({ mode: "closed" }).append("ad");
    const layer = document.createElement(HOST_TAG);
    layer.attachShadow({ mode: "open" });
    article.append(closed, layer);
    document.body.append(outer);

    expect(openShadowRootsIn(document.body)).toEqual([outerShadow, innerShadow]);
    expect(openShadowRootsIn(article)).toEqual([innerShadow]);
    expect(shadowRootsAround(date)).toEqual([innerShadow, outerShadow]);
    expect(shadowRootsAround(outer)).toEqual([]);
    document.body.replaceChildren();
  });
});

/**
 * Following the page: re-renders of the article anchor again (debounced),
 * other changes only move the markers, and the overlay's own changes are
 * left out.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import type { ContentScriptContext as WxtContext } from "wxt/utils/content-script-context";
import { ContentScriptContext } from "../../lib/browser/lite-content-script-context";
import { followPage, isOwnMutation, REANCHOR_DEBOUNCE_MS } from "../../lib/overlay/follow-page";
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

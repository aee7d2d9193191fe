import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import type { ContentScriptContext as WxtContext } from "wxt/utils/content-script-context";
import { ContentScriptContext } from "../../lib/browser/lite-content-script-context";
import { dataset } from "../../lib/dataset";
import { watchForArticle } from "../../lib/detect/watch-for-article";
import { seedParagraphs } from "../helpers";

const article = dataset.article;
const body = () =>
  seedParagraphs()
    .map((paragraph) => `<p>${paragraph}</p>`)
    .join("");

describe("watchForArticle", () => {
  let ctx: ContentScriptContext;

  beforeEach(() => {
    fakeBrowser.reset();
    vi.useFakeTimers();
    document.body.innerHTML = "<main id='app'><p>Loading…</p></main>";
    ctx = new ContentScriptContext();
  });
  afterEach(() => {
    ctx.notifyInvalidated();
    vi.useRealTimers();
  });

  const watch = (onFound: (score: number) => void) =>
    watchForArticle(ctx as unknown as WxtContext, document, article.fingerprint, onFound);

  it("reports the article at once when it is there (after one sliced look, no timer)", async () => {
    document.body.innerHTML = `<article>${body()}</article>`;
    const found = vi.fn();
    watch(found);
    await vi.waitFor(() => expect(found).toHaveBeenCalledTimes(1));
    expect(found.mock.calls[0][0]).toBeGreaterThan(0.9);
  });

  it("reports the article when it arrives late, once", async () => {
    const found = vi.fn();
    watch(found);
    expect(found).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1500);
    (document.getElementById("app") as HTMLElement).innerHTML = body();
    await vi.advanceTimersByTimeAsync(1000);
    expect(found).toHaveBeenCalledTimes(1);
    (document.getElementById("app") as HTMLElement).append(document.createElement("p"));
    await vi.advanceTimersByTimeAsync(1000);
    expect(found).toHaveBeenCalledTimes(1);
  });

  it("stops watching after its bound", async () => {
    const found = vi.fn();
    watch(found);
    await vi.advanceTimersByTimeAsync(60_000);
    (document.getElementById("app") as HTMLElement).innerHTML = body();
    await vi.advanceTimersByTimeAsync(1000);
    expect(found).not.toHaveBeenCalled();
  });

  it("looks again after a same-document navigation", async () => {
    const found = vi.fn();
    watch(found);
    await vi.advanceTimersByTimeAsync(60_000);
    history.pushState({}, "", "/2020/06/12/north-korea");
    (document.getElementById("app") as HTMLElement).innerHTML = body();
    await vi.advanceTimersByTimeAsync(2000);
    expect(found).toHaveBeenCalledTimes(1);
  });

  it("stops with its context", async () => {
    const found = vi.fn();
    watch(found);
    ctx.notifyInvalidated();
    (document.getElementById("app") as HTMLElement).innerHTML = body();
    await vi.advanceTimersByTimeAsync(2000);
    expect(found).not.toHaveBeenCalled();
  });
});

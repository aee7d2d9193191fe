/**
 * The overlay's anchoring runs: the claims anchored and, after a paint,
 * reported (then again with their links), an overtaken run dropped, and
 * the article's leaving reported.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import type { ContentScriptContext as WxtContext } from "wxt/utils/content-script-context";
import { ContentScriptContext } from "../../lib/browser/overlay-content-script-context";
import { claimAnchor } from "../../lib/claim-record";
import { dataset } from "../../lib/dataset";
import { runNow } from "../../lib/detect/sliced";
import { createAnchoringRuns } from "../../lib/overlay/anchoring-runs";
import { OVERLAY_ARTICLE } from "../../lib/overlay/start-data";
import { anchoringSteps, articleSteps } from "../../lib/pipeline";
import { seedParagraphs } from "../helpers";

describe("createAnchoringRuns", () => {
  let ctx: ContentScriptContext;
  let sent: { type: string; state?: { claims: { claimId: string; textDirective?: string }[] } }[];
  const claims = dataset.claims.map(claimAnchor);
  const showArticle = (paragraphs = seedParagraphs()) => {
    document.body.innerHTML = `<article><div class="body">${paragraphs.map((text) => `<p>${text}</p>`).join("")}</div></article>`;
  };

  beforeEach(() => {
    fakeBrowser.reset();
    sent = [];
    vi.spyOn(fakeBrowser.runtime, "sendMessage").mockImplementation(async (message: unknown) => {
      sent.push(message as (typeof sent)[number]);
    });
    ctx = new ContentScriptContext();
    showArticle();
  });
  afterEach(() => {
    ctx.notifyInvalidated();
    document.body.innerHTML = "";
  });

  it("anchors every claim inside the article, reports them, then reports them again with their links", async () => {
    const onLinks = vi.fn();
    const anchoring = createAnchoringRuns(ctx as unknown as WxtContext, document, claims, onLinks);
    await expect(anchoring.run()).resolves.toBe(true);
    expect(anchoring.result.annotations).toHaveLength(claims.length);
    expect(anchoring.result.container?.className).toBe("body");
    expect(anchoring.anchorOf("hua-chunying")).toEqual({ claimId: "hua-chunying", match: "exact", score: 1 });
    // Nothing is sent before the highlights are painted; then the claims, then the claims with their links.
    expect(sent).toEqual([]);
    await vi.waitFor(() => expect(onLinks).toHaveBeenCalledOnce());
    expect(sent.map((message) => message.type)).toEqual(["annotated", "annotated"]);
    expect(sent[0].state?.claims.some((claim) => claim.textDirective)).toBe(false);
    expect(sent[1].state?.claims).toHaveLength(claims.length);
    expect(sent[1].state?.claims.every((claim) => claim.textDirective)).toBe(true);
  });

  it("takes a result the caller has anchored, without detecting or anchoring again", async () => {
    const anchored = runNow(anchoringSteps(runNow(articleSteps(document, OVERLAY_ARTICLE)), claims));
    // The page changes meanwhile: the run keeps to what was anchored (a later run would see the change).
    document.body.innerHTML = "<p>Nothing to see here.</p>";
    const anchoring = createAnchoringRuns(ctx as unknown as WxtContext, document, claims, () => {});
    await expect(anchoring.run(anchored)).resolves.toBe(true);
    expect(anchoring.result).toBe(anchored);
  });

  it("drops a run a newer one overtook", async () => {
    const anchoring = createAnchoringRuns(ctx as unknown as WxtContext, document, claims, () => {});
    const [first, second] = await Promise.all([anchoring.run(), anchoring.run()]);
    expect([first, second]).toEqual([null, true]);
    // The newer run's two reports (claims, then links), none of the overtaken one's.
    await vi.waitFor(() => expect(sent).toHaveLength(2));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(sent.filter((message) => message.type === "annotated")).toHaveLength(2);
  });

  it("says the article went when a run no longer finds it, and only then", async () => {
    const anchoring = createAnchoringRuns(ctx as unknown as WxtContext, document, claims, () => {});
    document.body.innerHTML = "<p>Nothing to see here.</p>";
    await expect(anchoring.run()).resolves.toBe(false);
    expect(sent).toEqual([]);
    showArticle();
    await anchoring.run();
    document.body.innerHTML = "<p>Nothing to see here.</p>";
    await expect(anchoring.run()).resolves.toBe(false);
    expect(sent.at(-1)).toEqual({ type: "article-gone" });
    expect(anchoring.result.container).toBeNull();
  });
});

/**
 * What the overlay reports about the claims: the tab state from a pipeline
 * result, and the claims' links from the page's text.
 */
import { describe, expect, it } from "vitest";
import { dataset } from "../../lib/dataset";
import { tabStateOf, withTextDirectives } from "../../lib/overlay/anchor-report";
import { runPipeline } from "../../lib/pipeline";
import { articlePage, seedParagraphs } from "../helpers";

describe("tabStateOf", () => {
  it("gives the article and each anchored claim, without ranges", () => {
    const result = runPipeline(articlePage(seedParagraphs()), dataset);
    const state = tabStateOf(result, "https://news.example/story");
    expect(state?.url).toBe("https://news.example/story");
    expect(state?.article).toEqual({ id: dataset.article.id, score: result.article.score });
    expect(state?.claims).toHaveLength(result.annotations.length);
    expect(state?.claims[0]).toEqual({
      claimId: result.annotations[0].claimId,
      match: result.annotations[0].match,
      score: result.annotations[0].score,
    });
  });

  it("gives nothing when the article is not there", () => {
    const result = runPipeline(articlePage(seedParagraphs().slice(0, 2)), dataset);
    expect(tabStateOf(result, "https://news.example/")).toBeNull();
  });
});

describe("withTextDirectives", () => {
  it("adds each claim's text directive from the page's text, and none for a collapsed range", () => {
    const doc = articlePage(seedParagraphs());
    const result = runPipeline(doc, dataset);
    const [first, second] = result.annotations;
    second.range.collapse(true);
    const [withLink, without] = withTextDirectives(doc, [first, second]);
    expect(withLink.claimId).toBe(first.claimId);
    expect(withLink.textDirective).toEqual(expect.any(String));
    expect(without).toEqual({ claimId: second.claimId, match: second.match, score: second.score });
  });
});

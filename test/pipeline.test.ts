import { describe, expect, it } from "vitest";
import { dataset } from "../lib/dataset";
import { runPipeline } from "../lib/pipeline";
import { parseHtml, seedParagraphs } from "./helpers";

const articlePage = () =>
  parseHtml(
    `<body><article>${seedParagraphs()
      .map((paragraph) => `<p>${paragraph}</p>`)
      .join("")}</article></body>`,
  );

describe("runPipeline", () => {
  it("anchors the claims of the dataset it is given, and only those", () => {
    const two = { article: dataset.article, claims: dataset.claims.slice(0, 2) };
    const result = runPipeline(articlePage(), two);
    expect(result.article.detected).toBe(true);
    expect(result.annotations.map((annotation) => annotation.claimId)).toEqual(two.claims.map((claim) => claim.id));
  });

  it("detects nothing and anchors nothing on a page without the article", () => {
    const result = runPipeline(parseHtml("<body><p>Nothing to see.</p></body>"), dataset);
    expect(result).toEqual({ article: { detected: false, id: null, score: 0 }, annotations: [], container: null });
  });
});

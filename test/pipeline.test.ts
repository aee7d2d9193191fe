import { describe, expect, it } from "vitest";
import { dataset } from "../lib/dataset";
import { runNow } from "../lib/detect/sliced";
import { anchoringSteps, articleSteps, runPipeline } from "../lib/pipeline";
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

describe("articleSteps and anchoringSteps", () => {
  it("are the pipeline in two halves: detection needs no claim, anchoring starts from its result", () => {
    const page = articlePage();
    const detection = runNow(articleSteps(page, dataset.article));
    expect(detection.container?.localName).toBe("article");
    // The container's text, collected while detecting, is indexed as it is.
    expect(detection.containerText?.root).toBe(detection.container);
    const halves = runNow(anchoringSteps(detection, dataset.claims));
    const whole = runPipeline(page, dataset);
    expect(halves.annotations.map(({ claimId, text }) => ({ claimId, text }))).toEqual(
      whole.annotations.map(({ claimId, text }) => ({ claimId, text })),
    );
    expect(halves.annotations).toHaveLength(dataset.claims.length);
  });

  it("anchor nothing where detection found no article", () => {
    const detection = runNow(articleSteps(parseHtml("<body><p>Nothing to see.</p></body>"), dataset.article));
    expect(runNow(anchoringSteps(detection, dataset.claims))).toEqual({
      article: { detected: false, id: null, score: 0 },
      annotations: [],
      container: null,
    });
  });
});

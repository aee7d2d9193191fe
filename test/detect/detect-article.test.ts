import { describe, expect, it } from "vitest";
import { isCodeElement, isSkippedElement } from "../../lib/anchoring/content-filter";
import { dataset } from "../../lib/dataset";
import { detectArticle } from "../../lib/detect/detect-article";
import { articlePage, fixturePage, fixturePageNames, parseHtml, seedParagraphs } from "../helpers";

const detect = (doc: Document) => detectArticle(doc, dataset.article, isSkippedElement);
const paragraphs = seedParagraphs();

describe("detectArticle", () => {
  it("detects the whole article and finds the element holding its body", () => {
    const doc = articlePage(paragraphs);
    const result = detect(doc);
    expect(result).toMatchObject({ detected: true, id: dataset.article.id });
    expect(result.score).toBeGreaterThan(0.95);
    expect(result.container).toBe(doc.getElementById("body"));
  });

  it("detects a trimmed wire copy of the first half", () => {
    const result = detect(articlePage(paragraphs.slice(0, 8)));
    expect(result.detected).toBe(true);
    expect(result.score).toBeGreaterThan(dataset.article.fingerprint.minCoverage);
    expect(result.score).toBeLessThan(0.7);
  });

  it("does not take a page quoting one paragraph for the article", () => {
    const result = detect(articlePage(["My own thoughts on the anniversary.", paragraphs[4], "And more of mine."]));
    expect(result).toMatchObject({ detected: false, id: null, container: null });
  });

  it("does not take a page quoting two paragraphs with several rare words for the article", () => {
    const result = detect(articlePage([paragraphs[0], "Commentary in between.", paragraphs[14]]));
    expect(result.detected).toBe(false);
    expect(result.score).toBeGreaterThan(0);
  });

  it("keeps a comment thread that quotes the article out of the container", () => {
    const comments = `<section class="comments"><h2>Comments</h2>${paragraphs
      .slice(0, 12)
      .map((paragraph) => `<div class="c"><p>Quote: ${paragraph}</p></div>`)
      .join("")}</section>`;
    const doc = articlePage(paragraphs, comments);
    expect(detect(doc).container).toBe(doc.getElementById("body"));
  });

  it("takes the parent when the body is split into sibling parts", () => {
    const doc = parseHtml(`<body><div id="story">
      <div class="part">${paragraphs
        .slice(0, 9)
        .map((p) => `<p>${p}</p>`)
        .join("")}</div>
      <div class="part">${paragraphs
        .slice(9)
        .map((p) => `<p>${p}</p>`)
        .join("")}</div>
    </div></body>`);
    expect(detect(doc).container).toBe(doc.getElementById("story"));
  });

  it("sees through soft hyphens inside the rare words", () => {
    const hyphenated = paragraphs.map((paragraph) =>
      paragraph.replace(
        /nightmare|Gwon|reciprocated|demolished|hypocritical|suffocation|Chunying|stalemate/g,
        (word) => `${word.slice(0, 2)}\u00AD${word.slice(2)}`,
      ),
    );
    expect(detect(articlePage(hyphenated)).detected).toBe(true);
  });

  it("rejects a page without the rare words before any closer look", () => {
    const doc = parseHtml("<body><p>North Korea fired a missile, Pyongyang said.</p></body>");
    expect(detect(doc)).toEqual({ detected: false, id: null, score: 0, container: null });
  });

  it("handles a document without a body", () => {
    const doc = parseHtml("<p>x</p>");
    doc.body.remove();
    expect(detect(doc).detected).toBe(false);
  });
});

describe("the detector's minimal filter", () => {
  it.each(fixturePageNames())("reaches the same decision as the full filter on %s", (page) => {
    const doc = fixturePage(page);
    const full = detectArticle(doc, dataset.article, isSkippedElement);
    const minimal = detectArticle(doc, dataset.article, isCodeElement);
    expect(minimal.detected).toBe(full.detected);
  });
});

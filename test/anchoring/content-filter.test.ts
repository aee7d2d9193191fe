import { describe, expect, it } from "vitest";
import { isBlockElement, isSkippedElement } from "../../lib/anchoring/content-filter";
import { parseHtml } from "../helpers";

function element(html: string): Element {
  const doc = parseHtml(`<body>${html}</body>`);
  return doc.body.firstElementChild as Element;
}

describe("isSkippedElement", () => {
  it.each([
    "<script>x</script>",
    "<figure><figcaption>Photo</figcaption></figure>",
    "<aside>Related</aside>",
    "<nav>Menu</nav>",
    "<span class='ad-slot-inline'>Advertisement</span>",
    "<div class='adContainer'>Ad</div>",
    "<div id='div-gpt-ad-123'>Ad</div>",
    "<ins class='adsbygoogle'></ins>",
    "<div class='sponsored-links'>Sponsored</div>",
    "<section id='comments' class='comments-area'>…</section>",
    "<li class='comment even depth-1'>…</li>",
    "<div id='disqus_thread'></div>",
    "<div class='related-posts'>…</div>",
    "<div class='share-buttons'>…</div>",
    "<p class='wp-caption-text'>Photo</p>",
    "<p hidden>x</p>",
    "<p aria-hidden='true'>x</p>",
    "<div style='display:none'>x</div>",
    "<div role='complementary'>x</div>",
    "<ad-slot>Advertisement</ad-slot>",
    "<comment-thread>…</comment-thread>",
    "<share-bar>…</share-bar>",
  ])("skips %s", (html) => {
    expect(isSkippedElement(element(html))).toBe(true);
  });

  it.each([
    "<p>Text</p>",
    "<div class='entry-content entry clearfix'>…</div>",
    "<div class='entry-content share-enabled'>…</div>",
    "<div class='article-body'>…</div>",
    "<div class='shadow-box header-load'>…</div>",
    "<div class='css-1x2y3z'>…</div>",
    "<blockquote>Quoted</blockquote>",
    "<form id='aspnetForm'>…</form>",
    "<ins>inserted text</ins>",
    "<news-article>…</news-article>",
    "<story-body-ad-free>…</story-body-ad-free>",
  ])("keeps %s", (html) => {
    expect(isSkippedElement(element(html))).toBe(false);
  });
});

describe("isBlockElement", () => {
  it("tells blocks from inline elements", () => {
    expect(isBlockElement(element("<p>x</p>"))).toBe(true);
    expect(isBlockElement(element("<div>x</div>"))).toBe(true);
    expect(isBlockElement(element("<li>x</li>"))).toBe(true);
    expect(isBlockElement(element("<a>x</a>"))).toBe(false);
    expect(isBlockElement(element("<em>x</em>"))).toBe(false);
    expect(isBlockElement(element("<span>x</span>"))).toBe(false);
  });
});

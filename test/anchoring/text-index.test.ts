import { describe, expect, it } from "vitest";
import { isSkippedElement } from "../../lib/anchoring/content-filter";
import { buildTextIndex, collectText, indexCollected, pageText } from "../../lib/anchoring/text-index";
import { runNow } from "../../lib/detect/sliced";
import { indexHtml, parseHtml } from "../helpers";

describe("buildTextIndex", () => {
  it("joins inline markup without adding space", () => {
    const index = indexHtml("<p>Pyong<em>yang</em> <a href='#'>demolished</a> a <span>test</span> site</p>");
    expect(index.text).toBe("pyongyang demolished a test site");
  });

  it("separates blocks even where the markup has no white space", () => {
    const index = indexHtml("<p>first paragraph.</p><p>second</p><ul><li>one</li><li>two</li></ul>line<br>break");
    expect(index.text).toBe("first paragraph. second one two line break");
  });

  it("leaves out scripts, styles, ads, captions and comment threads", () => {
    const index = indexHtml(`
      <p>Trump, who has since met <span class="ad-slot-inline">Advertisement</span>with Kim</p>
      <script>var tracking = "Kim";</script><style>p { color: red }</style>
      <figure><img src="x.jpg"><figcaption>Photo: AFP</figcaption></figure>
      <div class="adContainer">Sponsored</div>
      <section id="comments" class="comments-area"><p>I disagree</p></section>
      <div class="share-bar">Share on X</div>
      <p hidden>hidden text</p><p aria-hidden="true">icon</p><p style="display: none">gone</p>
      <p>three times</p>`);
    expect(index.text).toBe("trump, who has since met with kim three times");
  });

  it("keeps an element that names itself as content although it looks like furniture", () => {
    const index = indexHtml(`<div class="entry-content share-enabled"><p>The body.</p></div>`);
    expect(index.text).toBe("the body.");
  });

  it("never leaves out the root itself", () => {
    const doc = parseHtml(`<body><div id="root" class="comments-open">kept</div></body>`);
    expect(buildTextIndex(doc.getElementById("root") as Element).text).toBe("kept");
  });

  it("records every text node with its raw offset", () => {
    const index = indexHtml("<p>ab<b>cd</b></p><p>ef</p>");
    expect(index.raw).toBe("abcd\nef");
    expect(index.segments.map((segment) => [segment.node.data, segment.start])).toEqual([
      ["ab", 0],
      ["cd", 2],
      ["ef", 5],
    ]);
  });
});

describe("pageText", () => {
  it("gives the raw text of a span, white space collapsed and soft hyphens dropped", () => {
    const index = indexHtml("<p>the North\u2019s\u00A0leader  Kim Jong\u00AD-un</p>");
    const start = index.text.indexOf("north");
    expect(pageText(index, start, index.text.length)).toBe("North\u2019s leader Kim Jong-un");
  });
});

describe("indexCollected", () => {
  it("indexes collected text as buildTextIndex does, without a second walk", () => {
    document.body.innerHTML =
      "<article><p>North Korea’s <b>statement</b></p><aside>Ad</aside><p>Second&nbsp;one</p></article>";
    const root = document.querySelector("article") as Element;
    expect(indexCollected(runNow(collectText(root, isSkippedElement)))).toEqual(buildTextIndex(root));
  });
});

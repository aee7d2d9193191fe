import { describe, expect, it } from "vitest";
import { pageQuote } from "../../lib/overlay/page-quote";
import { parseHtml } from "../helpers";

/** A range over the first occurrence of `text` in the body's text nodes (it may span several). */
function rangeOf(doc: Document, text: string): Range {
  const nodes: Text[] = [];
  const walker = doc.createTreeWalker(doc.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
  const all = nodes.map((node) => node.data).join("");
  const at = all.indexOf(text);
  if (at === -1) throw new Error(`not found: ${text}`);
  const point = (offset: number): [Text, number] => {
    let seen = 0;
    for (const node of nodes) {
      if (offset <= seen + node.data.length) return [node, offset - seen];
      seen += node.data.length;
    }
    throw new Error("offset out of range");
  };
  const range = doc.createRange();
  range.setStart(...point(at));
  range.setEnd(...point(at + text.length));
  return range;
}

describe("pageQuote", () => {
  it("reads the claim as the page has it, with its block's text as context", () => {
    const doc = parseHtml(
      `<body><p>First paragraph.</p><p>Kim and <a href="/t">Trump</a> met in  Singapore\u00A0on June 12, 2018, after which.</p><p>Next.</p></body>`,
    );
    expect(pageQuote(rangeOf(doc, "Trump met in  Singapore"))).toEqual({
      exact: "Trump met in Singapore",
      prefix: "\nKim and ",
      suffix: " on June 12, 2018, after which.\n",
    });
  });

  it("marks block boundaries inside the quote, and skips scripts, hidden text and other unsearched content", () => {
    const doc = parseHtml(
      `<body><p>the North took several unilateral<div class="ad"><div>ADVERTISEMENT</div><script>var x = 1;</script></div>measures towards denuclearization<span style="display:none">hidden</span> in a goodwill gesture</p></body>`,
    );
    const quote = pageQuote(rangeOf(doc, "several unilateralADVERTISEMENTvar x = 1;measures towards"));
    expect(quote.exact).toBe("several unilateral\nADVERTISEMENT\nmeasures towards");
    expect(quote.prefix).toBe("\nthe North took ");
    expect(quote.suffix).toBe(" denuclearization in a goodwill gesture\n");
  });

  it("treats a line break as a block boundary", () => {
    const doc = parseHtml(`<body><p>Never again.<br>Never ever.</p></body>`);
    expect(pageQuote(rangeOf(doc, "again.Never")).exact).toBe("again.\nNever");
  });
});

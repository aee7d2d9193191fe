import { describe, expect, it } from "vitest";
import { rangeFromOffsets } from "../../lib/anchoring/dom-range";
import { buildTextIndex } from "../../lib/anchoring/text-index";
import { claimTextRanges } from "../../lib/overlay/claim-ranges";
import { parseHtml } from "../helpers";

describe("claimTextRanges", () => {
  it("splits a claim into one range per text node and leaves out an ad inside it", () => {
    const doc = parseHtml(
      `<body><div id="c"><p id="p">Trump, who has <a href="#">since met</a> <span class="ad-inline">Advertisement</span> with Kim three times, has</p></div></body>`,
    );
    const p = doc.getElementById("p") as HTMLElement;
    const range = doc.createRange();
    range.setStart(p.firstChild as Text, 0);
    const last = p.lastChild as Text;
    range.setEnd(last, last.data.indexOf(","));
    const pieces = claimTextRanges(range, doc.getElementById("c") as Element).map((piece) => piece.toString());
    expect(pieces).toEqual(["Trump, who has ", "since met", " with Kim three times"]);
  });

  it("gives a single range for a claim inside one text node", () => {
    const doc = parseHtml(`<body><div id="c"><p>before claim text after</p></div></body>`);
    const text = doc.querySelector("p")?.firstChild as Text;
    const range = doc.createRange();
    range.setStart(text, 7);
    range.setEnd(text, 17);
    expect(claimTextRanges(range, doc.getElementById("c") as Element).map(String)).toEqual(["claim text"]);
  });

  it("covers every part of a claim that crosses into a component's shadow tree", () => {
    const doc = parseHtml(
      `<body><div id="c"><p>Kim and Trump met in Singapore on <x-date></x-date>, after</p></div></body>`,
    );
    (doc.querySelector("x-date") as Element).attachShadow({ mode: "open" }).append("June 12, 2018");
    const index = buildTextIndex(doc.getElementById("c") as Element);
    const start = index.text.indexOf("kim");
    const range = rangeFromOffsets(index, start, index.text.indexOf(", after"));
    expect(range.toString()).toBe("Kim and Trump met in Singapore on ");
    expect(claimTextRanges(range, doc.getElementById("c") as Element).map(String)).toEqual([
      "Kim and Trump met in Singapore on ",
      "June 12, 2018",
    ]);
  });
});

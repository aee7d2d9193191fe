import { describe, expect, it } from "vitest";
import { findRareWords } from "../../lib/detect/prefilter";
import { runNow } from "../../lib/detect/sliced";
import { parseHtml } from "../helpers";

const words = ["nightmare", "Gwon", "Chunying", "stalemate"];
const look = (root: Element, minWords: number, gateWords = words) =>
  runNow(findRareWords(root, { rareWords: words, minRareWords: minWords, gateWords }));

describe("findRareWords", () => {
  it("gives the first text node of each word found when enough are there", () => {
    const doc = parseHtml(
      "<body><p id='a'>a dark nightmare</p><p id='b'>Ri Son <b>Gwon</b> said</p><p>Gwon again, a stalemate</p></body>",
    );
    const nodes = look(doc.body, 3);
    expect(nodes?.map((node) => node.data)).toEqual(["a dark nightmare", "Gwon", "Gwon again, a stalemate"]);
  });

  it("returns null when too few words occur", () => {
    expect(look(parseHtml("<body><p>only a nightmare here</p></body>").body, 2)).toBeNull();
    expect(look(parseHtml("<body></body>").body, 1)).toBeNull();
  });

  it("sees through soft hyphens and counts a word once", () => {
    const doc = parseHtml("<body><p>Chun&shy;ying</p><p>stale&shy;mate</p><p>stalemate</p></body>");
    expect(look(doc.body, 2)?.map((node) => node.data)).toEqual(["Chun\u00ADying", "stale\u00ADmate"]);
  });

  it("looks no further when no gate word occurs", () => {
    const doc = parseHtml("<body><p>a nightmare, a stalemate, and Chunying</p></body>");
    expect(look(doc.body, 2, ["Gwon"])).toBeNull();
    expect(look(doc.body, 2, ["Gwon", "Chunying"])?.map((node) => node.data)).toEqual([
      "a nightmare, a stalemate, and Chunying",
    ]);
  });

  it("does not count words in scripts and styles", () => {
    const doc = parseHtml(
      `<body><script type="application/ld+json">{"articleBody": "nightmare Gwon Chunying"}</script><p>stalemate</p></body>`,
    );
    expect(look(doc.body, 2)).toBeNull();
  });

  it("reads the text in open shadow roots, nested ones too, but not in closed ones", () => {
    const doc = parseHtml(
      "<body><p>a nightmare</p><x-story id='open'></x-story><x-secret id='closed'></x-secret></body>",
    );
    const open = (doc.getElementById("open") as Element).attachShadow({ mode: "open" });
    const inner = doc.createElement("x-quote");
    open.append(inner);
    inner.attachShadow({ mode: "open" }).append("Ri Son Gwon");
    (doc.getElementById("closed") as Element).attachShadow({ mode: "closed" }).append("a stalemate");
    expect(look(doc.body, 2)?.map((node) => node.data)).toEqual(["a nightmare", "Ri Son Gwon"]);
    expect(look(doc.body, 3)).toBeNull();
  });

  it("walks the elements for shadow roots only when the page's own tree leaves a word unfound", () => {
    /** A page with the words in `light`, "a stalemate" in a component's shadow root, and a count of looks for it. */
    const page = (light: string) => {
      const doc = parseHtml(`<body><p>${light}</p><x-story></x-story></body>`);
      const story = doc.querySelector("x-story") as Element;
      const shadow = story.attachShadow({ mode: "open" });
      shadow.append("a stalemate");
      const looks = { count: 0 };
      Object.defineProperty(story, "shadowRoot", {
        get: () => {
          looks.count++;
          return shadow;
        },
      });
      return { doc, looks };
    };
    const whole = page("a nightmare, Ri Son Gwon, Chunying, a stalemate");
    expect(look(whole.doc.body, 4)?.map((node) => node.data)).toEqual([
      "a nightmare, Ri Son Gwon, Chunying, a stalemate",
    ]);
    expect(whole.looks.count).toBe(0);

    // A word missing from the page's own tree: its elements are walked once, and both passes read the shadow root.
    const trimmed = page("a nightmare and Gwon");
    expect(look(trimmed.doc.body, 3)?.map((node) => node.data)).toEqual(["a nightmare and Gwon", "a stalemate"]);
    expect(trimmed.looks.count).toBe(1);
  });
});

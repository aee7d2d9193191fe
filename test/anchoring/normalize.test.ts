import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { foldCluster, normalizeText, normalizeWithMap } from "../../lib/anchoring/normalize";

describe("foldCluster", () => {
  it.each([
    ["\u2019", "'"],
    ["\u2018", "'"],
    ["\u201C", '"'],
    ["\u201D", '"'],
    ["\u00AB", '"'],
    ["\u2013", "-"],
    ["\u2014", "-"],
    ["\u2212", "-"],
    ["\uFF02", '"'], // full-width quote: NFKC gives '"'
    ["\uFB01", "fi"], // ligature
    ["\u00A0", " "],
    ["\u202F", " "],
    ["\u3000", " "],
    ["\u00AD", ""],
    ["\u200B", ""],
    ["K", "k"],
  ])("folds %j to %j", (input, folded) => {
    expect(foldCluster(input)).toBe(folded);
  });

  it("composes a letter and its combining mark", () => {
    expect(foldCluster("e\u0301")).toBe("é");
  });
});

describe("normalizeText", () => {
  it("makes typographic variants of a sentence equal", () => {
    const curly = "the North\u2019s leader \u201Cold stance\u201D \u2014 Kim Jong\u2011un";
    const plain = 'the North\'s leader "old stance" - Kim Jong-un';
    expect(normalizeText(curly)).toBe(normalizeText(plain));
  });

  it("collapses every kind of white space and drops soft hyphens", () => {
    expect(normalizeText("  denu\u00ADclear\u00ADization\u00A0 \t\n in\u2009a  row ")).toBe(
      "denuclearization in a row ",
    );
  });

  it("lower-cases", () => {
    expect(normalizeText("Ri Son GWON")).toBe("ri son gwon");
  });
});

describe("normalizeWithMap", () => {
  it("maps every normalised character back to its raw span", () => {
    const raw = "A\u00AD\u00A0 \u201Cb\u201D\uFB01";
    const { text, rawStart, rawEnd } = normalizeWithMap(raw);
    expect(text).toBe('a "b"fi');
    expect([...rawStart]).toEqual([0, 2, 4, 5, 6, 7, 7]);
    expect([...rawEnd]).toEqual([1, 3, 5, 6, 7, 8, 8]);
  });

  it("keeps a combining sequence as one span", () => {
    const { text, rawStart, rawEnd } = normalizeWithMap("Cafe\u0301!");
    expect(text).toBe("café!");
    expect(rawStart[3]).toBe(3);
    expect(rawEnd[3]).toBe(5);
    expect(rawStart[4]).toBe(5);
  });

  it("drops control characters without leaving holes in the map", () => {
    const { text, rawStart } = normalizeWithMap("a\u0007b");
    expect(text).toBe("ab");
    expect([...rawStart]).toEqual([0, 2]);
  });

  it("agrees with the rule spelled out a cluster at a time, fast paths and all", () => {
    /** Clusters (a character and its marks) folded one by one, white space collapsed, ASCII controls dropped. */
    const reference = (raw: string) => {
      const chars: [string, number, number][] = [];
      for (const { index, 0: cluster } of raw.matchAll(/[\s\S]\p{M}*/gu)) {
        const code = cluster.charCodeAt(0);
        const asciiControl = code < 0x09 || (code > 0x0d && code < 0x20) || code === 0x7f;
        if (cluster.length === 1 && asciiControl) continue;
        for (const char of foldCluster(cluster)) {
          if (char === " " && (chars.length === 0 || chars[chars.length - 1][0] === " ")) continue;
          chars.push([char, index, index + cluster.length]);
        }
      }
      return chars;
    };
    const pieces = [
      "News",
      " ",
      "  ",
      "\n",
      "`",
      "\u2019",
      "\u201C",
      "\u2014",
      "\u00A0",
      "\u00AD",
      "\u0301",
      "\uFB01",
      "U.S.",
      "\u0007",
      "\u{1F600}",
    ];
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...pieces), fc.string()), { maxLength: 30 }), (parts) => {
        const raw = parts.join("");
        const { text, rawStart, rawEnd } = normalizeWithMap(raw);
        const expected = reference(raw);
        expect(text).toBe(expected.map(([char]) => char).join(""));
        expect([...rawStart]).toEqual(expected.map(([, start]) => start));
        expect([...rawEnd]).toEqual(expected.map(([, , end]) => end));
      }),
      { numRuns: 3000 },
    );
  });
});

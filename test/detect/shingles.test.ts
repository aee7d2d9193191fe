import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { normalizeText } from "../../lib/anchoring/normalize";
import { shingles } from "../../lib/detect/shingles";

describe("shingles", () => {
  it("gives one shingle per run of words, with the offset of its first word", () => {
    const result = shingles("one two, three four", 2);
    expect(result.map((shingle) => shingle.start)).toEqual([0, 4, 9]);
    expect(new Set(result.map((shingle) => shingle.hash)).size).toBe(3);
  });

  it("gives nothing for fewer words than the size", () => {
    expect(shingles("one two", 3)).toEqual([]);
  });

  it("is blind to typography and markup-level punctuation", () => {
    const a = shingles(normalizeText("the North\u2019s leader Kim Jong\u2013un \u201Cold stance\u201D"), 3);
    const b = shingles(normalizeText('The North\'s  leader Kim Jong-un "old stance"'), 3);
    expect(a.map((shingle) => shingle.hash)).toEqual(b.map((shingle) => shingle.hash));
  });

  it("gives unsigned 32-bit hashes", () => {
    for (const { hash } of shingles("a b c d e f g h i j k l m n o p", 5)) {
      expect(Number.isInteger(hash) && hash >= 0 && hash <= 0xffffffff).toBe(true);
    }
  });

  it("folds case and compatibility forms word by word, also where lower-casing changes the text's length", () => {
    const hashes = (text: string) => shingles(text, 2).map((shingle) => shingle.hash);
    expect(hashes("\u00C9COLE \uFB01ne WORDS")).toEqual(hashes("\u00E9cole fine words"));
    // "İ" lower-cases to two characters: the offsets then come from the text as it is.
    const dotted = shingles("\u0130stanbul talks resumed", 2);
    expect(dotted.map((shingle) => shingle.start)).toEqual([0, 9]);
    expect(dotted.map((shingle) => shingle.hash)).toEqual(hashes("i\u0307stanbul talks resumed"));
  });

  it("reads plain prose (ASCII, no-break spaces, soft hyphens, general punctuation) as the Unicode pattern does", () => {
    const plain = fc.stringMatching(/^[a-zA-Z0-9 .,'"\u00A0\u00AD\u2000-\u206F-]{0,80}$/);
    fc.assert(
      fc.property(plain, (text) => {
        // A trailing zero-width no-break space is no plain character, and a word that is only invisible characters counts for nothing: the words and offsets stay, read the Unicode way.
        expect(shingles(text, 2)).toEqual(shingles(`${text} \uFEFF`, 2));
      }),
    );
  });
});

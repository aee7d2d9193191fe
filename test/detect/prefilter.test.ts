import { describe, expect, it } from "vitest";
import { findRareWords, mayHideWords, stripInvisibleCharacters } from "../../lib/detect/prefilter";

const words = ["nightmare", "Gwon", "Chunying", "stalemate"];

describe("findRareWords", () => {
  it("returns the first offset of each word found when enough are there", () => {
    const text = "a dark nightmare; Ri Son Gwon said; Gwon again; a stalemate";
    expect(findRareWords(text, words, 3)).toEqual([7, 25, 50]);
  });

  it("returns null when too few words occur", () => {
    expect(findRareWords("only a nightmare here", words, 2)).toBeNull();
    expect(findRareWords("", words, 1)).toBeNull();
  });

  it("is case-sensitive, as the rare words are chosen", () => {
    expect(findRareWords("NIGHTMARE GWON CHUNYING", words, 1)).toBeNull();
  });
});

describe("invisible characters", () => {
  it("are found and stripped", () => {
    expect(mayHideWords("Chun\u00ADying")).toBe(true);
    expect(mayHideWords("Chun\u200Bying")).toBe(true);
    expect(mayHideWords("Chunying")).toBe(false);
    expect(stripInvisibleCharacters("stale\u00ADmate\u200B")).toBe("stalemate");
  });
});

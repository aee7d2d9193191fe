/**
 * Word shingles: every run of `size` consecutive words of a normalised text,
 * hashed to 32 bits. Two texts share shingles in proportion to the prose they
 * share, whatever their markup and typography.
 */

/** Words are runs of letters and digits; everything else separates them. */
const WORD = /[\p{L}\p{N}]+/gu;

/** One hashed run of words. */
export interface Shingle {
  hash: number;
  /** Offset of the shingle's first word in the text. */
  start: number;
}

/** The shingles of a normalised text, in order. */
export function shingles(text: string, size: number): Shingle[] {
  const words: string[] = [];
  const starts: number[] = [];
  for (const word of text.matchAll(WORD)) {
    words.push(word[0]);
    starts.push(word.index);
  }
  const result: Shingle[] = [];
  for (let first = 0; first + size <= words.length; first++) {
    result.push({ hash: hashWords(words, first, size), start: starts[first] });
  }
  return result;
}

/** FNV-1a over the words joined by single spaces. */
function hashWords(words: string[], first: number, count: number): number {
  let hash = 0x811c9dc5;
  for (let index = first; index < first + count; index++) {
    if (index > first) hash = Math.imul(hash ^ 0x20, 0x01000193);
    const word = words[index];
    for (let char = 0; char < word.length; char++) hash = Math.imul(hash ^ word.charCodeAt(char), 0x01000193);
  }
  return hash >>> 0;
}

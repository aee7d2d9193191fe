/**
 * The cheap first look every page gets: are enough of the article's rare
 * words in the page text? A plain case-sensitive `indexOf` per word, so an
 * ordinary page is rejected in a few string scans.
 */

/** Invisible characters that can split a word (a soft hyphen in "reciprocated"). */
const INVISIBLE = /[\u00AD\u180E\u200B-\u200D\u2060\uFEFF]/g;

/**
 * Offsets of the first occurrence of each rare word found in `text`, or
 * `null` when fewer than `minWords` of them occur.
 */
export function findRareWords(text: string, rareWords: readonly string[], minWords: number): number[] | null {
  const found: number[] = [];
  for (let index = 0; index < rareWords.length; index++) {
    const at = text.indexOf(rareWords[index]);
    if (at !== -1) found.push(at);
    // Stop as soon as the remaining words could not make up the count.
    else if (found.length + rareWords.length - index - 1 < minWords) return null;
  }
  return found.length >= minWords ? found : null;
}

/**
 * Whether the text may hide rare words from `indexOf` behind invisible
 * characters. Only the two that hyphenation and line-breaking tools insert
 * are looked for: two `indexOf` scans cost far less than a regular
 * expression over a long page, and this runs on every page that fails.
 */
export function mayHideWords(text: string): boolean {
  return text.includes("\u00AD") || text.includes("\u200B");
}

/** The text without invisible characters. */
export function stripInvisibleCharacters(text: string): string {
  return text.replace(INVISIBLE, "");
}

/**
 * The cheap first look every page gets: do enough of the article's rare
 * words occur in the page's text? Passes over the text nodes (script and
 * style text left out: a JSON-LD copy of the article is not the article),
 * first for the gate words alone, which most pages fail at once, then for
 * all the rare words. The text in open shadow roots (web components) counts
 * too: finding them is one more pass over the elements, made only when the
 * page's own tree leaves a word unfound (the words are looked for there
 * first, so the result is the same; a page whose tree holds the article
 * never pays for it). `npm run bench` measures it. Sliced (`sliced.ts`):
 * the passes pause every `CHECK_EVERY` nodes.
 */

import { CODE_TAGS } from "../anchoring/content-filter";
import { openShadowRoots } from "../anchoring/flat-tree";
import { INVISIBLE } from "./shingles";
import { CHECK_EVERY, type Steps } from "./sliced";

/** `NodeFilter.SHOW_TEXT`, spelled out so that this also runs where `NodeFilter` is not a global. */
const SHOW_TEXT = 0x4;

/** The words to look for (as the fingerprint names them): all `rareWords`, of which `minRareWords` must occur, at least one of them from `gateWords`. */
export interface RareWords {
  rareWords: readonly string[];
  minRareWords: number;
  gateWords: readonly string[];
}

/**
 * The text nodes holding the first occurrence of each rare word under `root`
 * and in the open shadow roots inside it; `null` when no gate word or fewer
 * than `minRareWords` distinct words occur. A sliced pass (`sliced.ts`).
 */
export function* findRareWords(root: Element, { rareWords, minRareWords, gateWords }: RareWords): Steps<Text[] | null> {
  let shadowRoots: ShadowRoot[] | undefined;
  /**
   * One pass for `words`: `root` first, then, when a word is still missing,
   * its shadow roots (found once, on first need).
   */
  function* firstOccurrences(words: readonly string[], minWords: number): Steps<Text[] | null> {
    const first = new Map<string, Text>();
    // Done when every word is found, or, for the gate, any one.
    const wanted = minWords === 1 ? 1 : words.length;
    yield* scan([root], words, first, wanted);
    if (first.size < wanted) {
      shadowRoots ??= yield* openShadowRoots(root);
      yield* scan(shadowRoots, words, first, wanted);
    }
    return first.size >= minWords ? [...new Set(first.values())] : null;
  }
  return (yield* firstOccurrences(gateWords, 1)) && (yield* firstOccurrences(rareWords, minRareWords));
}

/**
 * Adds to `first` the first text node of each of `words` under `roots` not
 * found yet, until `first` holds `wanted` words.
 */
function* scan(roots: Node[], words: readonly string[], first: Map<string, Text>, wanted: number): Steps<void> {
  for (const root of roots) {
    const walker = (root.ownerDocument as Document).createTreeWalker(root, SHOW_TEXT);
    while (scanSome(walker, words, first, wanted)) yield;
    if (first.size >= wanted) return;
  }
}

/**
 * `scan` over the walker's next `CHECK_EVERY` text nodes at most; false when
 * the walker is done or enough words are found. This is the loop that every
 * page runs over all its text, kept out of the generator: as a plain
 * function the engine optimises it while the first look still runs, so
 * that the looks after it (the watch for late content) are fast at once.
 * A plain substring search (case-sensitive) on each text node, many times
 * faster than a pattern; invisible characters are taken out first where a
 * node has any. White space between tags is searched too: reading a node's
 * length to skip it costs as much as reading its text.
 */
function scanSome(walker: TreeWalker, words: readonly string[], first: Map<string, Text>, wanted: number): boolean {
  for (let count = 0; count < CHECK_EVERY; count++) {
    const node = walker.nextNode() as Text | null;
    if (!node) return false;
    let data = node.data;
    // A word hyphenated for line breaking ("re\u00ADcip\u00ADro\u00ADcated") still counts. Looking for the two
    // characters such tools put in is several times faster than a pattern test on every node.
    if (data.includes("\u00AD") || data.includes("\u200B")) data = data.replace(INVISIBLE, "");
    // Indexed, not `for...of`: before the engine optimises the loop, an iterator per text node costs much.
    for (let index = 0; index < words.length; index++) {
      const word = words[index];
      if (!first.has(word) && data.includes(word) && !CODE_TAGS.has(node.parentNode?.nodeName ?? ""))
        first.set(word, node);
    }
    if (first.size >= wanted) return false;
  }
  return true;
}

/**
 * A Hypothesis-style quote anchorer, the baseline of the benchmark. After
 * hypothesis/client's `src/annotator/anchoring/match-quote.ts` and its
 * TextQuoteAnchor: the text of the root flattened (every text node, as
 * `textContent` gives it), an exact `indexOf` first, else an approximate
 * search (approx-string-match, Myers' bit-parallel algorithm) with up to
 * min(256, quote length / 2) errors; candidates scored by the quote, the
 * prefix and the suffix (weights 50, 20, 20, as Hypothesis), and the best
 * one mapped back to a DOM Range. No normalisation: Hypothesis compares the
 * page text as it is.
 *
 * One difference in the baseline's favour: the text is flattened once per
 * batch of quotes (`anchorAll`), where Hypothesis reads `textContent` again
 * for every anchor.
 */
import approximateSearch from "approx-string-match";

/** A TextQuoteSelector as stored. */
export interface TextQuote {
  exact: string;
  prefix?: string;
  suffix?: string;
}

/** The root's text, flattened, with where each text node starts in it. */
export interface FlatText {
  text: string;
  nodes: Text[];
  starts: number[];
}

interface Match {
  start: number;
  end: number;
  errors: number;
}

const SHOW_TEXT = 0x4;

/** Flattens the text under `root` with a TreeWalker (the same text as `root.textContent`). */
export function flatten(root: Node): FlatText {
  const document = root.ownerDocument ?? (root as Document);
  const walker = document.createTreeWalker(root, SHOW_TEXT);
  const parts: string[] = [];
  const nodes: Text[] = [];
  const starts: number[] = [];
  let length = 0;
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    nodes.push(node);
    starts.push(length);
    parts.push(node.data);
    length += node.data.length;
  }
  return { text: parts.join(""), nodes, starts };
}

/** Exact occurrences first; only when there is none, the approximate search. */
function search(text: string, pattern: string, maxErrors: number): Match[] {
  const exact: Match[] = [];
  for (let at = text.indexOf(pattern); at !== -1; at = text.indexOf(pattern, at + 1)) {
    exact.push({ start: at, end: at + pattern.length, errors: 0 });
  }
  if (exact.length > 0) return exact;
  return approximateSearch(text, pattern, maxErrors);
}

/** How well `text` holds `pattern`: 1 − errors / length of its best approximate occurrence. */
function textMatchScore(text: string, pattern: string): number {
  if (pattern.length === 0 || text.length === 0) return 0;
  const matches = search(text, pattern, pattern.length);
  return matches.length === 0 ? 0 : 1 - matches[0].errors / pattern.length;
}

/** Hypothesis' `matchQuote`: the best-scored occurrence of `quote.exact` in `text`, or null. */
export function matchQuote(text: string, quote: TextQuote): Match | null {
  const exact = quote.exact;
  if (exact.length === 0) return null;
  const maxErrors = Math.min(256, exact.length / 2);
  const matches = search(text, exact, maxErrors);
  if (matches.length === 0) return null;

  const score = (match: Match): number => {
    const quoteScore = 1 - match.errors / exact.length;
    const prefixScore = quote.prefix
      ? textMatchScore(text.slice(Math.max(0, match.start - quote.prefix.length), match.start), quote.prefix)
      : 1;
    const suffixScore = quote.suffix
      ? textMatchScore(text.slice(match.end, match.end + quote.suffix.length), quote.suffix)
      : 1;
    return (50 * quoteScore + 20 * prefixScore + 20 * suffixScore) / 90;
  };

  let best: Match | null = null;
  let bestScore = -1;
  for (const match of matches) {
    const value = score(match);
    if (value > bestScore) {
      best = match;
      bestScore = value;
    }
  }
  return best;
}

/** The node holding text offset `offset` (the last one starting at or before it). */
function nodeIndexAt(flat: FlatText, offset: number): number {
  let low = 0;
  let high = flat.starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (flat.starts[middle] <= offset) low = middle;
    else high = middle - 1;
  }
  return low;
}

/** Offsets `[start, end)` of the flattened text as a DOM Range. */
export function rangeFromOffsets(flat: FlatText, start: number, end: number): Range | null {
  if (flat.nodes.length === 0 || end <= start) return null;
  const first = nodeIndexAt(flat, start);
  // The end offset belongs to the node holding its last character.
  const last = nodeIndexAt(flat, end - 1);
  const range = flat.nodes[first].ownerDocument.createRange();
  range.setStart(flat.nodes[first], start - flat.starts[first]);
  range.setEnd(flat.nodes[last], end - flat.starts[last]);
  return range;
}

/** Anchors every quote in the text under `root`; null where a quote is not found. */
export function anchorAll(root: Node, quotes: readonly TextQuote[]): (Range | null)[] {
  const flat = flatten(root);
  return quotes.map((quote) => {
    const match = matchQuote(flat.text, quote);
    return match ? rangeFromOffsets(flat, match.start, match.end) : null;
  });
}

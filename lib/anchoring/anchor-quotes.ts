/**
 * Anchors a list of quotes (in their order in the article) in a text index:
 * exact matches first for all of them, then fuzzy matching for the rest,
 * each expected between its anchored neighbours. Every result is checked
 * against its quote once more after mapping; a quote that does not anchor is
 * left out, never placed at a guess.
 */
import { rangeFromOffsets } from "./dom-range";
import { matchQuote, type QuoteToMatch } from "./match-quote";
import { normalizeText } from "./normalize";
import { pageText, type TextIndex } from "./text-index";

/** Where a quote anchored, and how. */
export interface QuoteAnchor {
  /** Normalised offsets in the index. */
  start: number;
  end: number;
  range: Range;
  match: "exact" | "fuzzy";
  score: number;
  /** The page text of the anchored range (left-out subtrees excluded). */
  text: string;
}

/** Quotes normalised once per quote object: the overlay anchors the same dataset's quotes again on every re-render. */
const normalizedQuotes = new WeakMap<QuoteToMatch, QuoteToMatch>();

function normalizedQuote(quote: QuoteToMatch): QuoteToMatch {
  let normalized = normalizedQuotes.get(quote);
  if (!normalized) {
    normalized = {
      exact: normalizeText(quote.exact).trim(),
      prefix: normalizeText(quote.prefix),
      suffix: normalizeText(quote.suffix),
    };
    normalizedQuotes.set(quote, normalized);
  }
  return normalized;
}

/**
 * Anchors `quotes` in `index`. Returns one entry per quote, `null` where the
 * quote is not in the indexed text.
 */
export function anchorQuotes(index: TextIndex, quotes: readonly QuoteToMatch[]): (QuoteAnchor | null)[] {
  const normalized = quotes.map(normalizedQuote);
  const matches = normalized.map((quote) => matchQuote(index.text, quote, { fuzzy: false }));

  normalized.forEach((quote, position) => {
    if (matches[position]) return;
    const before = matches.slice(0, position).findLast((match) => match !== null);
    const after = matches.slice(position + 1).find((match) => match !== null);
    matches[position] = matchQuote(index.text, quote, {
      expectedStart: { min: before?.start ?? 0, max: after?.start ?? index.text.length },
    });
  });

  return matches.map((match, position) => {
    if (!match) return null;
    const text = pageText(index, match.start, match.end);
    const matched = index.text.slice(match.start, match.end);
    // The check after mapping: the page text read back is what was matched, and an exact match is the quote.
    const readBack = normalizeText(text).trim();
    if (readBack !== matched || (match.match === "exact" && readBack !== normalized[position].exact)) return null;
    return { ...match, range: rangeFromOffsets(index, match.start, match.end), text };
  });
}

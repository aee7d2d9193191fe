/**
 * Links to a claim that work without the extension: the page's address with
 * a text fragment (`#:~:text=[prefix-,]textStart[,textEnd][,-suffix]`, the
 * WICG URL fragment text directive), which the browser scrolls to and
 * highlights. Pure string functions; the text comes from the page as it
 * reads there (lib/overlay/page-quote.ts), because browsers match text
 * fragments literally, up to case and accents, but not up to curly or
 * straight quotes.
 *
 * How the browser matches (and so how the directive is built):
 * - each term (prefix, textStart, textEnd, suffix) must lie inside one block
 *   of the page: a term never spans a block boundary, marked "\n" here;
 * - matches start and end on word boundaries, so every term is made of whole
 *   words;
 * - white space between prefix and textStart, and between the match and
 *   suffix, is skipped, so context terms are trimmed;
 * - the first match in the document wins: prefix and suffix are the context
 *   that makes the claim's occurrence the one found (a comment quoting the
 *   claim further down has other words around it).
 */
import type { TextQuoteSelector } from "./schema";

/** The text a directive is built from: a quote and its context, as on the page ("\n" at block boundaries). */
export type PageQuote = Pick<TextQuoteSelector, "exact" | "prefix" | "suffix">;

/** Word counts the directive is built with. */
export const FRAGMENT_WORDS = {
  /** A quote of at most this many words (within one block) is given whole as textStart. */
  wholeQuote: 10,
  /** Otherwise textStart is its first and textEnd its last this many words. */
  edge: 4,
  /** Words of context on each side (prefix and suffix). */
  context: 3,
} as const;

/** Soft hyphens and zero-width characters: not rendered, so never part of a term. */
const INVISIBLE = /[\u00AD\u200B-\u200D\u2060\uFEFF]/g;

/** The text with invisible characters dropped and every run of white space but "\n" made one space. */
function clean(text: string): string {
  return text
    .replace(INVISIBLE, "")
    .replace(/[^\S\n]+/g, " ")
    .replace(/ ?\n[\s]*/g, "\n");
}

const words = (segment: string) => segment.split(" ").filter(Boolean);

/**
 * Percent-encodes one term of a text directive: everything `encodeURIComponent`
 * encodes (`,`, `&`, `%`, `#`, spaces, non-ASCII), and `-` too, which
 * `encodeURIComponent` leaves alone but which the directive's syntax uses to
 * mark prefix and suffix.
 */
export function encodeTextDirectiveTerm(term: string): string {
  return encodeURIComponent(term).replace(/-/g, "%2D");
}

/**
 * The end term: the last `edge` words of the quote, lengthened to the left
 * while an earlier occurrence of them after textStart would end the match too
 * soon (the browser takes the first textEnd after textStart).
 */
function endTerm(quoteWords: string[], startWordCount: number): string {
  const rest = quoteWords.slice(startWordCount);
  const haystack = rest.join(" ").toLowerCase();
  for (let count = FRAGMENT_WORDS.edge; count < rest.length; count++) {
    const term = rest.slice(-count).join(" ");
    if (haystack.indexOf(term.toLowerCase()) === haystack.length - term.length) return term;
  }
  return rest.join(" ");
}

/**
 * The text directive's value (`prefix-,start,end,-suffix`, encoded) for a
 * quote as it reads on the page, or `null` when the quote has no text.
 * Short quotes go whole into textStart; longer ones, and quotes that cross a
 * block boundary, become textStart (first words) and textEnd (last words),
 * which also keeps the link short and lets it survive edits in the middle.
 */
export function buildTextDirective(quote: PageQuote): string | null {
  const segments = clean(quote.exact)
    .split("\n")
    .map((segment) => segment.trim())
    .filter(Boolean);
  if (segments.length === 0) return null;
  const first = words(segments[0]);
  let start: string;
  let end: string | undefined;
  if (segments.length === 1 && first.length <= FRAGMENT_WORDS.wholeQuote) {
    start = first.join(" ");
  } else if (segments.length === 1) {
    start = first.slice(0, FRAGMENT_WORDS.edge).join(" ");
    end = endTerm(first, FRAGMENT_WORDS.edge);
  } else {
    // Terms cannot span a block boundary: textStart in the first block, textEnd in the last.
    start = first.slice(0, FRAGMENT_WORDS.edge).join(" ");
    end = endTerm(words(segments[segments.length - 1]), 0);
  }

  const prefix = contextBefore(quote.prefix);
  const suffix = contextAfter(quote.suffix);
  const terms = [
    ...(prefix ? [`${encodeTextDirectiveTerm(prefix)}-`] : []),
    encodeTextDirectiveTerm(start),
    ...(end ? [encodeTextDirectiveTerm(end)] : []),
    ...(suffix ? [`-${encodeTextDirectiveTerm(suffix)}`] : []),
  ];
  return terms.join(",");
}

/**
 * The last words of the prefix inside the quote's own block. The prefix may
 * have been cut mid-word (a selector's fixed-length context): its first word
 * counts only when a block boundary or white space shows where it starts.
 */
function contextBefore(prefix: string): string {
  const text = clean(prefix);
  const segment = text.slice(text.lastIndexOf("\n") + 1);
  const whole = text.includes("\n") || segment.startsWith(" ");
  const tokens = words(segment);
  if (!whole) tokens.shift();
  return tokens.slice(-FRAGMENT_WORDS.context).join(" ");
}

/** The first words of the suffix inside the quote's own block (see {@link contextBefore}). */
function contextAfter(suffix: string): string {
  const text = clean(suffix);
  const breakAt = text.indexOf("\n");
  const segment = breakAt === -1 ? text : text.slice(0, breakAt);
  const whole = breakAt !== -1 || segment.endsWith(" ");
  const tokens = words(segment);
  if (!whole) tokens.pop();
  return tokens.slice(0, FRAGMENT_WORDS.context).join(" ");
}

/**
 * `pageUrl` with its fragment replaced by the text directive: an element
 * fragment or an earlier text fragment of the page would point elsewhere
 * (and the reader's own fragment is not ours to pass on).
 */
export function withTextFragment(pageUrl: string, directive: string): string {
  const url = new URL(pageUrl);
  url.hash = "";
  return `${url.href}#:~:text=${directive}`;
}

/** A link to `quote` on the page at `pageUrl`, or the bare page address when the quote has no text. */
export function linkToQuote(pageUrl: string, quote: PageQuote): string {
  const directive = buildTextDirective(quote);
  if (directive) return withTextFragment(pageUrl, directive);
  const url = new URL(pageUrl);
  url.hash = "";
  return url.href;
}

/**
 * A link to a claim on the page at `pageUrl`: with the directive built from
 * that page's own text when the overlay gave one, else from `quote` (the
 * dataset's, which matches only where the page has the same typography).
 */
export function linkToClaim(pageUrl: string, quote: PageQuote, textDirective?: string): string {
  return textDirective ? withTextFragment(pageUrl, textDirective) : linkToQuote(pageUrl, quote);
}

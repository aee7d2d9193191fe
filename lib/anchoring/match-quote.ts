/**
 * Quote matching as a pure string function: where in `text` does a
 * TextQuoteSelector's quote stand? Strategies, in order, each tried only
 * when the one before found nothing:
 *
 * 1. exact occurrences;
 * 2. the quote in two exact parts with one interruption between them;
 * 3. a bounded approximate search (edits up to a share of the quote).
 *
 * Candidates are ranked by how well the quote, its prefix and suffix, and
 * its expected position agree. Strategies 2 and 3 report "fuzzy".
 *
 * Both `text` and the selector must already be normalised (`normalize.ts`).
 */
import approximateSearch from "approx-string-match";

/*
 * Scoring weights. The quote itself dominates; the context either side
 * decides between several equally good occurrences (an article sentence
 * quoted again in a comment has the same words but different neighbours);
 * the position, taken from the neighbouring claims that did anchor, breaks
 * the remaining ties.
 */
/** Weight of the similarity between the quote and the candidate text. */
const QUOTE_WEIGHT = 50;
/** Weight of the similarity between the selector's prefix and the text before the candidate. */
const PREFIX_WEIGHT = 20;
/** Weight of the similarity between the selector's suffix and the text after the candidate. */
const SUFFIX_WEIGHT = 20;
/** Weight of the candidate lying where the neighbouring claims say it should. */
const POSITION_WEIGHT = 10;

/**
 * Most edits (insertions, deletions, substitutions) a fuzzy match may have,
 * as a share of the quote's length. Enough for an unrecognised ad label or a
 * reworded word inside a sentence; too few to match a different sentence.
 */
export const MAX_ERROR_RATE = 0.25;

/**
 * Longest interruption (in normalised characters) allowed inside a quote
 * whose two parts are otherwise exact: an ad label, a photo caption, a
 * "Read more" link the content filter did not recognise.
 */
export const MAX_INTERRUPTION = 240;

/** Shortest part of a quote, either side of an interruption, that counts as evidence. */
const MIN_INTERRUPTED_PART = 12;

/**
 * A fuzzy match must be corroborated: its prefix or its suffix must agree at
 * least this well with the page, unless the quote itself is near-exact.
 * This is what keeps a reworded sentence elsewhere from passing as the claim.
 */
const MIN_FUZZY_CONTEXT_SIMILARITY = 0.5;

/** Quote similarity above which a fuzzy match needs no corroborating context. */
const NEAR_EXACT_SIMILARITY = 0.9;

/** Context compared on each side, in characters. */
const CONTEXT_LENGTH = 32;

/** Exact occurrences considered at most: a quote repeated more often than this is not a claim. */
const MAX_EXACT_OCCURRENCES = 64;

/** A TextQuoteSelector's three parts, normalised. */
export interface QuoteToMatch {
  exact: string;
  prefix: string;
  suffix: string;
}

/** How to search. */
export interface MatchOptions {
  /**
   * Where the quote is expected to start, as a window of offsets in `text`
   * (from the claims before and after it that anchored).
   */
  expectedStart?: { min: number; max: number };
  /** Whether to search approximately when there is no exact occurrence (default true). */
  fuzzy?: boolean;
}

/** A found quote: its span in the text and how it matched. */
export interface QuoteMatch {
  start: number;
  end: number;
  match: "exact" | "fuzzy";
  /** How closely the matched text equals the quote: 1 for exact, 1 − edits / length otherwise. */
  score: number;
}

/** Finds the best place for `quote` in `text`, or `null` when it is not there. */
export function matchQuote(text: string, quote: QuoteToMatch, options: MatchOptions = {}): QuoteMatch | null {
  const exact = quote.exact.trim();
  if (!exact) return null;
  const exactMatch = bestCandidate(text, quote, options, exactCandidates(text, exact));
  if (exactMatch) return { start: exactMatch.start, end: exactMatch.end, match: "exact", score: 1 };
  if (options.fuzzy === false) return null;

  const interrupted = bestCandidate(text, quote, options, interruptedCandidates(text, exact));
  if (interrupted) {
    const span = interrupted.end - interrupted.start;
    return { start: interrupted.start, end: interrupted.end, match: "fuzzy", score: exact.length / span };
  }

  const maxErrors = Math.floor(exact.length * MAX_ERROR_RATE);
  if (maxErrors === 0) return null;
  const fuzzy = approximateSearch(text, exact, maxErrors)
    .map((found) => trimCandidate(text, found))
    .filter((candidate) => isCorroborated(text, quote, candidate));
  const fuzzyMatch = bestCandidate(text, quote, options, fuzzy);
  if (!fuzzyMatch) return null;
  return { start: fuzzyMatch.start, end: fuzzyMatch.end, match: "fuzzy", score: 1 - fuzzyMatch.errors / exact.length };
}

interface Candidate {
  start: number;
  end: number;
  errors: number;
}

function exactCandidates(text: string, exact: string): Candidate[] {
  const candidates: Candidate[] = [];
  for (
    let at = text.indexOf(exact);
    at !== -1 && candidates.length < MAX_EXACT_OCCURRENCES;
    at = text.indexOf(exact, at + 1)
  ) {
    candidates.push({ start: at, end: at + exact.length, errors: 0 });
  }
  return candidates;
}

/**
 * The quote split at a word boundary into two exact parts, the second
 * starting at most `MAX_INTERRUPTION` characters after the first ends.
 * `errors` counts the interrupting characters, for ranking.
 */
function interruptedCandidates(text: string, exact: string): Candidate[] {
  const candidates: Candidate[] = [];
  for (let split = exact.indexOf(" "); split !== -1; split = exact.indexOf(" ", split + 1)) {
    const head = exact.slice(0, split);
    const tail = exact.slice(split + 1);
    if (head.length < MIN_INTERRUPTED_PART || tail.length < MIN_INTERRUPTED_PART) continue;
    for (const { start } of exactCandidates(text, head)) {
      const gapStart = start + head.length;
      const tailAt = text.indexOf(tail, gapStart);
      if (tailAt === -1 || tailAt - gapStart > MAX_INTERRUPTION) continue;
      const gap = text.slice(gapStart, tailAt).trim();
      if (gap.length === 0) continue; // Not an interruption: the exact strategy would have found it.
      candidates.push({ start, end: tailAt + tail.length, errors: gap.length });
    }
  }
  return candidates;
}

/** Drops white space a fuzzy match took in at either end. */
function trimCandidate(text: string, candidate: Candidate): Candidate {
  let { start, end } = candidate;
  while (start < end && text[start] === " ") start++;
  while (end > start && text[end - 1] === " ") end--;
  return { start, end, errors: candidate.errors };
}

function bestCandidate(
  text: string,
  quote: QuoteToMatch,
  options: MatchOptions,
  candidates: Candidate[],
): Candidate | null {
  const valid = candidates.filter((candidate) => candidate.end > candidate.start);
  // Ranking only chooses between candidates: a lone one is the best without weighing its context (two edit distances).
  if (valid.length <= 1) return valid[0] ?? null;
  let best: Candidate | null = null;
  let bestScore = -1;
  for (const candidate of valid) {
    const score = rank(text, quote, options, candidate);
    if (score > bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  return best;
}

/** How well the text either side of a candidate agrees with the selector's prefix and suffix. */
function contextSimilarity(
  text: string,
  quote: QuoteToMatch,
  candidate: Candidate,
): { prefix: number; suffix: number } {
  const prefix = quote.prefix.trim().slice(-CONTEXT_LENGTH);
  const suffix = quote.suffix.trim().slice(0, CONTEXT_LENGTH);
  const before = text
    .slice(Math.max(0, candidate.start - prefix.length - 1), candidate.start)
    .trim()
    .slice(-prefix.length);
  const after = text
    .slice(candidate.end, candidate.end + suffix.length + 1)
    .trim()
    .slice(0, suffix.length);
  return {
    prefix: prefix ? similarity(before, prefix) : 1,
    suffix: suffix ? similarity(after, suffix) : 1,
  };
}

function isCorroborated(text: string, quote: QuoteToMatch, candidate: Candidate): boolean {
  if (candidate.end <= candidate.start) return false;
  if (1 - candidate.errors / quote.exact.trim().length >= NEAR_EXACT_SIMILARITY) return true;
  const context = contextSimilarity(text, quote, candidate);
  return Math.max(context.prefix, context.suffix) >= MIN_FUZZY_CONTEXT_SIMILARITY;
}

/** The weighted score used to rank candidates, from 0 to 1. */
function rank(text: string, quote: QuoteToMatch, options: MatchOptions, candidate: Candidate): number {
  const quoteSimilarity = 1 - candidate.errors / quote.exact.trim().length;
  const { prefix: prefixSimilarity, suffix: suffixSimilarity } = contextSimilarity(text, quote, candidate);
  const positionScore = positionAgreement(candidate.start, text.length, options.expectedStart);
  return (
    (QUOTE_WEIGHT * quoteSimilarity +
      PREFIX_WEIGHT * prefixSimilarity +
      SUFFIX_WEIGHT * suffixSimilarity +
      POSITION_WEIGHT * positionScore) /
    (QUOTE_WEIGHT + PREFIX_WEIGHT + SUFFIX_WEIGHT + POSITION_WEIGHT)
  );
}

/** 1 inside the expected window, falling linearly to 0 a whole text length away. */
function positionAgreement(start: number, textLength: number, expected?: { min: number; max: number }): number {
  if (!expected || textLength === 0) return 1;
  const distance = start < expected.min ? expected.min - start : start > expected.max ? start - expected.max : 0;
  return 1 - distance / textLength;
}

/** 1 − Levenshtein distance / longer length: 1 for equal strings, 0 for nothing in common. */
export function similarity(a: string, b: string): number {
  const longer = Math.max(a.length, b.length);
  if (longer === 0) return 1;
  return 1 - levenshtein(a, b) / longer;
}

/** Two rows of the classic table, reused: the contexts compared are short, but compared for every candidate. */
function levenshtein(a: string, b: string): number {
  let previous = new Uint32Array(b.length + 1).map((_, index) => index);
  let current = new Uint32Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1] + (a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1);
      current[j] = Math.min(substitution, previous[j] + 1, current[j - 1] + 1);
    }
    [previous, current] = [current, previous];
  }
  return previous[b.length];
}

/**
 * Text normalisation shared by anchoring and detection.
 *
 * Syndicated copies of an article differ in typography, not in words: curly
 * or straight quotes, dash variants, soft hyphens, non-breaking spaces,
 * compatibility characters. Both the page text and the quotes we look for go
 * through the same folding, so that they compare equal; every normalised
 * character remembers which raw characters it came from, so a match in the
 * normalised text maps back to the page.
 */

/** Invisible format characters that pages put inside words: dropped. */
const INVISIBLE = /^[\u00AD\u180E\u200B-\u200D\u2060\uFEFF]$/;

/** Any kind of white space, U+00A0 and the other Unicode spaces included. */
const WHITE_SPACE = /^\s$/;

/** A combining mark continues the cluster of the character before it. */
const COMBINING_MARK = /^\p{M}$/u;

/**
 * Printable ASCII but the backtick (folded to an apostrophe), with single
 * spaces between (kept as they are: each follows a character), read from
 * `lastIndex` on.
 */
const ASCII_RUN = /[!-_a-~]+(?: [!-_a-~]+)*/y;

/** The General Punctuation block (U+2000–U+206F): spaces, dashes, quotes, invisible formats; no combining mark. */
const GENERAL_PUNCTUATION = [0x2000, 0x206f] as const;

/**
 * Typographic variants folded to one ASCII character. NFKC leaves these
 * alone (they are distinct characters, not compatibility forms).
 */
const TYPOGRAPHIC_FOLDS: Record<string, string> = {
  "\u2018": "'", // left single quotation mark
  "\u2019": "'", // right single quotation mark, the typographic apostrophe
  "\u201A": "'", // single low-9 quotation mark
  "\u201B": "'", // single high-reversed-9 quotation mark
  "\u2032": "'", // prime, often typed for an apostrophe
  "\u02BC": "'", // modifier letter apostrophe
  "\u0060": "'", // grave accent used as an opening quote
  "\u00B4": "'", // acute accent used as an apostrophe
  "\u201C": '"', // left double quotation mark
  "\u201D": '"', // right double quotation mark
  "\u201E": '"', // double low-9 quotation mark
  "\u201F": '"', // double high-reversed-9 quotation mark
  "\u2033": '"', // double prime
  "\u00AB": '"', // guillemets, used as quotes on some European sites
  "\u00BB": '"',
  "\u2010": "-", // hyphen
  "\u2011": "-", // non-breaking hyphen
  "\u2012": "-", // figure dash
  "\u2013": "-", // en dash
  "\u2014": "-", // em dash
  "\u2015": "-", // horizontal bar
  "\u2212": "-", // minus sign
  "\uFE58": "-", // small em dash
  "\uFE63": "-", // small hyphen-minus
  "\uFF0D": "-", // full-width hyphen-minus
};

function foldTypography(text: string): string {
  let folded = "";
  for (const char of text) folded += TYPOGRAPHIC_FOLDS[char] ?? char;
  return folded;
}

/**
 * Folds one cluster (a character and its combining marks) to its normalised
 * form: `""` for invisible characters, `" "` for white space, otherwise the
 * NFKC, typography-folded, lower-cased text (which may be several characters,
 * e.g. the ligature "ﬁ" gives "fi").
 */
export function foldCluster(cluster: string): string {
  // The quotes and dashes of news typography, a character alone: folded at once (NFKC leaves their ASCII forms alone).
  const typographic = TYPOGRAPHIC_FOLDS[cluster];
  if (typographic) return typographic;
  if (INVISIBLE.test(cluster)) return "";
  if (WHITE_SPACE.test(cluster)) return " ";
  // Folding before NFKC catches the variants NFKC keeps; folding after it
  // catches those NFKC produces (the full-width quote becomes '"' only then).
  return foldTypography(foldTypography(cluster).normalize("NFKC")).toLowerCase();
}

/** Normalised text with, for each of its characters, the raw span it came from. */
export interface NormalizedText {
  /** The normalised text: folded, lower-cased, white space collapsed to single spaces. */
  text: string;
  /** For each normalised character, the offset in the raw text where its source starts. */
  rawStart: Uint32Array;
  /** For each normalised character, the offset in the raw text where its source ends. */
  rawEnd: Uint32Array;
}

/**
 * Normalises `raw` and keeps a map back to raw offsets. White space runs
 * (including invisible characters between spaces) collapse to one space; no
 * leading space is produced, a trailing one may be.
 */
export function normalizeWithMap(raw: string): NormalizedText {
  let text = "";
  // Offsets grow by at most the expansion of NFKC; start generous, trim at the end.
  let rawStart = new Uint32Array(raw.length + 16);
  let rawEnd = new Uint32Array(raw.length + 16);
  let length = 0;
  // Kept aside: reading the last character back from `text`, a string built by appending, would
  // make the engine flatten it on every space (quadratic on a long article).
  let last = "";

  const emit = (char: string, start: number, end: number) => {
    if (char === " " && (length === 0 || last === " ")) return;
    if (length === rawStart.length) {
      rawStart = grow(rawStart);
      rawEnd = grow(rawEnd);
    }
    text += char;
    last = char;
    rawStart[length] = start;
    rawEnd[length] = end;
    length++;
  };

  /** Emits an ASCII run (`ASCII_RUN`) found at raw offset `start`: one character for each. */
  const emitRun = (run: string, start: number) => {
    if (length + run.length > rawStart.length) {
      rawStart = grow(rawStart, length + run.length);
      rawEnd = grow(rawEnd, length + run.length);
    }
    text += run.toLowerCase();
    last = run[run.length - 1];
    for (let offset = start; offset < start + run.length; offset++, length++) {
      rawStart[length] = offset;
      rawEnd[length] = offset + 1;
    }
  };

  let index = 0;
  while (index < raw.length) {
    // Fast path for most of a page's text: a run of printable ASCII words, whole. Its last character
    // stays out when a combining mark follows it (it starts that mark's cluster).
    ASCII_RUN.lastIndex = index;
    let run = ASCII_RUN.exec(raw)?.[0] ?? "";
    if (run && isCombiningAt(raw, index + run.length)) run = run.slice(0, -1);
    if (run) {
      emitRun(run, index);
      index += run.length;
      continue;
    }
    const code = raw.charCodeAt(index);
    // One ASCII character that NFKC leaves alone and that no mark follows.
    if (code < 0x80 && !isCombiningAt(raw, index + 1)) {
      if (code === 0x60) emit("'", index, index + 1);
      else if (isAsciiSpace(code)) emit(" ", index, index + 1);
      else if (code < 0x20 || code === 0x7f) {
        // Control characters carry no text.
      } else emit(code >= 0x41 && code <= 0x5a ? String.fromCharCode(code + 32) : raw[index], index, index + 1);
      index++;
      continue;
    }
    let end = index + codePointLength(raw, index);
    while (isCombiningAt(raw, end)) end += codePointLength(raw, end);
    for (const char of foldCluster(raw.slice(index, end))) emit(char, index, end);
    index = end;
  }
  return { text, rawStart: rawStart.subarray(0, length), rawEnd: rawEnd.subarray(0, length) };
}

/** Normalises a quote, prefix or suffix for comparison with indexed text. */
export function normalizeText(raw: string): string {
  return normalizeWithMap(raw).text;
}

function isAsciiSpace(code: number): boolean {
  return code === 0x20 || (code >= 0x09 && code <= 0x0d);
}

function codePointLength(text: string, index: number): number {
  return (text.codePointAt(index) ?? 0) > 0xffff ? 2 : 1;
}

function isCombiningAt(text: string, index: number): boolean {
  if (index >= text.length) return false;
  const code = text.charCodeAt(index);
  // Combining marks all lie at or above U+0300, and none in the General Punctuation block (the curly quotes,
  // dashes and spaces of news typography): the pattern, costly to compile, is left for the rest.
  if (code < 0x300 || (code >= GENERAL_PUNCTUATION[0] && code <= GENERAL_PUNCTUATION[1])) return false;
  return COMBINING_MARK.test(String.fromCodePoint(text.codePointAt(index) ?? 0));
}

function grow(array: Uint32Array<ArrayBuffer>, atLeast = 0): Uint32Array<ArrayBuffer> {
  const bigger = new Uint32Array(Math.max(array.length * 2, atLeast));
  bigger.set(array);
  return bigger;
}

/**
 * Building the article's fingerprint from its text (at development time, by
 * `npm run fingerprint`; the detector only reads the result).
 */
import { shingles } from "./shingles";

/**
 * The body of the article as scraped: the seed file's lines without the page
 * chrome (first and last line) and without the headline.
 */
export function articleBodyFromSeed(seed: string): { title: string; body: string } {
  const lines = seed
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
  const [, title, ...rest] = lines;
  return { title, body: rest.slice(0, -1).join("\n") };
}

/**
 * The distinct shingle hashes of `text` kept for the fingerprint, ascending,
 * encoded as the dataset stores them (see `Fingerprint` in schema.ts). Only
 * hashes divisible by `sampleModulus` are kept: a fixed 1-in-N sample
 * estimates the shared share just as well and keeps the detector small.
 */
export function fingerprintShingles(text: string, size: number, sampleModulus: number): string {
  const hashes = new Set<number>();
  for (const shingle of shingles(text, size)) {
    if (shingle.hash % sampleModulus === 0) hashes.add(shingle.hash);
  }
  return encodeShingles([...hashes].sort((a, b) => a - b));
}

/** Hashes as stored: base 36, separated by spaces. */
export function encodeShingles(hashes: readonly number[]): string {
  return hashes.map((hash) => hash.toString(36)).join(" ");
}

/** The stored hashes back as numbers. */
export function decodeShingles(encoded: string): number[] {
  return encoded.split(" ").map((hash) => Number.parseInt(hash, 36));
}

/** The package ships no types; only what the benchmark calls. */
declare module "dom-anchor-text-quote" {
  export interface TextQuoteSelector {
    exact: string;
    prefix?: string;
    suffix?: string;
  }
  /** The Range of the quote's best fuzzy match under `root` (diff-match-patch), or null. */
  export function toRange(root: Node, selector: TextQuoteSelector, options?: { hint?: number }): Range | null;
}

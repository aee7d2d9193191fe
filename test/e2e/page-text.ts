/**
 * Where things are on a rendered page: the words of a claim in the page's
 * text, and the claim markers, as client rects (viewport coordinates, CSS
 * pixels), measured in one pass so that they agree.
 *
 * Claims are found the way a reader would find them, independently of the
 * extension's anchoring: the page's visible text in reading order (open
 * shadow trees and slotted text included; scripts, styles, hidden
 * elements and the overlay left out; block elements and `<br>` separate
 * words), compared word by word after folding case, quotes, dashes, soft
 * hyphens and every kind of white space. A claim may be interrupted by whole
 * words that are not its own (an ad label, a caption: at most 40 words). Of
 * the places a claim occurs, the least interrupted wins, then the first in
 * document order (the article comes before the comments that quote it on
 * every fixture page).
 */
import type { Page } from "playwright-core";

/** A client rect. */
export interface Box {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/** Where a claim's text is: its first word's first line box, its last word's last line box. */
export interface QuoteBoxes {
  first: Box;
  last: Box;
}

/** The layout of `quotes` (claim id → text) and of every marker in `page`. */
export interface ClaimLayout {
  /** Per claim id: where its text is, or `null` when the page does not have it. */
  quotes: Record<string, QuoteBoxes | null>;
  /** Per claim id: the boxes of the elements with that `data-claim-id` (page DOM and open shadow roots). */
  markers: Record<string, Box[]>;
}

/** Measures the claims' text and the markers of `page` (see the module's comment). */
export function claimLayout(page: Page, quotes: Record<string, string>): Promise<ClaimLayout> {
  return page.evaluate((quoteTexts): ClaimLayout => {
    const MAX_SKIPPED_WORDS = 40;
    const SKIPPED_TAGS = ["SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "TEXTAREA", "FACTCHECK-OVERLAY"];
    const fold = (text: string) =>
      text
        .toLowerCase()
        .replace(/[\u00AD\u200B-\u200D\u2060\uFEFF]/g, "")
        .replace(/[\u2018\u2019\u201A\u201B\u2032\u0060\u00B4]/g, "'")
        .replace(/[\u201C\u201D\u201E\u201F\u2033]/g, '"')
        .replace(/[\u2010-\u2015\u2212]/g, "-");
    const box = (rect: DOMRect): Box => ({ top: rect.top, bottom: rect.bottom, left: rect.left, right: rect.right });

    // The page's words, each with its DOM position.
    interface Word {
      text: string;
      startNode: Text;
      start: number;
      endNode: Text;
      end: number;
    }
    const words: Word[] = [];
    let word: Word | null = null;
    const endWord = () => {
      if (word?.text) words.push(word);
      word = null;
    };
    const blocks = new Map<Element, Element>();
    const blockOf = (element: Element): Element => {
      const known = blocks.get(element);
      if (known) return known;
      const display = getComputedStyle(element).display;
      const parent = element.assignedSlot ?? element.parentElement ?? (element.parentNode as ShadowRoot | null)?.host;
      const block = (display.startsWith("inline") || display === "contents") && parent ? blockOf(parent) : element;
      blocks.set(element, block);
      return block;
    };
    const readable = (element: Element | null) => {
      for (
        let ancestor = element;
        ancestor;
        ancestor =
          ancestor.assignedSlot ?? ancestor.parentElement ?? (ancestor.parentNode as ShadowRoot | null)?.host ?? null
      )
        if (SKIPPED_TAGS.includes(ancestor.tagName)) return false;
      return element?.checkVisibility() ?? false;
    };
    let lastBlock: Element | null = null;
    // The page's nodes in the order a reader meets them (the flat tree): open shadow trees in place
    // of their hosts' children, slots' assigned nodes in place of the slots.
    const flat: Node[] = [];
    const collect = (parent: Node) => {
      const assigned = parent instanceof HTMLSlotElement ? parent.assignedNodes() : [];
      const children = (parent as Element).shadowRoot?.childNodes ?? (assigned.length ? assigned : parent.childNodes);
      for (const child of children) {
        flat.push(child);
        collect(child);
      }
    };
    collect(document.body);
    for (const node of flat) {
      if (node instanceof Element) {
        if (node.tagName === "BR") endWord();
        continue;
      }
      const text = node as Text;
      if (!readable(text.parentElement)) continue;
      const block = blockOf(text.parentElement as Element);
      if (block !== lastBlock) endWord();
      lastBlock = block;
      for (let index = 0; index < text.data.length; index++) {
        const char = text.data[index];
        if (/\s/.test(char)) {
          endWord();
          continue;
        }
        const folded = fold(char);
        if (!folded) continue;
        if (!word) word = { text: "", startNode: text, start: index, endNode: text, end: index };
        word.text += folded;
        word.endNode = text;
        word.end = index + 1;
      }
    }
    endWord();

    const wordBoxes = (first: Word, last: Word): QuoteBoxes | null => {
      const rectsOf = (from: Word, to: Word) => {
        const range = document.createRange();
        // A word that crosses a shadow boundary ("2018" in a component, its comma after it) cannot be one
        // Range: its end, on the same line, stands for it.
        const sameTree = from.startNode.getRootNode() === to.endNode.getRootNode();
        range.setStart(sameTree ? from.startNode : to.endNode, sameTree ? from.start : 0);
        range.setEnd(to.endNode, to.end);
        return [...range.getClientRects()].filter((rect) => rect.width > 0 && rect.height > 0);
      };
      const firstRects = rectsOf(first, first);
      const lastRects = rectsOf(last, last);
      if (!firstRects.length || !lastRects.length) return null;
      return { first: box(firstRects[0]), last: box(lastRects[lastRects.length - 1]) };
    };

    const find = (quote: string): QuoteBoxes | null => {
      const wanted = fold(quote).split(/\s+/).filter(Boolean);
      let best: { skipped: number; first: Word; last: Word } | null = null;
      const last = wanted.length - 1;
      // The page's first and last words may carry punctuation the quote leaves out ("2018," for "2018").
      const punctuation = /^[^\p{L}\p{N}]*$/u;
      const same = (page: string, index: number) =>
        index === 0
          ? page.endsWith(wanted[0]) && punctuation.test(page.slice(0, -wanted[0].length))
          : index === last
            ? page.startsWith(wanted[last]) && punctuation.test(page.slice(wanted[last].length))
            : page === wanted[index];
      for (let start = 0; start < words.length; start++) {
        if (!same(words[start].text, 0)) continue;
        let at = start + 1;
        let matched = 1;
        let skipped = 0;
        while (matched < wanted.length && at < words.length && skipped <= MAX_SKIPPED_WORDS) {
          if (same(words[at].text, matched)) matched++;
          else skipped++;
          at++;
        }
        if (matched === wanted.length && skipped <= MAX_SKIPPED_WORDS && (!best || skipped < best.skipped))
          best = { skipped, first: words[start], last: words[at - 1] };
      }
      return best && wordBoxes(best.first, best.last);
    };

    const markers: Record<string, Box[]> = {};
    const visit = (root: Document | ShadowRoot) => {
      for (const element of root.querySelectorAll("*")) {
        const id = element.getAttribute("data-claim-id");
        if (id !== null) markers[id] = [...(markers[id] ?? []), box(element.getBoundingClientRect())];
        if (element.shadowRoot) visit(element.shadowRoot);
      }
    };
    visit(document);

    return {
      quotes: Object.fromEntries(Object.entries(quoteTexts).map(([id, quote]) => [id, find(quote)])),
      markers,
    };
  }, quotes);
}

/** Vertical tolerance of "on the claim's last line", in CSS pixels. */
const LINE_TOLERANCE = 6;

/**
 * The markers of `quotes` (claim id → text) that are not on their claim's
 * last line, each described (empty when every marker is in place): a
 * marker's vertical centre must lie within the last word's line box, give or
 * take 6 px.
 */
export async function misplacedMarkers(page: Page, quotes: Record<string, string>): Promise<string[]> {
  const layout = await claimLayout(page, quotes);
  const problems: string[] = [];
  const round = ({ top, bottom, left, right }: Box) =>
    `top ${Math.round(top)} bottom ${Math.round(bottom)} left ${Math.round(left)} right ${Math.round(right)}`;
  for (const id of Object.keys(quotes)) {
    const text = layout.quotes[id];
    const [marker, ...others] = layout.markers[id] ?? [];
    if (!text) problems.push(`${id}: its text is not in the page (test fixture problem)`);
    else if (!marker) problems.push(`${id}: no marker`);
    else if (others.length) problems.push(`${id}: ${others.length + 1} markers`);
    else {
      const centre = (marker.top + marker.bottom) / 2;
      if (centre < text.last.top - LINE_TOLERANCE || centre > text.last.bottom + LINE_TOLERANCE)
        problems.push(`${id}: marker (${round(marker)}) is not on the claim's last line (${round(text.last)})`);
    }
  }
  return problems;
}

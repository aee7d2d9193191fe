/**
 * A claim's text as the browser's text-fragment search sees it on this page:
 * the anchored range's rendered text, with the rest of its block before and
 * after as context, and "\n" wherever a block boundary falls. What a link to
 * the claim is built from (lib/text-fragment.ts): the dataset's quote may
 * differ from the page in quotes, apostrophes or dashes, which a text
 * fragment does not forgive; the page's own characters always match.
 *
 * Text the search skips is skipped here too: `display: none` subtrees,
 * scripts, styles, images and other replaced elements, and text that is not
 * visible. Unlike the anchoring's content filter, inline ads and captions
 * that are rendered are kept: the browser's search reads them.
 */
import type { PageQuote } from "../text-fragment";

/**
 * Displays that keep an element in its block's run of text. Everything else
 * interrupts it: the block displays the text-fragment spec lists (block,
 * table, flow-root, grid, flex, list-item), and also inline-block and other
 * atomic inlines, which Chromium's search treats as boundaries too (an inline
 * ad label styled `inline-block` in the middle of a sentence splits it).
 */
const INLINE_DISPLAYS = new Set(["inline", "contents", "ruby", "ruby-base", "ruby-text", "none"]);

/** Elements whose content the text search never reads. */
const UNSEARCHED = new Set([
  "IFRAME",
  "IMG",
  "METER",
  "OBJECT",
  "PROGRESS",
  "STYLE",
  "SCRIPT",
  "VIDEO",
  "AUDIO",
  "NOSCRIPT",
  "TEMPLATE",
  "SVG",
  "CANVAS",
]);

const isElement = (node: Node): node is Element => node.nodeType === Node.ELEMENT_NODE;

/** One reading of the page: computed styles are looked up once per element. */
class Reader {
  private readonly displays = new Map<Element, string>();
  private readonly visibilities = new Map<Element, boolean>();
  constructor(private readonly view: Window) {}

  display(element: Element): string {
    let display = this.displays.get(element);
    if (display === undefined) {
      display = this.view.getComputedStyle(element).display;
      this.displays.set(element, display);
    }
    return display;
  }

  /** A block for the search; `<br>` counts as one, so no term is built across a line break. */
  isBlock(element: Element): boolean {
    return element.tagName === "BR" || !INLINE_DISPLAYS.has(this.display(element));
  }

  isUnsearched(element: Element): boolean {
    if (UNSEARCHED.has(element.tagName.toUpperCase())) return true;
    if (element.tagName === "SELECT" && !element.hasAttribute("multiple")) return true;
    return this.display(element) === "none";
  }

  isVisibleText(text: Text): boolean {
    const parent = text.parentElement;
    if (!parent) return true;
    let visible = this.visibilities.get(parent);
    if (visible === undefined) {
      visible = this.view.getComputedStyle(parent).visibility === "visible";
      this.visibilities.set(parent, visible);
    }
    return visible;
  }

  /** The nearest element around `node` that is a block (the document element at the latest). */
  blockAround(node: Node): Element {
    for (let current: Node | null = node; current; current = current.parentNode)
      if (isElement(current) && current.tagName !== "BR" && this.isBlock(current)) return current;
    return (node.ownerDocument ?? (node as Document)).documentElement;
  }

  /**
   * The searchable text between two boundary points, white space collapsed to
   * single spaces and "\n" where the text crosses into or out of a block.
   */
  textOf(range: Range): string {
    const root = range.commonAncestorContainer;
    if (root.nodeType === Node.TEXT_NODE) return this.slice(root as Text, range);
    const doc = root.ownerDocument ?? (root as Document);
    const walker = doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
      acceptNode: (node) =>
        isElement(node) && this.isUnsearched(node) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT,
    });
    let out = "";
    let lastBlock: Element | null = null;
    let pendingBreak = false;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!range.intersectsNode(node)) continue;
      if (isElement(node)) {
        if (this.isBlock(node) && !node.contains(range.startContainer)) pendingBreak = true;
        continue;
      }
      const text = node as Text;
      if (!this.isVisibleText(text)) continue;
      const data = this.slice(text, range);
      if (!data) continue;
      const block = this.blockAround(text);
      if (pendingBreak || (lastBlock && block !== lastBlock)) out += "\n";
      pendingBreak = false;
      lastBlock = block;
      out += data;
    }
    return out;
  }

  /** The part of `text` inside `range`, its white space collapsed. */
  private slice(text: Text, range: Range): string {
    const from = text === range.startContainer ? range.startOffset : 0;
    const to = text === range.endContainer ? range.endOffset : text.data.length;
    return text.data.slice(from, to).replace(/\s+/g, " ");
  }
}

/**
 * A reader of quotes for one state of the page: quotes of several ranges
 * share its look-ups of computed styles (read once per element), so it must
 * not outlive a change of the page's styles.
 */
export function createPageQuoter(doc: Document): (range: Range) => PageQuote {
  const view = doc.defaultView;
  if (!view) return (range) => ({ exact: range.toString(), prefix: "", suffix: "" });
  const reader = new Reader(view);
  return (range) => {
    const before = doc.createRange();
    const startBlock = reader.blockAround(range.startContainer);
    before.setStart(startBlock, 0);
    before.setEnd(range.startContainer, range.startOffset);

    const after = doc.createRange();
    const endBlock = reader.blockAround(range.endContainer);
    after.setStart(range.endContainer, range.endOffset);
    after.setEnd(endBlock, endBlock.childNodes.length);

    return { exact: reader.textOf(range), prefix: `\n${reader.textOf(before)}`, suffix: `${reader.textOf(after)}\n` };
  };
}

/**
 * The quote of `range` as the page renders it, with the text of its block
 * before and after as prefix and suffix. The prefix starts, and the suffix
 * ends, with "\n": the block's edge, so their outer words are known whole.
 */
export function pageQuote(range: Range): PageQuote {
  return createPageQuoter(range.startContainer.ownerDocument ?? (range.startContainer as Document))(range);
}

/**
 * From offsets in `root.textContent` back to the text nodes that hold them,
 * and from there to the part of the page worth a closer look.
 */
import { stripInvisibleCharacters } from "./prefilter";

/** `NodeFilter.SHOW_TEXT`, spelled out so that this also runs where `NodeFilter` is not a global. */
const SHOW_TEXT = 0x4;

/**
 * The text nodes containing the given offsets of `root.textContent` (or of
 * its copy without invisible characters, when `stripped`). One walk over the
 * text nodes, ending at the last offset.
 */
export function textNodesAt(root: Element, offsets: readonly number[], stripped = false): Text[] {
  const sorted = [...offsets].sort((a, b) => a - b);
  const nodes: Text[] = [];
  const walker = root.ownerDocument.createTreeWalker(root, SHOW_TEXT);
  let end = 0;
  let next = 0;
  for (
    let node = walker.nextNode() as Text | null;
    node && next < sorted.length;
    node = walker.nextNode() as Text | null
  ) {
    end += stripped ? stripInvisibleCharacters(node.data).length : node.data.length;
    if (sorted[next] < end) nodes.push(node);
    while (next < sorted.length && sorted[next] < end) next++;
  }
  return nodes;
}

/** The deepest element containing all of `nodes`. */
export function commonAncestor(nodes: readonly Node[]): Element | null {
  if (nodes.length === 0) return null;
  let ancestor: Element | null = nodes[0].parentElement;
  for (const node of nodes.slice(1)) {
    while (ancestor && !ancestor.contains(node)) ancestor = ancestor.parentElement;
  }
  return ancestor;
}

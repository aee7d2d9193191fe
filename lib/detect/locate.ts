/** From the text nodes where the rare words occur to the part of the page worth a closer look. */

/** The deepest element containing all of `nodes`. */
export function commonAncestor(nodes: readonly Node[]): Element | null {
  if (nodes.length === 0) return null;
  let ancestor: Element | null = nodes[0].parentElement;
  for (const node of nodes.slice(1)) {
    while (ancestor && !ancestor.contains(node)) ancestor = ancestor.parentElement;
  }
  return ancestor;
}

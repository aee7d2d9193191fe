/** From the text nodes where the rare words occur to the part of the page worth a closer look. */

import { flatContains, flatParent } from "../anchoring/flat-tree";

/** The deepest element containing all of `nodes` in the flat tree (across shadow boundaries). */
export function commonAncestor(nodes: readonly Node[]): Element | null {
  if (!nodes.length) return null;
  let ancestor = flatParent(nodes[0]);
  for (const node of nodes.slice(1)) {
    while (ancestor && !flatContains(ancestor, node)) ancestor = flatParent(ancestor);
  }
  return ancestor;
}

/**
 * The page as it is rendered, not as its markup nests: the flat tree. An
 * element with an open shadow root shows its shadow tree in place of its
 * light children; a `<slot>` shows the light nodes assigned to it (its own
 * children are only the fallback for when none are). Detection and the text
 * index walk this tree, so an article that a web component renders into its
 * shadow root reads as one text in reading order.
 *
 * Closed shadow roots are not reachable (`shadowRoot` is null for them):
 * their text is invisible to us, as it is to the page's other scripts.
 */

import { CHECK_EVERY, type Steps } from "../detect/sliced";

/** The children of `node` in the flat tree. */
export function flatChildren(node: Node): ArrayLike<Node> & Iterable<Node> {
  const element = node as Element & Partial<HTMLSlotElement>;
  const assigned = element.assignedNodes?.();
  return element.shadowRoot?.childNodes ?? (assigned?.length ? assigned : node.childNodes);
}

/** The parent of `node` in the flat tree: its slot, its parent element, or its shadow root's host. */
export function flatParent(node: Node): Element | null {
  return (node as Text).assignedSlot ?? node.parentElement ?? (node.parentNode as ShadowRoot | null)?.host ?? null;
}

/** Whether `node` is `ancestor` or inside it in the flat tree. */
export function flatContains(ancestor: Node, node: Node | null): boolean {
  while (node && node !== ancestor) node = flatParent(node);
  return !!node;
}

/**
 * The open shadow roots of the elements under `root`, and those nested in
 * them, each followed by its own. A pass over the elements, reading only
 * `shadowRoot`: the one look at shadow trees a page without the article
 * pays for. Sliced (`lib/detect/sliced.ts`): pauses every `CHECK_EVERY`
 * elements.
 */
export function* openShadowRoots(root: Node, roots: ShadowRoot[] = []): Steps<ShadowRoot[]> {
  const walker = (root.ownerDocument as Document).createTreeWalker(root, 1 /* SHOW_ELEMENT */);
  for (;;) {
    const found = nextShadowRoot(walker);
    if (found === null) return roots;
    if (found) {
      roots.push(found);
      yield* openShadowRoots(found, roots);
    } else yield;
  }
}

/**
 * The first open shadow root among the walker's next `CHECK_EVERY`
 * elements; `undefined` when none of them has one, `null` when the walker
 * is done. The loop over every element of a page, kept out of the generator:
 * as a plain function the engine optimises it while the first look still runs.
 */
function nextShadowRoot(walker: TreeWalker): ShadowRoot | null | undefined {
  for (let count = 0; count < CHECK_EVERY; count++) {
    const element = walker.nextNode() as Element | null;
    if (!element) return null;
    const shadow = element.shadowRoot;
    if (shadow) return shadow;
  }
  return undefined;
}

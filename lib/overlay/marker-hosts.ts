/**
 * Where the markers' hosts go in the page. A reader meets a marker where its
 * claim is read: its host goes right after the claim's last text node, so
 * that keyboard and screen-reader users reach it in the flow of the text,
 * inside the article's landmark. Not where that could break the page:
 * inside a link or a control (the marker would be nested in it: it climbs
 * out), in a flex or grid container (an item more, spaced by its gap), or
 * inside the root of a framework that hydrates or re-renders the page (a
 * foreign node there fails hydration or is thrown away). Those claims'
 * markers share one layer, placed right after the framework's root (or the
 * article): still before what follows it in the page.
 */
import type { HostPlace } from "./shadow-host";

/** Roots that frameworks render on the server and hydrate, or re-render, in the browser. */
export const FRAMEWORK_ROOTS =
  "#__next,#__nuxt,#___gatsby,#svelte,[data-reactroot],[data-v-app],[data-server-rendered],[ng-version],astro-island";

/** Elements a marker must not be nested in (claims never anchor in buttons and form fields: not prose). */
const CONTROLS = "a,label,summary,[contenteditable],[role=link],[role=button]";

/** Where the hosts go: one per claim that can have its own, and the shared layer for the others (null: none). */
export interface HostPlaces {
  inline: Map<string, HostPlace>;
  layer: HostPlace | null;
}

/** The places of the hosts for `claims` (anchored in `container`); see the module's comment. */
export function hostPlaces(claims: readonly { claimId: string; range: Range }[], container: Element): HostPlaces {
  const root = frameworkRoot(container);
  const inline = new Map<string, HostPlace>();
  if (!root)
    for (const { claimId, range } of claims) {
      const place = afterClaim(range, container);
      if (place) inline.set(claimId, place);
    }
  const after = root ?? container;
  const parent = after.parentNode;
  return {
    inline,
    layer:
      inline.size === claims.length
        ? null
        : parent && !itemOf(parent)
          ? { parent, before: after.nextSibling }
          : { parent: container.ownerDocument.documentElement, before: null },
  };
}

/** The outermost framework root that holds `element`, across shadow boundaries; null when none. */
export function frameworkRoot(element: Element): Element | null {
  let root: Element | null = null;
  for (let node: Element | null = element; node; node = node.parentElement ?? shadowHost(node)) {
    if (node.matches(FRAMEWORK_ROOTS)) root = node;
  }
  return root;
}

/** Right after the claim's last text node (out of any link or control around it), or null where unsafe. */
function afterClaim(range: Range, container: Element): HostPlace | null {
  const end = range.endContainer;
  let node: Node = end.nodeType === end.TEXT_NODE ? end : (end.childNodes[range.endOffset - 1] ?? end);
  for (let control = node.parentElement?.closest(CONTROLS); control; control = node.parentElement?.closest(CONTROLS)) {
    if (control.contains(container)) return null;
    node = control;
  }
  const parent = node.parentNode;
  if (!parent || itemOf(parent)) return null;
  // An island that hydrates inside the article (its root outside was ruled out already).
  return frameworkRoot(asElement(parent) as Element) ? null : { parent, before: node.nextSibling };
}

/** Whether a child of `parent` would be a flex or grid item (or `parent` is no element at all). */
function itemOf(parent: Node): boolean {
  const element = asElement(parent);
  if (!element) return true;
  const view = element.ownerDocument.defaultView;
  return !view || /flex|grid/.test(view.getComputedStyle(element).display);
}

/** `node` when an element, or the host of `node` when a shadow root. */
function asElement(node: Node): Element | null {
  return node.nodeType === node.ELEMENT_NODE ? (node as Element) : shadowHost(node);
}

/** The host of the shadow root `node` is in, or null. */
function shadowHost(node: Node): Element | null {
  return (node.getRootNode() as Partial<ShadowRoot>).host ?? null;
}

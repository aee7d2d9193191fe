/**
 * Following the page once the claims are shown: the page re-renders the
 * article (anchor again, debounced: pages mutate in bursts), or reflows
 * (resize, fonts, images above the article: move the markers, once a
 * frame). The overlay's own changes to the page (its layer, the fallback
 * painter's marks) are not the page re-rendering and are left out. A
 * mutation observer on the document does not see into shadow trees, so the
 * open shadow roots around and inside the article are observed too (those
 * that appear later as well). Every observer, listener and timer is
 * registered through `ctx` and dies with it.
 */
import type { ContentScriptContext } from "wxt/utils/content-script-context";
import { flatContains, openShadowRoots } from "../anchoring/flat-tree";
import { runNow } from "../detect/sliced";
import { HOST_TAG } from "./shadow-host";
import { MARK_TAG } from "./wrap-highlights";

/** Quiet time after the page's last mutation inside the article before anchoring again. */
export const REANCHOR_DEBOUNCE_MS = 200;

/** What the overlay does as the page changes. */
export interface FollowPageHandlers {
  /** The article's element as last anchored, or null when there is none: mutations inside it are a re-render. */
  container(): Element | null;
  /** The page reflowed: move the markers. Called at most once a frame. */
  reflow(): void;
  /** The article's text may have changed (or it left the page): anchor again. */
  reanchor(): void;
}

/** A running follower. */
export interface PageFollower {
  /** Also watches `element` (a newly anchored article) for size changes. */
  observeSize(element: Element): void;
  /** Drops the mutations queued so far: the overlay just made them itself (painting by wrapping). */
  discardOwnMutations(): void;
}

/** Starts following `doc` for the overlay; see the module's comment. */
export function followPage(ctx: ContentScriptContext, doc: Document, handlers: FollowPageHandlers): PageFollower {
  const view = doc.defaultView as Window;

  let layoutFrame = 0;
  const relayout = () => {
    if (layoutFrame) return;
    layoutFrame = ctx.requestAnimationFrame(() => {
      layoutFrame = 0;
      handlers.reflow();
    });
  };
  const resizeObserver = new ResizeObserver(relayout);
  resizeObserver.observe(doc.documentElement);
  const container = handlers.container();
  if (container) resizeObserver.observe(container);
  ctx.onInvalidated(() => resizeObserver.disconnect());
  ctx.addEventListener(view, "resize", relayout);

  let reanchorTimer: number | undefined;
  const mutationObserver = new MutationObserver((records) => {
    const relevant = records.filter((record) => !isOwnMutation(record));
    if (relevant.length === 0) return;
    const article = handlers.container();
    // A mutation outside the article only moves it; one inside it (or the article gone) may change its text.
    const touchesArticle = !article?.isConnected || relevant.some((record) => flatContains(article, record.target));
    if (!touchesArticle) {
      relayout();
      return;
    }
    // A component added to the article may bring a shadow tree of its own.
    if (relevant.some((record) => record.addedNodes.length > 0)) observeShadowTrees();
    view.clearTimeout(reanchorTimer);
    reanchorTimer = ctx.setTimeout(() => {
      handlers.reanchor();
      observeShadowTrees();
    }, REANCHOR_DEBOUNCE_MS);
  });
  const observed = new WeakSet<Node>();
  const observe = (target: Node) => {
    if (observed.has(target)) return;
    observed.add(target);
    mutationObserver.observe(target, { childList: true, subtree: true, characterData: true });
  };
  const observeShadowTrees = () => {
    const article = handlers.container();
    if (article) for (const root of [...shadowRootsAround(article), ...openShadowRootsIn(article)]) observe(root);
  };
  observe(doc.body ?? doc.documentElement);
  observeShadowTrees();
  ctx.onInvalidated(() => mutationObserver.disconnect());

  return {
    observeSize: (element) => resizeObserver.observe(element),
    discardOwnMutations: () => {
      mutationObserver.takeRecords();
    },
  };
}

/** Mutations made by the overlay itself (its layer, the fallback's marks) are not the page re-rendering. */
export function isOwnMutation(record: MutationRecord): boolean {
  const own = (node: Node) =>
    node instanceof Element && (node.tagName.toLowerCase() === HOST_TAG || node.tagName.toLowerCase() === MARK_TAG);
  if (own(record.target) || (record.target.parentElement && own(record.target.parentElement))) return true;
  const changed = [...record.addedNodes, ...record.removedNodes];
  return changed.length > 0 && changed.every(own);
}

/** The shadow roots `node` sits in, innermost first (none for a node of the document's own tree). */
export function shadowRootsAround(node: Node): ShadowRoot[] {
  const roots: ShadowRoot[] = [];
  for (
    let root = node.getRootNode() as Partial<ShadowRoot>;
    root.host;
    root = root.host.getRootNode() as Partial<ShadowRoot>
  )
    roots.push(root as ShadowRoot);
  return roots;
}

/** The open shadow roots of `node` and under it, nested ones included (the overlay's own hosts left out). */
export function openShadowRootsIn(node: Node): ShadowRoot[] {
  const own = (node as Partial<Element>).shadowRoot;
  const roots = own ? [own, ...runNow(openShadowRoots(own))] : [];
  return [...roots, ...runNow(openShadowRoots(node))].filter((root) => root.host.localName !== HOST_TAG);
}

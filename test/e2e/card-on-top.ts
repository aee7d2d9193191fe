/**
 * Whether an open claim card is painted on top of the page and whole: the
 * hit test at nine points of its box (corners a few pixels in, edge middles,
 * centre) from its own shadow root must find the card, and from the document
 * its host (what the page sees of it); the box must lie inside the viewport.
 * A function run in the page (Chromium or Firefox), self-contained.
 */

/** What {@link probeCard} found. */
export interface CardProbe {
  /** The card's client rect, or null when no card of that claim is open. */
  card: { top: number; bottom: number; left: number; right: number } | null;
  /** The points where something else than the card was hit, with what was hit there. */
  covered: { x: number; y: number; hit: string }[];
  /** Whether the card's box is inside the viewport. */
  inViewport: boolean;
}

/** Probes the open card of claim `claimId` (runs in the page: pass it to `page.evaluate`). */
export function probeCard(claimId: string): CardProbe {
  const hosts = [...document.querySelectorAll("factcheck-overlay")];
  for (const host of hosts) {
    const root = host.shadowRoot;
    const card = [...(root?.querySelectorAll("[data-card-for]") ?? [])].find(
      (element) => element.getAttribute("data-card-for") === claimId,
    );
    if (!root || !card) continue;
    const rect = card.getBoundingClientRect();
    const inset = 4;
    const xs = [rect.left + inset, (rect.left + rect.right) / 2, rect.right - inset];
    const ys = [rect.top + inset, (rect.top + rect.bottom) / 2, rect.bottom - inset];
    const name = (element: Element | null) =>
      element ? `${element.localName}${element.className ? `.${String(element.className)}` : ""}` : "nothing";
    const covered: CardProbe["covered"] = [];
    for (const x of xs)
      for (const y of ys) {
        const inShadow = root.elementFromPoint(x, y);
        const inDocument = document.elementFromPoint(x, y);
        if (!inShadow || !card.contains(inShadow)) covered.push({ x, y, hit: name(inShadow) });
        else if (inDocument !== host) covered.push({ x, y, hit: name(inDocument) });
      }
    const { clientWidth, clientHeight } = document.documentElement;
    return {
      card: { top: rect.top, bottom: rect.bottom, left: rect.left, right: rect.right },
      covered,
      inViewport: rect.top >= 0 && rect.left >= 0 && rect.bottom <= clientHeight && rect.right <= clientWidth,
    };
  }
  return { card: null, covered: [], inViewport: false };
}

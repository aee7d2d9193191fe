/**
 * Painting the claims' text, coloured by verdict. The CSS Custom Highlight
 * API changes no page DOM, shifts no layout and cannot break the page's
 * framework; its style goes in a constructed stylesheet, which a page's CSP
 * does not block (built so that Firefox takes it too: `adopted-sheet.ts`).
 * Where the API is missing, the text is wrapped in custom elements instead
 * (`wrap-highlights.ts`).
 */
import type { Verdict } from "../schema";
import { VERDICTS } from "../verdicts";
import { adoptableSheet } from "./adopted-sheet";
import { unwrapAll, wrapRanges } from "./wrap-highlights";

/** Highlight registry name for a verdict (also used by the fallback's attribute). */
export function highlightName(verdict: Verdict): string {
  return `factcheck-${verdict}`;
}

/** Registry name of the brief flash on a claim shown from the popup. */
export const FLASH_HIGHLIGHT = "factcheck-flash";

/** The stylesheet for the highlights: underline and tint per verdict, and the flash. */
export function highlightCss(): string {
  const rules = Object.entries(VERDICTS).map(
    ([verdict, style]) =>
      `::highlight(${highlightName(verdict as Verdict)}) { background-color: ${style.tint}; text-decoration: underline ${style.color} 2px; text-underline-offset: 3px; }`,
  );
  rules.push(`::highlight(${FLASH_HIGHLIGHT}) { background-color: rgba(255, 214, 0, 0.65); }`);
  return rules.join("\n");
}

/** Paints groups of ranges and removes the paint again. */
export interface Painter {
  /** Replaces what is painted with `groups` (ranges per verdict). */
  paint(groups: ReadonlyMap<Verdict, Range[]>): void;
  /** Flashes `ranges` for `durationMs`. */
  flash(ranges: Range[], durationMs: number): void;
  /** Removes all paint. */
  clear(): void;
}

interface HighlightRegistry {
  set(name: string, highlight: unknown): void;
  delete(name: string): void;
}

type HighlightConstructor = new (...ranges: Range[]) => unknown;

/** The painter for `doc`: the Custom Highlight API when the browser has it, else wrapping. */
export function createPainter(doc: Document): Painter {
  const view = doc.defaultView as (Window & typeof globalThis & { Highlight?: HighlightConstructor }) | null;
  const registry = (view?.CSS as unknown as { highlights?: HighlightRegistry } | undefined)?.highlights;
  const Highlight = view?.Highlight;
  if (!registry || !Highlight || !view) return createWrappingPainter(doc);

  const sheet = adoptableSheet(doc, highlightCss());
  let names: string[] = [];
  let flashTimer: number | undefined;

  const clear = () => {
    for (const name of names) registry.delete(name);
    names = [];
    registry.delete(FLASH_HIGHLIGHT);
    view.clearTimeout(flashTimer);
    sheet.detach();
  };

  return {
    paint(groups) {
      clear();
      sheet.attach();
      for (const [verdict, ranges] of groups) {
        if (ranges.length === 0) continue;
        registry.set(highlightName(verdict), new Highlight(...ranges));
        names.push(highlightName(verdict));
      }
    },
    flash(ranges, durationMs) {
      view.clearTimeout(flashTimer);
      registry.set(FLASH_HIGHLIGHT, new Highlight(...ranges));
      flashTimer = view.setTimeout(() => registry.delete(FLASH_HIGHLIGHT), durationMs);
    },
    clear,
  };
}

function createWrappingPainter(doc: Document): Painter {
  let flashTimer: ReturnType<typeof setTimeout> | undefined;
  return {
    paint(groups) {
      unwrapAll(doc);
      for (const [verdict, ranges] of groups) wrapRanges(ranges, verdict);
    },
    flash(ranges, durationMs) {
      wrapRanges(ranges, "flash");
      clearTimeout(flashTimer);
      flashTimer = setTimeout(() => unwrapAll(doc, "flash"), durationMs);
    },
    clear() {
      clearTimeout(flashTimer);
      unwrapAll(doc);
    },
  };
}

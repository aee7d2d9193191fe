/**
 * Painting the claims' text, coloured by verdict. The CSS Custom Highlight
 * API changes no page DOM, shifts no layout and cannot break the page's
 * framework; its style goes in a constructed stylesheet, which a page's CSP
 * does not block (built so that Firefox takes it too: `adopted-sheet.ts`).
 * Where the API is missing, the text is wrapped in custom elements instead
 * (`wrap-highlights.ts`). The colours follow the page: the background
 * behind the claims is read when they are painted (`page-background.ts`),
 * and a light or a dark site gets the palette that shows on it.
 */
import type { Verdict } from "../schema";
import { FLASH_COLORS, HIGHLIGHT_PALETTES, type SiteScheme } from "../verdicts";
import { type AdoptableSheet, adoptableSheet } from "./adopted-sheet";
import { pageBackground, schemeForBackground } from "./page-background";
import { unwrapAll, wrapRanges } from "./wrap-highlights";

/** Highlight registry name for a verdict (also used by the fallback's attribute). */
export function highlightName(verdict: Verdict): string {
  return `factcheck-${verdict}`;
}

/** Registry name of the brief flash on a claim shown from the popup. */
export const FLASH_HIGHLIGHT = "factcheck-flash";

/** The stylesheet for the highlights on a `scheme` site: underline and tint per verdict, and the flash. */
export function highlightCss(scheme: SiteScheme = "light"): string {
  const rules = Object.entries(HIGHLIGHT_PALETTES[scheme]).map(
    ([verdict, colors]) =>
      `::highlight(${highlightName(verdict as Verdict)}) { background-color: ${colors.tint}; text-decoration: underline ${colors.underline} 2px; text-underline-offset: 3px; }`,
  );
  rules.push(`::highlight(${FLASH_HIGHLIGHT}) { background-color: ${FLASH_COLORS[scheme]}; }`);
  return rules.join("\n");
}

/** The scheme of the background behind the first of `groups`' ranges (light when there is none). */
function schemeOf(groups: ReadonlyMap<Verdict, Range[]>): SiteScheme {
  for (const ranges of groups.values()) {
    if (ranges.length > 0) return schemeForBackground(pageBackground(ranges[0].startContainer));
  }
  return "light";
}

/** Paints groups of ranges and removes the paint again. */
export interface Painter {
  /**
   * Gets ready to paint near `node` (the article): its colours chosen and,
   * with the Custom Highlight API, their stylesheet put in place, so that
   * the page's style is recalculated now (while the overlay waits for the
   * claims) rather than in the frame that paints them.
   */
  prepare(node: Node): void;
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

/**
 * The painter for `doc`: the Custom Highlight API when the browser has it,
 * else wrapping. Its colours are those for `scheme`, or, by default, for
 * the background behind the claims at each `paint`.
 */
export function createPainter(doc: Document, scheme?: SiteScheme): Painter {
  const view = doc.defaultView as (Window & typeof globalThis & { Highlight?: HighlightConstructor }) | null;
  const registry = (view?.CSS as unknown as { highlights?: HighlightRegistry } | undefined)?.highlights;
  const Highlight = view?.Highlight;
  if (!registry || !Highlight || !view) return createWrappingPainter(doc, scheme);

  // One sheet per scheme, built when first needed; only the current one is adopted.
  const sheets = new Map<SiteScheme, AdoptableSheet>();
  let sheet: AdoptableSheet | undefined;
  let names: string[] = [];
  let flashTimer: number | undefined;

  /** Adopts the sheet of `chosen` (the page's style is recalculated only when the sheet changes). */
  const useScheme = (chosen: SiteScheme) => {
    const next = sheets.get(chosen) ?? adoptableSheet(doc, highlightCss(chosen));
    sheets.set(chosen, next);
    if (next !== sheet) sheet?.detach();
    sheet = next;
    sheet.attach();
  };
  const unpaint = () => {
    for (const name of names) registry.delete(name);
    names = [];
    registry.delete(FLASH_HIGHLIGHT);
    view.clearTimeout(flashTimer);
  };

  return {
    prepare(node) {
      useScheme(scheme ?? schemeForBackground(pageBackground(node)));
    },
    paint(groups) {
      unpaint();
      useScheme(scheme ?? schemeOf(groups));
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
    clear() {
      unpaint();
      sheet?.detach();
      sheet = undefined;
    },
  };
}

function createWrappingPainter(doc: Document, scheme: SiteScheme | undefined): Painter {
  let flashTimer: ReturnType<typeof setTimeout> | undefined;
  let chosen: SiteScheme = scheme ?? "light";
  return {
    // The marks carry their colours themselves: nothing to put in place beforehand.
    prepare() {},
    paint(groups) {
      unwrapAll(doc);
      // Read before wrapping: the marks' own tint must not count as the page's background.
      chosen = scheme ?? schemeOf(groups);
      for (const [verdict, ranges] of groups) wrapRanges(ranges, verdict, chosen);
    },
    flash(ranges, durationMs) {
      wrapRanges(ranges, "flash", chosen);
      clearTimeout(flashTimer);
      flashTimer = setTimeout(() => unwrapAll(doc, "flash"), durationMs);
    },
    clear() {
      clearTimeout(flashTimer);
      unwrapAll(doc);
    },
  };
}

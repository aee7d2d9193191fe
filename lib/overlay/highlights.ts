/**
 * Painting the claims' text, coloured by verdict. The CSS Custom Highlight
 * API changes no page DOM, shifts no layout and cannot break the page's
 * framework; its style goes in a constructed stylesheet, which a page's CSP
 * does not block (built so that Firefox takes it too: `adopted-sheet.ts`).
 * Where the API is missing, the text is wrapped in custom elements instead
 * (`wrap-highlights.ts`). The colours follow the page: the background
 * behind the claims is read when they are painted (`page-background.ts`),
 * and a light or a dark site gets the palette that shows on it. The sheet
 * names the article's element (`highlight-scope.ts`), so that putting it in
 * restyles that element alone, not the whole page.
 */
import { flatContains } from "../anchoring/flat-tree";
import { commonAncestor } from "../detect/locate";
import type { Verdict } from "../schema";
import { FLASH_COLORS, HIGHLIGHT_PALETTES, type SiteScheme } from "../verdicts";
import { type AdoptableSheet, adoptableSheet } from "./adopted-sheet";
import { highlightScope, scopedHighlight } from "./highlight-scope";
import { pageBackground, schemeForBackground } from "./page-background";
import { unwrapAll, wrapRanges } from "./wrap-highlights";

/** Highlight registry name for a verdict (also used by the fallback's attribute). */
export function highlightName(verdict: Verdict): string {
  return `factcheck-${verdict}`;
}

/** Registry name of the brief flash on a claim shown from the popup. */
export const FLASH_HIGHLIGHT = "factcheck-flash";

/**
 * The stylesheet for the highlights on a `scheme` site: underline and tint
 * per verdict, and the flash; within `scope` (`highlight-scope.ts`) when
 * given.
 */
export function highlightCss(scheme: SiteScheme = "light", scope: string | null = null): string {
  const rules = Object.entries(HIGHLIGHT_PALETTES[scheme]).map(
    ([verdict, colors]) =>
      `${scopedHighlight(scope, highlightName(verdict as Verdict))} { background-color: ${colors.tint}; text-decoration: underline ${colors.underline} 2px; text-underline-offset: 3px; }`,
  );
  rules.push(`${scopedHighlight(scope, FLASH_HIGHLIGHT)} { background-color: ${FLASH_COLORS[scheme]}; }`);
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
   * Gets ready to paint in `container` (the article's element): its colours
   * chosen and, with the Custom Highlight API, their stylesheet, scoped to
   * the container, put in place, so that the page's style is recalculated
   * now (before the claims are anchored) rather than in the frame that
   * paints them.
   */
  prepare(container: Element): void;
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

  const css = view.CSS as unknown as { escape(ident: string): string };
  const escapeIdent = (ident: string) => css.escape(ident);
  // One sheet per scheme and scope, built when first needed; only the current one is adopted.
  const sheets = new Map<string, AdoptableSheet>();
  let sheet: AdoptableSheet | undefined;
  let names: string[] = [];
  let flashTimer: number | undefined;
  /** The element the sheet is scoped around: the article's, as long as it holds everything painted. */
  let scopeRoot: Element | null = null;
  /** The colours in use, and the element the sheet names, watched: should the page change its id or class, the sheet follows. */
  let chosen: SiteScheme = "light";
  let named: Element | null = null;
  const renamed = new MutationObserver(() => {
    if (sheet) useSheet(chosen);
  });

  /** Adopts the sheet of `colours` for the claims in `scopeRoot` (the page's style is recalculated only when the sheet changes). */
  const useSheet = (colours: SiteScheme) => {
    chosen = colours;
    const scope = highlightScope(scopeRoot, escapeIdent);
    if (scope?.element !== named) {
      renamed.disconnect();
      named = scope?.element ?? null;
      if (named) renamed.observe(named, { attributes: true, attributeFilter: ["id", "class"] });
    }
    const rules = highlightCss(colours, scope?.selector);
    const next = sheets.get(rules) ?? adoptableSheet(doc, rules);
    sheets.set(rules, next);
    if (next !== sheet) sheet?.detach();
    sheet = next;
    sheet.attach();
  };
  /** Moves the scope to the claims' common ancestor when they are no longer all in it (the page re-rendered its article). */
  const scopeAround = (ranges: readonly Range[]) => {
    const ends = ranges.flatMap((range) => [range.startContainer, range.endContainer]);
    const root = scopeRoot;
    if (!root || !ends.every((node) => flatContains(root, node))) scopeRoot = commonAncestor(ends) ?? scopeRoot;
  };
  const unpaint = () => {
    for (const name of names) registry.delete(name);
    names = [];
    registry.delete(FLASH_HIGHLIGHT);
    view.clearTimeout(flashTimer);
  };

  return {
    prepare(container) {
      scopeRoot = container;
      useSheet(scheme ?? schemeForBackground(pageBackground(container)));
    },
    paint(groups) {
      unpaint();
      scopeAround([...groups.values()].flat());
      useSheet(scheme ?? schemeOf(groups));
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
      renamed.disconnect();
      named = null;
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

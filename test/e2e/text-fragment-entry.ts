/**
 * The in-page half of text-fragment.test.ts, bundled into one script: the
 * overlay's own code (anchoring, the page's quote, the directive) run in a
 * page without the extension, so the links are built exactly as the card
 * builds them.
 */
import { annotateDocument } from "../../lib/annotate";
import { createPageQuoter } from "../../lib/overlay/page-quote";
import { buildTextDirective } from "../../lib/text-fragment";

declare global {
  interface Window {
    claimDirectives(): { claimId: string; directive: string | null }[];
    claimBoxes(): { claimId: string; top: number; bottom: number }[];
  }
}

window.claimDirectives = () => {
  const quoteOf = createPageQuoter(document);
  return annotateDocument(document).annotations.map(({ claimId, range }) => ({
    claimId,
    directive: buildTextDirective(quoteOf(range)),
  }));
};

window.claimBoxes = () =>
  annotateDocument(document).annotations.map(({ claimId, range }) => {
    const rect = range.getBoundingClientRect();
    return { claimId, top: rect.top, bottom: rect.bottom };
  });

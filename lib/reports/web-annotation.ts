/**
 * Reports as W3C Web Annotations (motivation `questioning`): the body the
 * outbox POSTs, and the collection the reader exports from the popup.
 * https://www.w3.org/TR/annotation-model/
 */
import { claimById } from "../dataset";
import type { TextQuoteSelector } from "../schema";
import type { Report } from "./schema";

const CONTEXT = "http://www.w3.org/ns/anno.jsonld";

/** Where reports say they come from (the generator of each annotation). */
const GENERATOR = { type: "Software", name: "Fact-check overlay (browser extension)" } as const;

/** One report as a W3C Web Annotation. */
export interface WebAnnotation {
  "@context": typeof CONTEXT;
  id: string;
  type: "Annotation";
  motivation: "questioning";
  created: string;
  generator: typeof GENERATOR;
  creator?: { type: "Person"; email: string };
  target: {
    /** The page's address, when the reader let it be included; otherwise absent. */
    source?: string;
    /** The page's title, always. */
    title: string;
    selector: TextQuoteSelector;
    /** For a dispute: the claim's id in the dataset (the ids desks and outside checks know claims by). */
    claimId?: string;
  };
  body: { type: "TextualBody"; purpose: "tagging" | "commenting"; value: string }[];
}

/** The annotation for `report`: what the endpoint receives and what the export holds. */
export function toWebAnnotation(report: Report): WebAnnotation {
  const { draft } = report;
  const selector =
    draft.kind === "dispute"
      ? (claimById(draft.claimId)?.selector ?? {
          type: "TextQuoteSelector" as const,
          exact: draft.claimId,
          prefix: "",
          suffix: "",
        })
      : draft.selector;
  const body: WebAnnotation["body"] = [{ type: "TextualBody", purpose: "tagging", value: draft.reason }];
  if (draft.comment) body.push({ type: "TextualBody", purpose: "commenting", value: draft.comment });
  return {
    "@context": CONTEXT,
    id: `urn:uuid:${report.id}`,
    type: "Annotation",
    motivation: "questioning",
    created: report.createdAt,
    generator: GENERATOR,
    ...(draft.email ? { creator: { type: "Person" as const, email: draft.email } } : {}),
    target: {
      ...(draft.page.url ? { source: draft.page.url } : {}),
      title: draft.page.title,
      selector,
      ...(draft.kind === "dispute" ? { claimId: draft.claimId } : {}),
    },
    body,
  };
}

/** All reports as one W3C AnnotationCollection, for export to a JSON file. */
export function toAnnotationCollection(reports: readonly Report[], exportedAt = new Date()) {
  const items = reports.map(toWebAnnotation);
  return {
    "@context": CONTEXT,
    type: "AnnotationCollection",
    label: `Fact-check reports, exported ${exportedAt.toISOString()}`,
    total: items.length,
    first: { type: "AnnotationPage", items },
  };
}

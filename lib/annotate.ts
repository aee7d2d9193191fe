/**
 * The one pipeline entry: dataset → detection → anchoring
 * (`annotateDocument(doc)`), with the bundled dataset unless told otherwise.
 * The command-line annotator and the benchmark call it; the overlay runs the
 * same pipeline (pipeline.ts) with the dataset the background hands it.
 */
import { dataset as bundledDataset } from "./dataset";
import { type AnnotationResult, runPipeline } from "./pipeline";
import type { Dataset } from "./schema";

/** What the pipeline finds (see pipeline.ts). */
export type { Annotation, AnnotationResult } from "./pipeline";

/** Detects the article in `doc` and anchors every claim of the dataset inside its body. */
export function annotateDocument(
  doc: Document,
  dataset: Pick<Dataset, "article" | "claims"> = bundledDataset,
): AnnotationResult {
  return runPipeline(doc, dataset);
}

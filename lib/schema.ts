/**
 * Zod schemas for everything that crosses a boundary: the bundled dataset
 * (`data/*.json`) and the shapes derived from it (built in
 * dataset-schema.ts), and (re-exported from protocol-schema.ts) the
 * extension's stored state and its messages. Types are inferred from these
 * schemas, never written a second time.
 *
 * Written with `zod/mini`, whose functions a bundler keeps only when used:
 * the overlay checks the dataset the background hands it, and its messages,
 * with these schemas and must stay small (classic zod alone is ~90 KB).
 * Messages are English only where the English locale is loaded
 * (`validate-dataset.ts` loads it for dataset errors).
 */
import "./zod-jitless";
import type * as z from "zod/mini";
import { datasetSchemas } from "./dataset-schema";

export * from "./protocol-schema";

/** The dataset's schemas (dataset-schema.ts), built when this module is loaded. */
export const {
  PartialDate,
  Source,
  Fact,
  LaterDevelopment,
  Claim,
  Fingerprint,
  Article,
  Correction,
  DatasetMeta,
  Dataset,
  OverlayCards,
} = datasetSchemas();
export type PartialDate = z.infer<typeof PartialDate>;
export type Source = z.infer<typeof Source>;
export type Fact = z.infer<typeof Fact>;
export type LaterDevelopment = z.infer<typeof LaterDevelopment>;
export type Claim = z.infer<typeof Claim>;
export type Fingerprint = z.infer<typeof Fingerprint>;
export type Article = z.infer<typeof Article>;
export type Correction = z.infer<typeof Correction>;
export type DatasetMeta = z.infer<typeof DatasetMeta>;
export type Dataset = z.infer<typeof Dataset>;
export type OverlayCards = z.infer<typeof OverlayCards>;

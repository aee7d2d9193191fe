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
import {
  anchoredClaimSchema,
  interfaceMessagesSchema,
  runtimeMessageSchema,
  tabFramesSchema,
  tabMessageSchema,
  tabStateSchema,
} from "./protocol-schema";

export * from "./protocol-schema";

/*
 * The messages' and the tab state's schemas (protocol-schema.ts, where each
 * is described), built when this module is loaded.
 */
/** How one claim anchored on a page. */
export const AnchoredClaim = anchoredClaimSchema();
/** What a tab carries (one frame's part). */
export const TabState = tabStateSchema();
/** What the frames of a tab carry. */
export const TabFrames = tabFramesSchema();
/** Messages to the background from the detector and the overlay. */
export const RuntimeMessage = runtimeMessageSchema();
/** Messages to the overlay in a tab. */
export const TabMessage = tabMessageSchema();
/** The interface's words for the overlay. */
export const InterfaceMessages = interfaceMessagesSchema();
export type AnchoredClaim = z.infer<typeof AnchoredClaim>;
export type TabState = z.infer<typeof TabState>;
export type TabFrames = z.infer<typeof TabFrames>;
export type RuntimeMessage = z.infer<typeof RuntimeMessage>;
export type TabMessage = z.infer<typeof TabMessage>;
export type InterfaceMessages = z.infer<typeof InterfaceMessages>;

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

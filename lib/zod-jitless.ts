/**
 * Imported first by every module that builds zod schemas: zod then never
 * compiles parsers with `new Function` and never probes whether it may. The
 * extension's pages and workers forbid evaluating strings (the probe is reported as
 * a CSP violation), and Firefox's add-on review flags the probe; the parsers
 * zod interprets instead are fast enough for our messages and dataset.
 * Object schemas read the setting when they are built, so this has to run
 * before any schema module's body.
 */
import { config } from "zod/v4/core";

/** Whether zod is set to interpret, never compile (always true once this module ran). */
export const ZOD_JITLESS: boolean = config({ jitless: true }).jitless === true;

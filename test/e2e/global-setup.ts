/**
 * Vitest global setup of the e2e project: builds the extension into
 * `.output/chrome-mv3/` once (test/build-extension.ts).
 */
import { buildExtension } from "../build-extension";
import { EXTENSION_DIR, ROOT } from "./harness";

/** Builds the Chromium extension. */
export default function setup(): void {
  buildExtension(ROOT, [], EXTENSION_DIR);
}

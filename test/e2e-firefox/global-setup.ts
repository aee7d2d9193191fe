/**
 * Vitest global setup of the e2e-firefox project: builds the Firefox add-on
 * into `.output/firefox-mv3/` once (test/build-extension.ts).
 */
import { buildExtension } from "../build-extension";
import { ROOT } from "../e2e/harness";
import { FIREFOX_EXTENSION_DIR } from "./harness";

/** Builds the Firefox add-on. */
export default function setup(): void {
  buildExtension(ROOT, ["-b", "firefox"], FIREFOX_EXTENSION_DIR);
}

/**
 * Vitest global setup of the e2e project: builds the extension once, before
 * any browser starts, with the project's own build (`npx wxt build`, which
 * also validates the dataset). A failed build fails the whole e2e run with
 * the build's output. `E2E_SKIP_BUILD=1` reuses `.output/chrome-mv3/` as it
 * is (quicker while writing tests; the harness still checks it exists).
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { EXTENSION_DIR, ROOT } from "./harness";

/** Builds the extension into `.output/chrome-mv3/`; throws with the build's output if that fails. */
export default function setup(): void {
  if (process.env.E2E_SKIP_BUILD === "1") {
    if (!existsSync(join(EXTENSION_DIR, "manifest.json")))
      throw new Error(`E2E_SKIP_BUILD=1 but there is no build in ${EXTENSION_DIR}: run \`npx wxt build\` first.`);
    return;
  }
  const build = spawnSync("npx", ["wxt", "build"], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0" },
    timeout: 300_000,
  });
  if (build.status !== 0 || !existsSync(join(EXTENSION_DIR, "manifest.json"))) {
    const why = build.error ? String(build.error) : `exit code ${build.status ?? build.signal}`;
    throw new Error(
      `The e2e tests need the built extension, and \`npx wxt build\` failed (${why}):\n${build.stdout}\n${build.stderr}`,
    );
  }
}

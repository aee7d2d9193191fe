/**
 * Vitest global setup of the e2e-firefox project: builds the Firefox add-on
 * once (`npx wxt build -b firefox`, which also validates the dataset) before
 * any browser starts. `E2E_SKIP_BUILD=1` reuses `.output/firefox-mv3/`.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "../e2e/harness";
import { FIREFOX_EXTENSION_DIR } from "./harness";

/** Builds the add-on into `.output/firefox-mv3/`; throws with the build's output if that fails. */
export default function setup(): void {
  const manifest = join(FIREFOX_EXTENSION_DIR, "manifest.json");
  if (process.env.E2E_SKIP_BUILD === "1") {
    if (!existsSync(manifest))
      throw new Error(
        `E2E_SKIP_BUILD=1 but there is no build in ${FIREFOX_EXTENSION_DIR}: run \`npm run build:firefox\`.`,
      );
    return;
  }
  const build = spawnSync("npx", ["wxt", "build", "-b", "firefox"], {
    cwd: ROOT,
    encoding: "utf8",
    // Under vitest NODE_ENV is "test", which would build development JSX (with source paths) into the add-on.
    env: { ...process.env, NODE_ENV: "production", NO_COLOR: "1", FORCE_COLOR: "0" },
    timeout: 300_000,
  });
  if (build.status !== 0 || !existsSync(manifest)) {
    const why = build.error ? String(build.error) : `exit code ${build.status ?? build.signal}`;
    throw new Error(`\`npx wxt build -b firefox\` failed (${why}):\n${build.stdout}\n${build.stderr}`);
  }
}

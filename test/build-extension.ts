/**
 * Building the extension for an end-to-end project's global setup, once,
 * before any browser starts, with the project's own build (`npx wxt build`,
 * which also validates the dataset). A failed build fails the whole run with
 * the build's output. `E2E_SKIP_BUILD=1` reuses the build in `outputDir` as
 * it is (quicker while writing tests).
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";

/** Runs `npx wxt build` with `args` in `root`, unless skipped; throws when `outputDir` then has no manifest. */
export function buildExtension(root: string, args: string[], outputDir: string): void {
  const manifest = join(outputDir, "manifest.json");
  const command = ["npx", "wxt", "build", ...args].join(" ");
  if (process.env.E2E_SKIP_BUILD === "1") {
    if (!existsSync(manifest))
      throw new Error(`E2E_SKIP_BUILD=1 but there is no build in ${outputDir}: run \`${command}\`.`);
    return;
  }
  const build = spawnSync("npx", ["wxt", "build", ...args], {
    cwd: root,
    encoding: "utf8",
    // Under vitest NODE_ENV is "test", which would build development JSX (with source paths) into the extension.
    env: { ...process.env, NODE_ENV: "production", NO_COLOR: "1", FORCE_COLOR: "0" },
    timeout: 300_000,
  });
  if (build.status !== 0 || !existsSync(manifest)) {
    const why = build.error ? String(build.error) : `exit code ${build.status ?? build.signal}`;
    throw new Error(
      `The end-to-end tests need the built extension, and \`${command}\` failed (${why}):\n${build.stdout}\n${build.stderr}`,
    );
  }
}

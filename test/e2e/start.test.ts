import { spawnSync } from "node:child_process";
import { statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "./harness";

describe("npm start (the README's main command), without a display", () => {
  it("builds, opens the demo article with the extension and writes the three screenshots", () => {
    const started = Date.now();
    const run = spawnSync("npx", ["tsx", "lib/cli/start.ts", "--headless"], {
      cwd: ROOT,
      encoding: "utf8",
      timeout: 240_000,
    });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain("Annotated: 14 claims marked.");
    for (const name of ["annotated-article.png", "claim-card.png", "popup.png"]) {
      const file = statSync(join(ROOT, ".output", "screenshots", name));
      expect(file.size).toBeGreaterThan(10_000);
      expect(file.mtimeMs).toBeGreaterThanOrEqual(started - 1000);
    }
  }, 300_000);
});

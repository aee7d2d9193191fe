import { defineConfig } from "vitest/config";
import { WxtVitest } from "wxt/testing/vitest-plugin";
import { claimAnchorsModule } from "./lib/build/claim-anchors-module.ts";

export default defineConfig({
  test: {
    projects: [
      {
        plugins: [WxtVitest(), claimAnchorsModule()],
        test: {
          name: "unit",
          environment: "jsdom",
          include: ["test/**/*.test.{ts,tsx}"],
          exclude: ["test/e2e/**", "test/e2e-firefox/**", "node_modules/**"],
          setupFiles: ["test/unit-setup.ts"],
          testTimeout: 20_000,
        },
      },
      {
        // The built extension in real headless Chromium (test/e2e/harness.ts). The global
        // setup builds it once; the files share one machine's Chromium, so they run one at a time.
        test: {
          name: "e2e",
          environment: "node",
          include: ["test/e2e/**/*.test.ts"],
          globalSetup: ["test/e2e/global-setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      {
        // The Firefox build in Debian's Firefox ESR over WebDriver BiDi (test/e2e-firefox/harness.ts):
        // one browser per file, one file at a time, after the other projects (never beside Chromium).
        test: {
          name: "e2e-firefox",
          sequence: { groupOrder: 1 },
          environment: "node",
          include: ["test/e2e-firefox/**/*.test.ts"],
          globalSetup: ["test/e2e-firefox/global-setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});

import { fileURLToPath } from "node:url";
import { defineConfig } from "wxt";

// See README "Why wxt 0.20": it supports the Node 20 of our machines without warnings.
export default defineConfig({
  modules: ["@wxt-dev/webextension-polyfill"],
  manifest: {
    name: "Fact-check: North Korea military might (June 2020)",
    description:
      'Annotates the syndicated article "North Korea vows to bolster military might in face of US threats" with fact-checks, on any site, on your device.',
  },
  hooks: {
    // A bad dataset field fails the build with the file and zod path of the field.
    "build:before": async () => {
      const { loadDatasetFrom } = await import("./lib/dataset-files");
      loadDatasetFrom(fileURLToPath(new URL("./data", import.meta.url)));
    },
  },
});

import { fileURLToPath } from "node:url";
import type { Plugin } from "vite";
import { defineConfig } from "wxt";

/**
 * Content scripts that run on every page and must stay tiny (the detector:
 * at most 6 KB). Their builds get the browser's native API object instead
 * of webextension-polyfill (~10 KB) and a small stand-in for WXT's
 * ContentScriptContext (~2 KB); see lib/browser/.
 */
const TINY_CONTENT_SCRIPTS = ["detector"];

const SUBSTITUTES: Record<string, string> = {
  "@wxt-dev/webextension-polyfill/browser": "./lib/browser/native-browser.ts",
  "wxt/utils/content-script-context": "./lib/browser/lite-content-script-context.ts",
};

/** Applies `SUBSTITUTES` in the builds of `entrypoints` (WXT builds each content script on its own). */
function tinyContentScripts(entrypoints: string[]): Plugin {
  let tiny = false;
  return {
    name: "tiny-content-scripts",
    enforce: "pre",
    buildStart(options) {
      const inputs = Object.values(options.input ?? {}).map(String);
      tiny = inputs.some((input) => entrypoints.some((name) => input.includes(`/entrypoints/${name}.`)));
    },
    resolveId(source) {
      const substitute = tiny ? SUBSTITUTES[source] : undefined;
      return substitute ? fileURLToPath(new URL(substitute, import.meta.url)) : null;
    },
  };
}

// See README "Set-up" for why WXT 0.20: it supports the Node 20 of our machines without warnings.
export default defineConfig({
  modules: ["@wxt-dev/webextension-polyfill"],
  vite: () => ({ plugins: [tinyContentScripts(TINY_CONTENT_SCRIPTS)] }),
  manifest: {
    name: "Fact-check: North Korea military might (June 2020)",
    description:
      'Annotates the syndicated article "North Korea vows to bolster military might in face of US threats" with fact-checks, on any site, on your device.',
    // Each permission is explained in the README ("Permissions").
    permissions: ["storage", "scripting", "alarms", "contextMenus"],
    host_permissions: ["http://*/*", "https://*/*"],
    commands: {
      "next-claim": {
        suggested_key: { default: "Alt+Shift+Period" },
        description: "Go to the next fact-checked claim",
      },
      "previous-claim": {
        suggested_key: { default: "Alt+Shift+Comma" },
        description: "Go to the previous fact-checked claim",
      },
    },
  },
  hooks: {
    // A bad dataset field fails the build with the file and zod path of the field.
    "build:before": async () => {
      const { loadDatasetFrom } = await import("./lib/dataset-files");
      loadDatasetFrom(fileURLToPath(new URL("./data", import.meta.url)));
    },
  },
});

import { fileURLToPath } from "node:url";
import type { Plugin } from "vite";
import { defineConfig } from "wxt";
import { claimAnchorsModule } from "./lib/build/claim-anchors-module.ts";

/**
 * Modules replaced in the builds of the content scripts, which run in web
 * pages and must stay small (the detector, on every page: at most 6 KB; the
 * overlay, on article pages: under 100 KB before its first paint, its markers
 * and cards in a second script after it). They get the browser's native
 * API object instead of webextension-polyfill (~10 KB; the calls they make
 * return promises natively in MV3), and a small stand-in for WXT's
 * ContentScriptContext, which talks to the page through `postMessage` and
 * `window` events (see lib/browser/): the detector's and the cards' without
 * the animation frames that only the overlay asks for.
 */
const NATIVE_BROWSER = { "@wxt-dev/webextension-polyfill/browser": "./lib/browser/native-browser.ts" };
const SUBSTITUTES: Record<string, Record<string, string>> = {
  detector: { ...NATIVE_BROWSER, "wxt/utils/content-script-context": "./lib/browser/lite-content-script-context.ts" },
  overlay: { ...NATIVE_BROWSER, "wxt/utils/content-script-context": "./lib/browser/overlay-content-script-context.ts" },
  "overlay-cards": {
    ...NATIVE_BROWSER,
    "wxt/utils/content-script-context": "./lib/browser/lite-content-script-context.ts",
  },
};

/** How the bundler names WXT's wrapper around an isolated-world content script; the script's own path follows. */
const ISOLATED_WORLD_WRAPPER = "\0virtual:wxt-content-script-isolated-world-entrypoint?";

/**
 * WXT's wrapper around a content script's `main`, in a production build
 * less what serves only development: WXT's logger prints nothing there,
 * and the try/catch around `main` only logs through it before throwing
 * again (236 bytes of the detector's 6 KB). What stays is WXT's: its
 * runtime plugins first, then `main` with the script's context, whose
 * result (a promise when `main` is async) is the script's.
 */
function isolatedWorldWrapper(scriptPath: string): string {
  return [
    `import definition from ${JSON.stringify(scriptPath)};`,
    `import { ContentScriptContext } from "wxt/utils/content-script-context";`,
    `import { initPlugins } from "virtual:wxt-plugins";`,
    "initPlugins();",
    "const { main, ...options } = definition;",
    "export default main(new ContentScriptContext(import.meta.env.ENTRYPOINT, options));",
  ].join("\n");
}

/**
 * Applies `SUBSTITUTES` in the build of each content script (WXT builds each
 * one on its own), and in a production build wraps it in `isolatedWorldWrapper`.
 */
function contentScriptSubstitutes(): Plugin {
  let substitutes: Record<string, string> = {};
  let production = false;
  return {
    name: "content-script-substitutes",
    enforce: "pre",
    configResolved(config) {
      production = config.mode === "production";
    },
    buildStart(options) {
      const inputs = Object.values(options.input ?? {}).map(String);
      const script = Object.keys(SUBSTITUTES).find((name) =>
        inputs.some((input) => input.includes(`/entrypoints/${name}.`)),
      );
      substitutes = script ? SUBSTITUTES[script] : {};
    },
    resolveId(source) {
      const substitute = substitutes[source];
      return substitute ? fileURLToPath(new URL(substitute, import.meta.url)) : null;
    },
    load(id) {
      const ours = Object.keys(substitutes).length > 0;
      return production && ours && id.startsWith(ISOLATED_WORLD_WRAPPER)
        ? isolatedWorldWrapper(id.slice(ISOLATED_WORLD_WRAPPER.length))
        : null;
    },
  };
}

/**
 * Firefox's add-on settings: a fixed id (storage and the `moz-extension://`
 * address stay the same across updates), the first ESR with everything we use
 * (the CSS Custom Highlight API, `storage.session`, MV3 `scripting`), and the
 * data collection declaration the add-on store asks for: none.
 */
const GECKO = {
  gecko: {
    id: "factcheck-overlay@factcheck.invalid",
    strict_min_version: "140.0",
    data_collection_permissions: { required: ["none"] },
  },
  // Firefox for Android reads the data collection declaration from 142 on.
  gecko_android: { strict_min_version: "142.0" },
};

/**
 * The detector runs in every frame, since the article may sit in an iframe
 * (a `srcdoc` one, or a news site's cross-origin embed); `about:blank`,
 * `srcdoc` and similar frames get it under the origin of the page that made
 * them. Set here rather than in the entrypoint's options, which WXT keeps in
 * the script's bundle (57 bytes of the detector's 6 KB budget). Ad and
 * tracker frames carry almost no text: the pre-filter turns them away at once.
 */
const DETECTOR_FRAME_OPTIONS = { all_frames: true, match_about_blank: true, match_origin_as_fallback: true };

// See README "Set-up" for why WXT 0.20: it supports the Node 20 of our machines without warnings.
export default defineConfig({
  modules: ["@wxt-dev/webextension-polyfill"],
  // Manifest V3 in Firefox too (WXT's default there is V2): one background, `action`, `scripting`, `storage.session`.
  manifestVersion: 3,
  vite: () => ({ plugins: [contentScriptSubstitutes(), claimAnchorsModule()] }),
  // The sources zip is for Firefox's reviewers, who rebuild the add-on from it: what the build reads, no tests.
  zip: { excludeSources: ["test/**", ".ci/**"] },
  manifest: ({ browser }) => ({
    // Name and description in the browser's language, from public/_locales (at most 45 characters in
    // every language: Firefox's add-on linter refuses a longer name; test/i18n/messages.test.ts checks).
    name: "__MSG_extName__",
    description: "__MSG_extDescription__",
    default_locale: "en",
    // Each permission is explained in the README ("Permissions").
    permissions: ["storage", "scripting", "alarms", "contextMenus"],
    // Every http(s) page ("*" is either scheme), as the content scripts' match pattern says it.
    host_permissions: ["*://*/*"],
    commands: {
      "next-claim": {
        suggested_key: { default: "Alt+Shift+Period" },
        description: "__MSG_commandNextClaim__",
      },
      "previous-claim": {
        suggested_key: { default: "Alt+Shift+Comma" },
        description: "__MSG_commandPreviousClaim__",
      },
    },
    ...(browser === "firefox" ? { browser_specific_settings: GECKO } : {}),
  }),
  hooks: {
    "build:manifestGenerated": (_wxt, manifest) => {
      for (const script of manifest.content_scripts ?? [])
        if (script.js?.includes("content-scripts/detector.js")) Object.assign(script, DETECTOR_FRAME_OPTIONS);
    },
    // A bad dataset field fails the build with the file and zod path of the field.
    "build:before": async () => {
      const { loadDatasetFrom } = await import("./lib/dataset-files");
      loadDatasetFrom(fileURLToPath(new URL("./data", import.meta.url)));
    },
  },
});

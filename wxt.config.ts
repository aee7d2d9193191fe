import { fileURLToPath } from "node:url";
import { defineConfig } from "wxt";
import { claimAnchorsModule } from "./lib/build/claim-anchors-module.ts";
import { contentScriptBuilds } from "./lib/build/content-script-builds.ts";

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
  vite: () => ({ plugins: [contentScriptBuilds(), claimAnchorsModule()] }),
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

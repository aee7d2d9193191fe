/**
 * The builds of the content scripts, which run in web pages and must stay
 * small (the detector, on every page: at most 6 KB; the overlay, on article
 * pages: under 100 KB before its first paint, its markers and cards in a
 * second script after it). A Vite plugin (wxt.config.ts) that, in the build
 * of each of them (WXT builds each one on its own), replaces a few modules
 * (`SUBSTITUTES`) and, in a production build, WXT's wrapper around the
 * script's `main` (`isolatedWorldWrapper`).
 */
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Plugin } from "vite";

/** The repository's root, which the substitutes' paths start from. */
const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

/** The browser's native API object in place of webextension-polyfill, which the content scripts do not need. */
const NATIVE_BROWSER = { "@wxt-dev/webextension-polyfill/browser": "lib/browser/native-browser.ts" };

/**
 * Modules replaced in each content script's build. They get the browser's
 * native API object instead of webextension-polyfill (~10 KB; the calls they
 * make return promises natively in MV3), and a small stand-in for WXT's
 * ContentScriptContext, which talks to the page through `postMessage` and
 * `window` events (see lib/browser/): the detector's and the cards' without
 * the animation frames that only the overlay asks for.
 */
export const SUBSTITUTES: Record<string, Record<string, string>> = {
  detector: { ...NATIVE_BROWSER, "wxt/utils/content-script-context": "lib/browser/lite-content-script-context.ts" },
  overlay: { ...NATIVE_BROWSER, "wxt/utils/content-script-context": "lib/browser/overlay-content-script-context.ts" },
  "overlay-cards": {
    ...NATIVE_BROWSER,
    "wxt/utils/content-script-context": "lib/browser/lite-content-script-context.ts",
  },
};

/** How the bundler names WXT's wrapper around an isolated-world content script; the script's own path follows. */
export const ISOLATED_WORLD_WRAPPER = "\0virtual:wxt-content-script-isolated-world-entrypoint?";

/**
 * WXT's wrapper around a content script's `main`, in a production build
 * less what serves only development: WXT's logger prints nothing there,
 * and the try/catch around `main` only logs through it before throwing
 * again (236 bytes of the detector's 6 KB). What stays is WXT's: its
 * runtime plugins first, then `main` with the script's context, whose
 * result (a promise when `main` is async) is the script's.
 */
export function isolatedWorldWrapper(scriptPath: string): string {
  return [
    `import definition from ${JSON.stringify(scriptPath)};`,
    `import { ContentScriptContext } from "wxt/utils/content-script-context";`,
    `import { initPlugins } from "virtual:wxt-plugins";`,
    "initPlugins();",
    "const { main, ...options } = definition;",
    "export default main(new ContentScriptContext(import.meta.env.ENTRYPOINT, options));",
  ].join("\n");
}

/** The plugin: `SUBSTITUTES` in the build of each content script, and `isolatedWorldWrapper` in a production one. */
export function contentScriptBuilds(): Plugin {
  let substitutes: Record<string, string> = {};
  let production = false;
  return {
    name: "content-script-builds",
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
      return substitute ? join(ROOT, substitute) : null;
    },
    load(id) {
      const ours = Object.keys(substitutes).length > 0;
      return production && ours && id.startsWith(ISOLATED_WORLD_WRAPPER)
        ? isolatedWorldWrapper(id.slice(ISOLATED_WORLD_WRAPPER.length))
        : null;
    },
  };
}

/**
 * The browser's own extension API object, without webextension-polyfill.
 * Substituted for `wxt/browser` in the detector build only (see
 * wxt.config.ts): the detector runs on every page and must stay under 6 KB,
 * and the few calls it makes (`runtime.id`, `runtime.sendMessage`) return
 * promises natively in Chromium's and Firefox's MV3 APIs.
 */
type NativeApi = typeof import("wxt/browser").browser;

const scope = globalThis as unknown as { browser?: NativeApi; chrome?: NativeApi };

/** `browser` where the browser defines it (Firefox, Safari), else Chromium's `chrome`. */
export const browser: NativeApi = (scope.browser?.runtime ? scope.browser : scope.chrome) as NativeApi;

/**
 * The browser's own extension API object, without webextension-polyfill.
 * Substituted for `wxt/browser` in the content scripts' builds (see
 * wxt.config.ts): they run in web pages and must stay small, and the calls
 * they make (`runtime.id`, `runtime.getURL`, `runtime.sendMessage`,
 * `runtime.onMessage` with listeners that answer nothing) behave alike, with
 * promises, in Chromium's and Firefox's MV3 APIs.
 */
type NativeApi = typeof import("wxt/browser").browser;

const scope = globalThis as unknown as { browser?: NativeApi; chrome?: NativeApi };

/** `browser` where the browser defines it (Firefox, Safari), else Chromium's `chrome`. */
export const browser: NativeApi = (scope.browser?.runtime ? scope.browser : scope.chrome) as NativeApi;

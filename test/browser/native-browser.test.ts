import { afterEach, describe, expect, it, vi } from "vitest";

const scope = globalThis as { browser?: unknown; chrome?: unknown };
const saved = { browser: scope.browser, chrome: scope.chrome };

async function loadNativeBrowser(): Promise<unknown> {
  vi.resetModules();
  return (await import("../../lib/browser/native-browser")).browser;
}

describe("native-browser", () => {
  afterEach(() => Object.assign(scope, saved));

  it("is Chromium's `chrome` where the browser defines no `browser`", async () => {
    const chromeApi = { runtime: { id: "chrome-id" } };
    Object.assign(scope, { browser: undefined, chrome: chromeApi });
    expect(await loadNativeBrowser()).toBe(chromeApi);
  });

  it("is the browser's own `browser` where it has one (Firefox, Safari)", async () => {
    const firefoxApi = { runtime: { id: "firefox-id" } };
    Object.assign(scope, { browser: firefoxApi, chrome: { runtime: { id: "other" } } });
    expect(await loadNativeBrowser()).toBe(firefoxApi);
  });
});

/**
 * The lifecycle every component test with the fake browser shares: a fresh
 * fake browser before each test; after it, the rendered tree unmounted and
 * spies restored; after the file, a moment for Preact's deferred effects (a
 * 35 ms timer) to run before jsdom is torn down.
 */
import { cleanup } from "@testing-library/preact";
import { afterAll, afterEach, beforeEach, vi } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";

/** Registers the shared hooks; call once at the top of a test file. */
export function useComponentLifecycle(): void {
  beforeEach(() => fakeBrowser.reset());
  afterEach(() => {
    cleanup();
    vi.restoreAllMocks();
  });
  afterAll(() => new Promise((resolve) => setTimeout(resolve, 60)));
}

/**
 * Set-up of every unit test: a fresh, empty IndexedDB (fake-indexeddb) for
 * trusted storage (lib/trusted-storage.ts), which jsdom lacks, as the fake
 * browser's storage is fresh after `fakeBrowser.reset()`.
 */
import { IDBFactory } from "fake-indexeddb";
import { beforeEach } from "vitest";
import { resetTrustedStorage } from "../lib/trusted-storage";

beforeEach(async () => {
  await resetTrustedStorage();
  globalThis.indexedDB = new IDBFactory();
});

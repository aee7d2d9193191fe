/**
 * Set-up of every unit test: a fresh, empty IndexedDB (fake-indexeddb) for
 * trusted storage (lib/trusted-storage.ts), which jsdom lacks, as the fake
 * browser's storage is fresh after `fakeBrowser.reset()`; the interface in
 * English.
 */
import { IDBFactory } from "fake-indexeddb";
import { beforeEach } from "vitest";
import { messagesFor } from "../lib/i18n/tables";
import { installLocale } from "../lib/i18n/translate";
import { resetTrustedStorage } from "../lib/trusted-storage";

beforeEach(async () => {
  // Components read their words from the installed table: English, as a browser in English has it.
  installLocale("en", messagesFor("en"));
  await resetTrustedStorage();
  globalThis.indexedDB = new IDBFactory();
});

/**
 * Storage that only the extension's own trusted contexts (the background and
 * the extension's pages) can reach: IndexedDB of the extension's origin.
 * Content scripts run with the page's origin, so they cannot open it, in
 * Chromium and Firefox alike (`storage.local` is readable by content scripts
 * unless the browser can restrict it, and Firefox cannot). The reader's
 * reports and the report endpoint live here.
 *
 * Items mirror WXT's storage items (`getValue`, `setValue`, `watch`), with a
 * fallback for a missing value. Writes are durable before they resolve
 * (`durability: "strict"`): a report is on disk before anything is sent.
 * Changes reach watchers in every trusted context through a
 * `BroadcastChannel` of the extension's origin.
 */

/** Name of the database and of its one object store. */
const DATABASE = "trusted-storage";
const STORE = "items";
/** The channel that tells other contexts which key changed. */
const CHANNEL = "trusted-storage-changes";
/** This context, so that it ignores its own announcements on the channel (its watchers already heard). */
const CONTEXT_ID = crypto.randomUUID();

let database: Promise<IDBDatabase> | null = null;

/** The open database (opened once per context, and again after it was closed or failed to open). */
function openDatabase(): Promise<IDBDatabase> {
  database ??= new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(DATABASE, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => {
      const opened = request.result;
      // Another context upgrading or deleting the database: let it, and open again next time.
      opened.onversionchange = () => {
        opened.close();
        database = null;
      };
      resolve(opened);
    };
    request.onerror = () => reject(request.error);
  }).catch((error: unknown) => {
    database = null;
    throw error;
  });
  return database;
}

/** Runs one request in a transaction and resolves when the transaction has committed. */
async function transact<T>(mode: IDBTransactionMode, run: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await openDatabase();
  return new Promise<T>((resolve, reject) => {
    const transaction = db.transaction(STORE, mode, { durability: "strict" });
    const request = run(transaction.objectStore(STORE));
    transaction.oncomplete = () => resolve(request.result);
    transaction.onerror = () => reject(transaction.error ?? request.error);
    transaction.onabort = () => reject(transaction.error ?? new Error("transaction aborted"));
  });
}

/** Told of a change to `key`: with the new value in the context that made it, without it elsewhere. */
type Listener = (key: string, value?: { current: unknown }) => void;
const listeners = new Set<Listener>();
let channel: BroadcastChannel | null = null;

/** Starts listening to other contexts' changes (once, when the first watcher arrives). */
function ensureChannel(): void {
  if (channel || typeof BroadcastChannel === "undefined") return;
  channel = new BroadcastChannel(CHANNEL);
  channel.onmessage = (event: MessageEvent<{ key?: unknown; from?: unknown }>) => {
    const { key, from } = event.data ?? {};
    if (typeof key === "string" && from !== CONTEXT_ID) for (const listener of listeners) listener(key);
  };
}

/** Tells this context's watchers (with the new value) and every other trusted context that `key` changed. */
function announce(key: string, current: unknown): void {
  for (const listener of listeners) listener(key, { current });
  if (typeof BroadcastChannel === "undefined") return;
  const sender = new BroadcastChannel(CHANNEL);
  sender.postMessage({ key, from: CONTEXT_ID });
  sender.close();
}

/** One value in trusted storage. */
export interface TrustedItem<T> {
  /** The stored value, or the fallback when there is none. */
  getValue(): Promise<T>;
  /** Stores `value`; resolves once it is durable. */
  setValue(value: T): Promise<void>;
  /** Removes the value (reads give the fallback again). */
  removeValue(): Promise<void>;
  /** Calls `callback` with the new value whenever it changes, in any trusted context; returns the unwatch. */
  watch(callback: (value: T) => void): () => void;
}

/**
 * Declares the item stored under `key`, read as `fallback` while absent.
 * What is stored is returned as stored: callers parse it with their schema.
 */
export function defineTrustedItem<T>(key: string, fallback: T): TrustedItem<T> {
  const getValue = async (): Promise<T> => {
    const value = await transact("readonly", (store) => store.get(key));
    return value === undefined ? structuredClone(fallback) : (value as T);
  };
  return {
    getValue,
    async setValue(value) {
      await transact("readwrite", (store) => store.put(value, key));
      announce(key, value);
    },
    async removeValue() {
      await transact("readwrite", (store) => store.delete(key));
      announce(key, structuredClone(fallback));
    },
    watch(callback) {
      ensureChannel();
      const listener: Listener = (changed, value) => {
        if (changed !== key) return;
        if (value) callback(value.current as T);
        else getValue().then(callback, () => undefined);
      };
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** Closes the database and forgets every watcher (tests start each case from a fresh database). */
export async function resetTrustedStorage(): Promise<void> {
  listeners.clear();
  channel?.close();
  channel = null;
  const open = database;
  database = null;
  if (open) (await open.catch(() => null))?.close();
}

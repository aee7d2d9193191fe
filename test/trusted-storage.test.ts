/**
 * Trusted storage (lib/trusted-storage.ts) on fake-indexeddb: values round
 * trip, fallbacks are copies, watchers hear changes from this context (with
 * the value) and from others (through the channel), and writes are durable.
 */
import { IDBDatabase } from "fake-indexeddb";
import { describe, expect, it, vi } from "vitest";
import { defineTrustedItem, resetTrustedStorage } from "../lib/trusted-storage";

describe("defineTrustedItem", () => {
  it("reads the fallback until a value is stored, then the value, until it is removed", async () => {
    const item = defineTrustedItem<string[]>("list", []);
    expect(await item.getValue()).toEqual([]);
    await item.setValue(["a", "b"]);
    expect(await item.getValue()).toEqual(["a", "b"]);
    await item.removeValue();
    expect(await item.getValue()).toEqual([]);
  });

  it("hands out a copy of the fallback, never the fallback itself", async () => {
    const fallback: string[] = [];
    const item = defineTrustedItem("copies", fallback);
    (await item.getValue()).push("changed");
    expect(fallback).toEqual([]);
    expect(await item.getValue()).toEqual([]);
  });

  it("keeps each key apart, and survives the database being closed and opened again", async () => {
    const first = defineTrustedItem<unknown>("first", null);
    const second = defineTrustedItem<unknown>("second", null);
    await first.setValue({ n: 1 });
    await second.setValue("two");
    await resetTrustedStorage();
    expect(await first.getValue()).toEqual({ n: 1 });
    expect(await second.getValue()).toBe("two");
  });

  it("tells this context's watchers of each change with the new value, until unwatched", async () => {
    const item = defineTrustedItem<number>("count", 0);
    const callback = vi.fn();
    const unwatch = item.watch(callback);
    await item.setValue(1);
    await item.setValue(2);
    await item.removeValue();
    expect(callback.mock.calls).toEqual([[1], [2], [0]]);
    unwatch();
    await item.setValue(3);
    expect(callback).toHaveBeenCalledTimes(3);
  });

  it("ignores changes of other keys", async () => {
    const callback = vi.fn();
    defineTrustedItem<number>("watched", 0).watch(callback);
    await defineTrustedItem<number>("other", 0).setValue(5);
    expect(callback).not.toHaveBeenCalled();
  });

  it("hears another context's change through the channel, reading the value back", async () => {
    const item = defineTrustedItem<string>("shared", "none");
    expect(await item.getValue()).toBe("none");
    const callback = vi.fn();
    item.watch(callback);
    // What another trusted context (a page, the background) writes and then announces.
    const other = await new Promise<IDBDatabase>((resolve) => {
      const request = indexedDB.open("trusted-storage", 1);
      request.onsuccess = () => resolve(request.result);
    });
    await new Promise((resolve) => {
      const transaction = other.transaction("items", "readwrite");
      transaction.objectStore("items").put("from elsewhere", "shared");
      transaction.oncomplete = resolve;
    });
    other.close();
    const channel = new BroadcastChannel("trusted-storage-changes");
    channel.postMessage({ key: "shared", from: "another-context" });
    channel.close();
    await vi.waitFor(() => expect(callback).toHaveBeenCalledWith("from elsewhere"));
  });

  it("commits every write durably before it resolves", async () => {
    const transaction = vi.spyOn(IDBDatabase.prototype, "transaction");
    await defineTrustedItem<number>("durable", 0).setValue(1);
    expect(transaction).toHaveBeenCalledWith("items", "readwrite", { durability: "strict" });
  });
});

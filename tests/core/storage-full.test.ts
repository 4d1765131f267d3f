import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CacheStore } from "../../electron/core/cache/cache-store.js";
import { openCache } from "../../electron/core/cache/open-cache.js";
import type { CommandRequest } from "../../shared/commands/command.js";
import { isStorageFull } from "../../shared/storage-full.js";

const comment = (i: number): CommandRequest => ({
  idempotencyKey: `key-${i}`, operatorId: "op-01", at: "2026-12-04T06:00:00.000Z", command: { type: "comment", target: { kind: "alarm", id: "alm-1" }, text: `ghi chú ${i} `.repeat(40) },
});

// A cache held to its current size (SQLite's max_page_count, as --cache-quota-mb sets it): the
// same SQLITE_FULL a full disk gives, without filling this machine's disk.
function fullCache() {
  const { db } = openCache({ path: join(mkdtempSync(join(tmpdir(), "ioc-full-")), "cache.sqlite"), quotaBytes: 1 });
  return new CacheStore(db);
}

describe("the console's cache on a full disk", () => {
  it("refuses queued actions whole with storage_full, keeps nothing half-written, and says so", () => {
    const store = fullCache();
    let changes = 0;
    store.onStorageChange(() => changes++);
    const answer = store.enqueueCommands(Array.from({ length: 200 }, (_, i) => comment(i)));
    expect(answer.ok).toBe(false);
    if (!answer.ok) {
      expect(answer.error.kind).toBe("storage_full");
      expect(answer.error.message).toMatch(/disk is full/);
    }
    expect(store.pendingCount()).toBe(0);
    expect(store.storageFull).toBe(true);
    expect(changes).toBe(1);
    // Reads go on.
    expect(store.getCursor()).toBe(0);
    expect(store.pendingActions()).toEqual([]);
  });

  it("takes actions again by itself once there is room, and clears the flag", () => {
    const store = fullCache();
    expect(store.enqueueCommands(Array.from({ length: 200 }, (_, i) => comment(i))).ok).toBe(false);
    // Space returns (the quota is lifted, as a disk is cleaned up).
    store.db.pragma("max_page_count = 1000000");
    expect(store.enqueueCommands(Array.from({ length: 200 }, (_, i) => comment(i))).ok).toBe(true);
    expect(store.pendingCount()).toBe(200);
    expect(store.storageFull).toBe(false);
  });

  it("a page of changes that does not fit leaves the cursor where it was", () => {
    const store = fullCache();
    const rows = Array.from({ length: 500 }, (_, i) => ({ seq: i + 1, entity: "alarm" as const, op: "upsert" as const, id: `alm-${i}`, dataJson: JSON.stringify({ note: "x".repeat(500) }) }));
    let thrown: unknown = null;
    try {
      store.applyChanges(rows, [], 500, "2026-12-04T06:00:00.000Z");
    } catch (e) {
      thrown = e;
    }
    expect(isStorageFull(thrown)).toBe(true);
    expect(store.getCursor()).toBe(0);
    expect(store.storageFull).toBe(true);
  });

  it("outbox commits are synchronous FULL and the cache's other writes NORMAL", () => {
    const store = fullCache();
    store.db.pragma("max_page_count = 1000000");
    expect(store.db.pragma("synchronous", { simple: true })).toBe(1);
    let during: unknown = null;
    const original = store.db.transaction.bind(store.db);
    store.db.transaction = ((fn: (...args: never[]) => unknown) => {
      during = store.db.pragma("synchronous", { simple: true });
      return original(fn);
    }) as typeof store.db.transaction;
    expect(store.enqueueCommands([comment(1)]).ok).toBe(true);
    expect(during).toBe(2);
    expect(store.db.pragma("synchronous", { simple: true })).toBe(1);
  });
});

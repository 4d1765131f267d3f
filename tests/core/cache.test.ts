import Database from "better-sqlite3";
import { mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CacheStore } from "../../electron/core/cache/cache-store.js";
import { CacheTooNewError, migrate } from "../../electron/core/cache/migrate.js";
import { LATEST_CACHE_VERSION, MIGRATIONS } from "../../electron/core/cache/migrations/index.js";
import { CACHE_PAGE_SIZE, openCache } from "../../electron/core/cache/open-cache.js";
import { validateChanges } from "../../electron/core/sync/validate-changes.js";
import { encodeValidated } from "../../electron/core/sync/decoded-page.js";
import { makeAlarm } from "../shared/fixtures.js";

function memoryStore() {
  const db = new Database(":memory:");
  migrate(db);
  return new CacheStore(db);
}

describe("cache migrations", () => {
  it("each migration applies in order on an empty database and sets user_version", () => {
    for (const target of MIGRATIONS) {
      const db = new Database(":memory:");
      const applied = migrate(db, MIGRATIONS.filter((m) => m.version <= target.version));
      expect(applied.at(-1)).toBe(target.version);
      expect(db.pragma("user_version", { simple: true })).toBe(target.version);
    }
  });

  it("upgrades from every earlier version to the latest", () => {
    for (const from of [0, ...MIGRATIONS.map((m) => m.version)]) {
      const db = new Database(":memory:");
      migrate(db, MIGRATIONS.filter((m) => m.version <= from));
      migrate(db);
      expect(db.pragma("user_version", { simple: true })).toBe(LATEST_CACHE_VERSION);
    }
  });

  it("rewrites actions queued by an older console as commands naming their target, and sends them as such", () => {
    const db = new Database(":memory:");
    migrate(db, MIGRATIONS.filter((m) => m.version <= 2));
    const insert = db.prepare("INSERT INTO outbox (idempotency_key, alarm_id, request, created_at, operator_id) VALUES (?, ?, ?, ?, ?)");
    const at = "2026-11-25T10:00:00.000Z";
    const incidentId = "inc-0b7f1c2e-1111-4222-8333-944455556666";
    const queued = [
      ["key-alarm-001", "alm-1", { idempotencyKey: "key-alarm-001", operatorId: "op-01", at, action: { type: "shelve", alarmId: "alm-1", reason: "Bảo trì", minutes: 30 } }],
      ["key-incid-002", incidentId, { idempotencyKey: "key-incid-002", operatorId: "op-01", at, incidentAction: { type: "incident_create", incidentId, alarmIds: ["alm-1"], title: null, assignedUnit: "Đội PCCC số 3" } }],
    ] as const;
    for (const [key, target, request] of queued) insert.run(key, target, JSON.stringify(request), at, "op-01");
    migrate(db);
    const store = new CacheStore(db);
    expect(store.pendingActions().map((p) => p.request)).toEqual([
      { idempotencyKey: "key-alarm-001", operatorId: "op-01", at, command: { type: "shelve", target: { kind: "alarm", id: "alm-1" }, reason: "Bảo trì", minutes: 30 } },
      { idempotencyKey: "key-incid-002", operatorId: "op-01", at, command: { type: "incident_create", target: { kind: "incident", id: incidentId }, alarmIds: ["alm-1"], title: null, assignedUnit: "Đội PCCC số 3" } },
    ]);
    expect(store.pendingFor({ kind: "incident", id: incidentId }).map((p) => p.idempotencyKey)).toEqual(["key-incid-002"]);
    expect(store.pendingOn("alarm").map((p) => p.idempotencyKey)).toEqual(["key-alarm-001"]);
  });

  it("refuses a cache written by a newer console", () => {
    const db = new Database(":memory:");
    db.pragma(`user_version = ${LATEST_CACHE_VERSION + 1}`);
    expect(() => migrate(db)).toThrow(CacheTooNewError);
    expect(() => migrate(db)).toThrow(/newer IOC Console/);
  });

  it("a failing migration leaves the previous version intact", () => {
    const db = new Database(":memory:");
    const broken = [...MIGRATIONS, { version: LATEST_CACHE_VERSION + 1, name: "broken", up: () => { throw new Error("boom"); } }];
    expect(() => migrate(db, broken)).toThrow("boom");
    expect(db.pragma("user_version", { simple: true })).toBe(LATEST_CACHE_VERSION);
  });

  it("makes a new cache with 16 KiB pages and opens an existing 4 KiB cache as it is", () => {
    const dir = mkdtempSync(join(tmpdir(), "ioc-cache-"));
    const fresh = openCache({ path: join(dir, "new.sqlite") });
    expect(fresh.db.pragma("page_size", { simple: true })).toBe(CACHE_PAGE_SIZE);
    fresh.db.close();

    const oldPath = join(dir, "old.sqlite");
    const old = new Database(oldPath);
    old.pragma("page_size = 4096");
    old.pragma("journal_mode = WAL");
    migrate(old);
    const batch = encodeValidated(validateChanges([{ seq: 1, entity: "alarm", op: "upsert", id: "a1", at: "2026-11-25T10:00:00.000Z", data: makeAlarm({ id: "a1" }) }]));
    new CacheStore(old).applyChanges(batch.rows, batch.quarantined, 1, "2026-11-25T10:00:00.000Z");
    old.close();
    const reopened = openCache({ path: oldPath });
    expect(reopened.movedAside).toBeNull();
    expect(reopened.db.pragma("page_size", { simple: true })).toBe(4096);
    expect(new CacheStore(reopened.db).getCursor()).toBe(1);
    reopened.db.close();
  });

  it("moves a corrupt cache file aside, keeps it, and opens a fresh one", () => {
    const dir = mkdtempSync(join(tmpdir(), "ioc-cache-"));
    const path = join(dir, "cache.sqlite");
    writeFileSync(path, "this is not a database ".repeat(100));
    const opened = openCache({ path });
    expect(opened.movedAside).toMatch(/cache\.sqlite\.corrupt-/);
    expect(readdirSync(dir).some((f) => f.includes(".corrupt-"))).toBe(true);
    expect(opened.db.pragma("user_version", { simple: true })).toBe(LATEST_CACHE_VERSION);
    opened.db.close();
  });

  it("refuses (does not move aside) a cache file from a newer version", () => {
    const dir = mkdtempSync(join(tmpdir(), "ioc-cache-"));
    const path = join(dir, "cache.sqlite");
    const db = new Database(path);
    db.pragma(`user_version = ${LATEST_CACHE_VERSION + 5}`);
    db.close();
    expect(() => openCache({ path })).toThrow(CacheTooNewError);
    expect(readdirSync(dir).some((f) => f.includes(".corrupt-"))).toBe(false);
  });
});

describe("cache queries use their indexes", () => {
  const plan = (store: CacheStore, sql: string, ...params: unknown[]) =>
    (store.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail).join(" | ");

  it("entity lookups by kind and id use the primary key", () => {
    const store = memoryStore();
    expect(plan(store, "SELECT data FROM entities WHERE kind = ? AND id = ?", "alarm", "a")).toMatch(/USING PRIMARY KEY/);
    expect(plan(store, "SELECT data FROM entities WHERE kind = ?", "alarm")).toMatch(/USING PRIMARY KEY \(kind=\?\)/);
  });

  it("pending commands of one target, and of one kind of target, use outbox_by_target", () => {
    const store = memoryStore();
    expect(plan(store, "SELECT * FROM outbox WHERE target_kind = ? AND target_id = ? ORDER BY id", "alarm", "a")).toMatch(/outbox_by_target/);
    expect(plan(store, "SELECT * FROM outbox WHERE target_kind = ? ORDER BY id", "incident")).toMatch(/outbox_by_target/);
  });
});

describe("CacheStore", () => {
  const change = (seq: number, data: unknown, id = "alm-1") => ({ seq, entity: "alarm", op: "upsert", id, at: "2026-11-25T10:00:00.000Z", data });

  it("applies changes and the cursor together, and never lets an older change win", () => {
    const store = memoryStore();
    const newer = encodeValidated(validateChanges([change(2, makeAlarm({ state: "acknowledged", acknowledgedBy: "op-01", acknowledgedByName: "Lan", acknowledgedAt: "2026-11-25T10:01:00.000Z" }))]));
    store.applyChanges(newer.rows, newer.quarantined, 2, "2026-11-25T10:02:00.000Z");
    const older = encodeValidated(validateChanges([change(1, makeAlarm())]));
    store.applyChanges(older.rows, older.quarantined, 1, "2026-11-25T10:03:00.000Z");
    expect(store.get("alarm", "alm-1")?.state).toBe("acknowledged");
    expect(store.getCursor()).toBe(2);
  });

  it("quarantines a malformed change but still applies the ones after it", () => {
    const store = memoryStore();
    const batch = encodeValidated(validateChanges([change(1, { nonsense: true }, "bad"), change(2, makeAlarm({ id: "alm-2" }), "alm-2"), "garbage"]));
    expect(batch.rows).toHaveLength(1);
    expect(batch.quarantined).toHaveLength(2);
    const problems = store.applyChanges(batch.rows, batch.quarantined, batch.maxSeq ?? 0, "2026-11-25T10:00:00.000Z");
    expect(problems).toHaveLength(2);
    expect(problems[0]!.message).toMatch(/Malformed alarm bad/);
    expect(store.get("alarm", "alm-2")).not.toBeNull();
    expect(store.getCursor()).toBe(2);
    expect(store.listProblems()).toHaveLength(2);
  });

  it("keeps the outbox in order across reopen", () => {
    const dir = mkdtempSync(join(tmpdir(), "ioc-outbox-"));
    const path = join(dir, "cache.sqlite");
    let opened = openCache({ path });
    let store = new CacheStore(opened.db);
    for (const key of ["key-aaaaaaaa", "key-bbbbbbbb", "key-cccccccc"]) {
      store.enqueueCommands([{ idempotencyKey: key, operatorId: "op-01", at: "2026-11-25T10:00:00.000Z", command: { type: "acknowledge", target: { kind: "alarm", id: "alm-1" } } }]);
    }
    opened.db.close();
    opened = openCache({ path });
    store = new CacheStore(opened.db);
    expect(store.pendingActions().map((p) => p.idempotencyKey)).toEqual(["key-aaaaaaaa", "key-bbbbbbbb", "key-cccccccc"]);
    store.removeAction("key-aaaaaaaa");
    expect(store.pendingCount()).toBe(2);
    opened.db.close();
  });
});

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { checkMigrationOrder, migrate, StoreVersionError } from "../../backend/store/migrate.js";
import { MIGRATIONS } from "../../backend/store/migrations/index.js";
import type { Migration } from "../../backend/store/migrations/migration.js";

const CONTEXT = { auditKey: Buffer.alloc(32, 7) };
import { openSqliteStore } from "../../backend/store/sqlite-store.js";

const open: Database.Database[] = [];
function memoryDb(): Database.Database {
  const db = new Database(":memory:");
  open.push(db);
  return db;
}
const userVersion = (db: Database.Database) => Number(db.pragma("user_version", { simple: true }));
const tables = (db: Database.Database) =>
  db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
    .all()
    .map((row) => (row as { name: string }).name);

afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

describe("migrations", () => {
  it("creates the schema on an empty database and sets user_version", () => {
    const db = memoryDb();
    expect(migrate(db, MIGRATIONS, CONTEXT)).toBe(MIGRATIONS.length);
    expect(userVersion(db)).toBe(MIGRATIONS.length);
    expect(tables(db)).toEqual(expect.arrayContaining(["applied_actions_by_operator", "audit_log", "changes", "entities"]));
  });

  it("does nothing the second time", () => {
    const db = memoryDb();
    migrate(db, MIGRATIONS, CONTEXT);
    expect(() => migrate(db, MIGRATIONS, CONTEXT)).not.toThrow();
    expect(userVersion(db)).toBe(MIGRATIONS.length);
  });

  it("applies only the versions a database lacks, in order", () => {
    const db = memoryDb();
    migrate(db, MIGRATIONS, CONTEXT);
    const next: Migration = { version: MIGRATIONS.length + 1, name: "extra", statements: ["CREATE TABLE extra (id INTEGER PRIMARY KEY)"] };
    migrate(db, [...MIGRATIONS, next], CONTEXT);
    expect(userVersion(db)).toBe(next.version);
    expect(tables(db)).toContain("extra");
  });

  it("rolls a failing migration back entirely, version included", () => {
    const db = memoryDb();
    migrate(db, MIGRATIONS, CONTEXT);
    const broken: Migration = { version: MIGRATIONS.length + 1, name: "broken", statements: ["CREATE TABLE half (id INTEGER)", "THIS IS NOT SQL"] };
    expect(() => migrate(db, [...MIGRATIONS, broken], CONTEXT)).toThrow();
    expect(userVersion(db)).toBe(MIGRATIONS.length);
    expect(tables(db)).not.toContain("half");
  });

  it("refuses a database written by a newer backend", () => {
    const db = memoryDb();
    db.pragma("user_version = 99");
    expect(() => migrate(db, MIGRATIONS, CONTEXT)).toThrow(StoreVersionError);
    expect(() => migrate(db, MIGRATIONS, CONTEXT)).toThrow(/schema version 99.*newer backend/);
  });

  it("refuses to open a newer database file, without touching it", () => {
    const dir = mkdtempSync(join(tmpdir(), "ioc-migrate-"));
    try {
      const file = join(dir, "db.sqlite");
      const db = new Database(file);
      db.pragma("user_version = 42");
      db.close();
      expect(() => openSqliteStore({ filename: file, auditKey: CONTEXT.auditKey })).toThrow(StoreVersionError);
      const again = new Database(file);
      expect(userVersion(again)).toBe(42);
      again.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("insists on versions 1, 2, 3, ... in order", () => {
    expect(() => checkMigrationOrder(MIGRATIONS)).not.toThrow();
    const [first] = MIGRATIONS;
    if (first === undefined) throw new Error("no migrations");
    expect(() => checkMigrationOrder([first, { version: 3, name: "gap", statements: [] }])).toThrow(/expected 2/);
  });
});

describe("query plans", () => {
  const plan = (db: Database.Database, sql: string, ...params: unknown[]) =>
    db
      .prepare(`EXPLAIN QUERY PLAN ${sql}`)
      .all(...params)
      .map((row) => (row as { detail: string }).detail)
      .join("\n");

  it("reads changes after a seq with a primary-key range search, not a scan", () => {
    const db = memoryDb();
    migrate(db, MIGRATIONS, CONTEXT);
    const detail = plan(db, "SELECT seq, entity, op, id, at, data FROM changes WHERE seq > ? ORDER BY seq LIMIT ?", 10, 100);
    expect(detail).toMatch(/SEARCH changes USING INTEGER PRIMARY KEY \(rowid>\?\)/);
    expect(detail).not.toMatch(/SCAN|TEMP B-TREE/);
  });

  it("looks entities up by their primary key", () => {
    const db = memoryDb();
    migrate(db, MIGRATIONS, CONTEXT);
    const detail = plan(db, "SELECT data, seq FROM entities WHERE kind = ? AND id = ?", "alarm", "a");
    expect(detail).toMatch(/SEARCH entities USING INDEX sqlite_autoindex_entities_1 \(kind=\? AND id=\?\)/);
  });
});

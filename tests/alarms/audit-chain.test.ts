import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { execFileSync } from "node:child_process";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { migrate } from "../../backend/store/migrate.js";
import { initialMigration } from "../../backend/store/migrations/001-initial.js";
import { auditHashChainMigration } from "../../backend/store/migrations/002-audit-hash-chain.js";
import { openSqliteStore } from "../../backend/store/sqlite-store.js";
import type { AuditEntry, BackendStore } from "../../backend/store/backend-store.js";

const dirs: string[] = [];
const stores: BackendStore[] = [];
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function entry(i: number): AuditEntry {
  return { at: `2026-11-25T10:0${i}:00.000Z`, operatorId: "op-01", action: "acknowledge", targetKind: "alarm", targetId: `alm-${i}`, outcome: "applied", detail: { n: i } };
}

/** A store file with five audited commits; returns its path (store closed, ready to tamper with). */
async function storeWithFiveEntries(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), "ioc-audit-"));
  dirs.push(dir);
  const file = join(dir, "ioc-backend.sqlite");
  const store = openSqliteStore({ filename: file });
  for (let i = 1; i <= 5; i++) await store.commit([], [entry(i)]);
  expect(await store.verifyAudit()).toEqual({ entries: 5, valid: true, firstBadId: null, reason: null });
  await store.close();
  return file;
}

async function verify(file: string) {
  const store = openSqliteStore({ filename: file });
  stores.push(store);
  return store.verifyAudit();
}

function tamper(file: string, sql: string): void {
  const db = new Database(file);
  db.exec(sql);
  db.close();
}

describe("audit trail hash chain", () => {
  it("detects an edited entry", async () => {
    const file = await storeWithFiveEntries();
    tamper(file, `UPDATE audit_log SET detail = '{"n":99}' WHERE id = 3`);
    expect(await verify(file)).toMatchObject({ valid: false, firstBadId: 3 });
  });

  it("detects an entry whose operator was changed", async () => {
    const file = await storeWithFiveEntries();
    tamper(file, `UPDATE audit_log SET operator_id = 'op-02' WHERE id = 1`);
    expect(await verify(file)).toMatchObject({ valid: false, firstBadId: 1 });
  });

  it("detects a removed entry in the middle", async () => {
    const file = await storeWithFiveEntries();
    tamper(file, `DELETE FROM audit_log WHERE id = 2`);
    expect(await verify(file)).toMatchObject({ valid: false, firstBadId: 3 });
  });

  it("detects removed entries at the end", async () => {
    const file = await storeWithFiveEntries();
    tamper(file, `DELETE FROM audit_log WHERE id >= 4`);
    const result = await verify(file);
    expect(result).toMatchObject({ valid: false, firstBadId: 5 });
    expect(result.reason).toMatch(/removed/);
  });

  it("detects hashes wiped to be resealed", async () => {
    const file = await storeWithFiveEntries();
    tamper(file, `UPDATE audit_log SET hash = NULL, prev_hash = NULL WHERE id = 5`);
    expect(await verify(file)).toMatchObject({ valid: false, firstBadId: 5 });
  });

  it("the command says so with its exit code", async () => {
    const file = await storeWithFiveEntries();
    const run = () => {
      try {
        execFileSync("npx", ["tsx", "backend/audit/verify-audit-cli.ts", "--data-dir", join(file, "..")], { stdio: "pipe" });
        return 0;
      } catch (error) {
        return (error as { status: number }).status;
      }
    };
    expect(run()).toBe(0);
    tamper(file, `UPDATE audit_log SET outcome = 'rejected' WHERE id = 4`);
    expect(run()).toBe(1);
  }, 30_000);

  it("migration 2 chains the entries a version-1 store already had", async () => {
    const db = new Database(":memory:");
    migrate(db, [initialMigration]);
    db.prepare("INSERT INTO audit_log (at, operator_id, action, target_kind, target_id, outcome, detail) VALUES ('2026-01-01T00:00:00.000Z', 'op-01', 'comment', 'alarm', 'a', 'applied', '{}')").run();
    migrate(db, [initialMigration, auditHashChainMigration]);
    const columns = db.prepare("PRAGMA table_info(audit_log)").all().map((c) => (c as { name: string }).name);
    expect(columns).toEqual(expect.arrayContaining(["prev_hash", "hash"]));
    db.close();

    const dir = mkdtempSync(join(tmpdir(), "ioc-audit-legacy-"));
    dirs.push(dir);
    const file = join(dir, "ioc-backend.sqlite");
    const v1 = new Database(file);
    migrate(v1, [initialMigration]);
    v1.prepare("INSERT INTO audit_log (at, operator_id, action, target_kind, target_id, outcome, detail) VALUES ('2026-01-01T00:00:00.000Z', 'op-01', 'comment', 'alarm', 'a', 'applied', '{}')").run();
    v1.close();
    const store = openSqliteStore({ filename: file });
    stores.push(store);
    await store.commit([], [entry(1)]);
    expect(await store.verifyAudit()).toEqual({ entries: 2, valid: true, firstBadId: null, reason: null });
  });
});

import { createHash, randomBytes } from "node:crypto";
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { legacyAuditEntryHash, GENESIS_HASH } from "../../backend/audit/audit-chain.js";
import { migrate } from "../../backend/store/migrate.js";
import { MIGRATIONS } from "../../backend/store/migrations/index.js";
import { AuditKeyMismatchError, openSqliteStore } from "../../backend/store/sqlite-store.js";
import type { AuditEntry, BackendStore } from "../../backend/store/backend-store.js";

/**
 * Someone with the database file (but not the audit key) edits the trail; the verifier, which
 * opens the store read-only with the key, must notice every time.
 */
const KEY = randomBytes(32);
const dirs: string[] = [];
const stores: BackendStore[] = [];
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function entry(i: number): AuditEntry {
  return { at: `2026-11-25T10:0${i}:00.000Z`, operatorId: "op-01", action: "acknowledge", targetKind: "alarm", targetId: `alm-${i}`, outcome: "applied", detail: { n: i } };
}

async function storeWithFiveEntries(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), "ioc-audit-"));
  dirs.push(dir);
  const file = join(dir, "ioc-backend.sqlite");
  const store = openSqliteStore({ filename: file, auditKey: KEY });
  for (let i = 1; i <= 5; i++) await store.commit([], [entry(i)]);
  expect(await store.verifyAudit()).toEqual({ entries: 5, valid: true, firstBadId: null, reason: null });
  await store.close();
  return file;
}

async function verify(file: string, key = KEY) {
  const store = openSqliteStore({ filename: file, auditKey: key, readonly: true });
  stores.push(store);
  return store.verifyAudit();
}

function tamper(file: string, edit: (db: Database.Database) => void): void {
  const db = new Database(file);
  edit(db);
  db.close();
}

/** What an attacker without the key can do after deleting rows: chain the rest again with plain SHA-256. */
function resealWithoutKey(db: Database.Database): void {
  const rows = db.prepare("SELECT * FROM audit_log ORDER BY id").all() as Array<Record<string, string | number | null>>;
  let previous = GENESIS_HASH;
  for (const r of rows) {
    const row = { id: Number(r["id"]), at: String(r["at"]), operatorId: String(r["operator_id"]), action: String(r["action"]), targetKind: r["target_kind"] as string | null, targetId: r["target_id"] as string | null, outcome: String(r["outcome"]), detail: String(r["detail"]) };
    const hash = legacyAuditEntryHash(previous, row);
    db.prepare("UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?").run(previous, hash, row.id);
    previous = hash;
  }
  const lastId = Number(rows.at(-1)?.["id"] ?? 0);
  db.prepare("UPDATE audit_head SET last_id = ?, hash = ?, mac = ? WHERE singleton = 1").run(lastId, previous, createHash("sha256").update(previous).digest("hex"));
}

describe("the audit trail under tampering", () => {
  it("an edited entry", async () => {
    const file = await storeWithFiveEntries();
    tamper(file, (db) => db.exec(`UPDATE audit_log SET detail = '{"n":99}' WHERE id = 3`));
    expect(await verify(file)).toMatchObject({ valid: false, firstBadId: 3 });
  });

  it("an entry moved to another operator", async () => {
    const file = await storeWithFiveEntries();
    tamper(file, (db) => db.exec(`UPDATE audit_log SET operator_id = 'op-02' WHERE id = 1`));
    expect(await verify(file)).toMatchObject({ valid: false, firstBadId: 1 });
  });

  it("an entry deleted in the middle (a gap in the ids)", async () => {
    const file = await storeWithFiveEntries();
    tamper(file, (db) => db.exec(`DELETE FROM audit_log WHERE id = 2`));
    expect(await verify(file)).toMatchObject({ valid: false, firstBadId: 2, reason: expect.stringMatching(/missing/) });
  });

  it("the newest entries deleted, the head left", async () => {
    const file = await storeWithFiveEntries();
    tamper(file, (db) => db.exec(`DELETE FROM audit_log WHERE id >= 4`));
    expect(await verify(file)).toMatchObject({ valid: false, reason: expect.stringMatching(/removed/) });
  });

  it("the head deleted with the newest entries", async () => {
    const file = await storeWithFiveEntries();
    tamper(file, (db) => db.exec(`DELETE FROM audit_log WHERE id >= 4; DELETE FROM audit_head`));
    expect(await verify(file)).toMatchObject({ valid: false, reason: expect.stringMatching(/head is missing/) });
  });

  it("entries deleted and the rest re-sealed without the key", async () => {
    const file = await storeWithFiveEntries();
    tamper(file, (db) => {
      db.exec(`DELETE FROM audit_log WHERE id >= 4`);
      resealWithoutKey(db);
    });
    expect(await verify(file)).toMatchObject({ valid: false, reason: expect.stringMatching(/head was changed or forged/) });
  });

  it("is found intact only with the right key, and a backend refuses to start with another", async () => {
    const file = await storeWithFiveEntries();
    expect(await verify(file)).toMatchObject({ valid: true, entries: 5 });
    expect(await verify(file, randomBytes(32))).toMatchObject({ valid: false });
    expect(() => openSqliteStore({ filename: file, auditKey: randomBytes(32) })).toThrow(AuditKeyMismatchError);
  });

  it("nothing re-seals on open: a tampered store stays broken after the backend opened it", async () => {
    const file = await storeWithFiveEntries();
    tamper(file, (db) => db.exec(`DELETE FROM audit_log WHERE id = 5`));
    const store = openSqliteStore({ filename: file, auditKey: KEY });
    await store.close();
    expect(await verify(file)).toMatchObject({ valid: false });
  });

  it("the verifier opens the store read-only: the database file is not changed, nothing is written to a journal", async () => {
    const file = await storeWithFiveEntries();
    const before = readFileSync(file);
    const mtime = statSync(file).mtimeMs;
    await verify(file);
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(statSync(file).mtimeMs).toBe(mtime);
    // SQLite may open an empty write-ahead log beside a WAL database to read it; nothing goes in it.
    expect(existsSync(`${file}-wal`) ? statSync(`${file}-wal`).size : 0).toBe(0);
  });

  it("the command checks with the key file and says so by its exit code", async () => {
    const file = await storeWithFiveEntries();
    const dir = join(file, "..");
    const keyFile = join(dir, "audit.key");
    writeFileSync(keyFile, KEY.toString("hex"), { mode: 0o600 });
    const run = (...extra: string[]) => {
      try {
        execFileSync(process.execPath, ["--import", "tsx", "backend/audit/verify-audit-cli.ts", "--data-dir", dir, ...extra], { stdio: "pipe", env: { ...process.env, IOC_AUDIT_KEY: "" } });
        return 0;
      } catch (error) {
        return (error as { status: number }).status;
      }
    };
    expect(run("--audit-key-file", keyFile)).toBe(0);
    expect(run()).toBe(2);
    tamper(file, (db) => db.exec(`UPDATE audit_log SET outcome = 'rejected' WHERE id = 4`));
    expect(run("--audit-key-file", keyFile)).toBe(1);
  }, 30_000);
});

describe("keying an existing trail", () => {
  function version4Store(entries: number): string {
    const dir = mkdtempSync(join(tmpdir(), "ioc-audit-v4-"));
    dirs.push(dir);
    const file = join(dir, "ioc-backend.sqlite");
    const db = new Database(file);
    migrate(db, MIGRATIONS.slice(0, 4), { auditKey: KEY });
    let previous = GENESIS_HASH;
    for (let i = 1; i <= entries; i++) {
      const e = entry(i);
      const row = { id: i, at: e.at, operatorId: e.operatorId, action: e.action, targetKind: e.targetKind, targetId: e.targetId, outcome: e.outcome, detail: JSON.stringify(e.detail) };
      const hash = legacyAuditEntryHash(previous, row);
      db.prepare("INSERT INTO audit_log (id, at, operator_id, action, target_kind, target_id, outcome, detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)").run(i, row.at, row.operatorId, row.action, row.targetKind, row.targetId, row.outcome, row.detail, previous, hash);
      previous = hash;
    }
    if (entries > 0) db.prepare("INSERT INTO audit_head (singleton, last_id, hash) VALUES (1, ?, ?)").run(entries, previous);
    db.close();
    return file;
  }

  it("converts an intact unkeyed chain to MACs once, and it verifies after", async () => {
    const file = version4Store(3);
    const store = openSqliteStore({ filename: file, auditKey: KEY });
    await store.commit([], [entry(4)]);
    await store.close();
    expect(await verify(file)).toMatchObject({ valid: true, entries: 4 });
  });

  it("refuses to key a chain that was already broken", () => {
    const file = version4Store(3);
    tamper(file, (db) => db.exec(`UPDATE audit_log SET detail = '{"n":7}' WHERE id = 2`));
    expect(() => openSqliteStore({ filename: file, auditKey: KEY })).toThrow(/already broken at entry 2/);
  });
});

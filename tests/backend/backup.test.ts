import { spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parseBackupArgs } from "../../backend/backup/backup-args.js";
import type { BackendStore } from "../../backend/store/backend-store.js";
import { openPgStore } from "../../backend/store/pg/pg-store.js";
import { openSqliteStore } from "../../backend/store/sqlite-store.js";
import { REPO_ROOT } from "../../scripts/lib/backend-process.js";
import { freshDatabaseUrl, stopStoreServers } from "./store-implementations.js";

const KEY = Buffer.alloc(32, 5);
const dir = mkdtempSync(join(tmpdir(), "ioc-backup-"));
afterAll(async () => {
  await stopStoreServers();
  rmSync(dir, { recursive: true, force: true });
});

function backupCli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", "backend/backup/backup-cli.ts", ...args], { cwd: REPO_ROOT });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (c: string) => (stdout += c));
    child.stderr.setEncoding("utf8").on("data", (c: string) => (stderr += c));
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

const audit = (action: string) => ({ at: "2026-12-04T08:00:00.000Z", operatorId: "op-01", action, targetKind: null, targetId: null, outcome: "applied" as const, detail: { action } });

/** Some of everything a store keeps: entities, changes, the audit chain, a session. */
async function fill(store: BackendStore): Promise<void> {
  await store.commit(Array.from({ length: 50 }, (_, i) => ({ entity: "alarm" as const, op: "upsert" as const, id: `a${i}`, data: { i, place: "Phường Quang Trung" } })), [audit("seed")]);
  await store.commit([{ entity: "alarm", op: "delete", id: "a3" }], [audit("delete")]);
  await store.sessions.createSession(
    { id: "s1", tokenHash: "t1", streamTokenHash: "st1", operatorId: "op-01", workstationId: "desk", address: "127.0.0.1", createdAt: "2026-12-04T08:00:00.000Z", lastSeenAt: "2026-12-04T08:00:00.000Z", expiresAt: "2026-12-04T20:00:00.000Z", revokedAt: null, revokedReason: null },
    [audit("sign-in")],
  );
}

/** The restored store holds exactly what the original held when it was backed up. */
async function expectSameStore(restored: BackendStore, expected: { head: number; changes: unknown[] }): Promise<void> {
  expect(await restored.headSeq()).toBe(expected.head);
  expect(await restored.changesAfter(0, 1000)).toEqual(expected.changes);
  expect(await restored.getEntity("alarm", "a7")).toEqual({ data: { i: 7, place: "Phường Quang Trung" }, seq: 8 });
  expect(await restored.getEntity("alarm", "a3")).toBeNull();
  expect((await restored.sessions.byTokenHash("t1"))?.id).toBe("s1");
  expect(await restored.verifyAudit()).toEqual({ entries: 3, valid: true, firstBadId: null, reason: null });
  expect((await restored.commit([{ entity: "ward", op: "upsert", id: "w", data: 1 }]))[0]?.seq).toBe(expected.head + 1);
}

describe("npm run backup", () => {
  it("SQLite: copies a running store with the online backup API, and restores it into a data directory without one", async () => {
    const dataDir = join(dir, "sqlite");
    mkdirSync(dataDir, { recursive: true });
    const live = openSqliteStore({ filename: join(dataDir, "ioc-backend.sqlite"), auditKey: KEY });
    try {
      await fill(live);
      const expected = { head: await live.headSeq(), changes: await live.changesAfter(0, 1000) };
      const out = join(dir, "sqlite.backup");
      const made = await backupCli(["--data-dir", dataDir, "--out", out]);
      expect(made).toMatchObject({ code: 0, stdout: `Backup written to ${out}.\n` });
      // Written after the backup: not in it.
      await live.commit([{ entity: "ward", op: "upsert", id: "later", data: 1 }]);
      expect((await backupCli(["--data-dir", dataDir, "--out", out])).stderr).toContain("already exists");

      const restoredDir = join(dir, "sqlite-restored");
      const restored = await backupCli(["--restore", out, "--data-dir", restoredDir]);
      expect(restored.code).toBe(0);
      expect(restored.stdout).toContain("Restored");
      const again = await backupCli(["--restore", out, "--data-dir", restoredDir]);
      expect(again.code).toBe(1);
      expect(again.stderr).toContain("move the current store aside");
      const reopened = openSqliteStore({ filename: join(restoredDir, "ioc-backend.sqlite"), auditKey: KEY });
      try {
        await expectSameStore(reopened, expected);
      } finally {
        await reopened.close();
      }
    } finally {
      await live.close();
    }
  });

  it("PostgreSQL: pg_dump of a store in use, restored into an empty database; never into one with a store", async () => {
    const url = await freshDatabaseUrl();
    const live = await openPgStore({ connectionString: url, auditKey: KEY });
    try {
      await fill(live);
      const expected = { head: await live.headSeq(), changes: await live.changesAfter(0, 1000) };
      const out = join(dir, "pg.backup");
      const made = await backupCli(["--database-url", url, "--out", out]);
      expect(made.stderr).toBe("");
      expect(made.code).toBe(0);
      expect(existsSync(out)).toBe(true);

      const target = await freshDatabaseUrl();
      const restored = await backupCli(["--restore", out, "--database-url", target]);
      expect(restored.stderr).toBe("");
      expect(restored.stdout).toContain("Restored");
      const refused = await backupCli(["--restore", out, "--database-url", url]);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain("already holds an IOC store");
      const reopened = await openPgStore({ connectionString: target, auditKey: KEY });
      try {
        await expectSameStore(reopened, expected);
      } finally {
        await reopened.close();
      }
    } finally {
      await live.close();
    }
  });

  it("explains its usage in one sentence", () => {
    expect(parseBackupArgs(["--out", "f"])).toEqual({ ok: true, value: { mode: "backup", out: "f", store: { kind: "sqlite", dataDir: ".cache/backend" } } });
    expect(parseBackupArgs(["--restore", "f", "--database-url", "postgres://ioc@db/ioc"])).toEqual({ ok: true, value: { mode: "restore", from: "f", store: { kind: "postgres", databaseUrl: "postgres://ioc@db/ioc" } } });
    expect(parseBackupArgs([])).toMatchObject({ ok: false, error: expect.stringContaining("--out FILE") });
    expect(parseBackupArgs(["--out", "f", "--data-dir", "d", "--database-url", "postgres://ioc@db/ioc"])).toMatchObject({ ok: false, error: expect.stringContaining("not both") });
    expect(parseBackupArgs(["--out", "f", "--database-url", "mysql://root:pw@db/x"])).toEqual({ ok: false, error: "--database-url must be a PostgreSQL URL such as postgres://ioc@db.local:5432/ioc." });
  });
});

import type { SqliteHandle } from "./migration-runner.js";

/**
 * Write-ahead logging, with how much a commit waits for the disk: FULL where a commit is promised
 * to someone (the backend's answers, the console's outbox), NORMAL where a lost commit is pulled
 * again (a process crash keeps both; only a power cut can take NORMAL's last commits back).
 */
export function useWriteAheadLog(db: SqliteHandle, synchronous: "FULL" | "NORMAL"): void {
  db.pragma("journal_mode = WAL");
  db.pragma(`synchronous = ${synchronous}`);
}

/**
 * Holds the database to `quotaBytes` on disk (a disk shared with recordings): writes past it fail
 * as on a full disk (SQLITE_FULL), never half-done. SQLite keeps a database at least at its current
 * size, so a quota below it stops growth there.
 */
export function limitDatabaseSize(db: SqliteHandle, quotaBytes: number): void {
  const pageSize = Number(db.pragma("page_size", { simple: true }));
  db.pragma(`max_page_count = ${Math.max(1, Math.floor(quotaBytes / pageSize))}`);
}

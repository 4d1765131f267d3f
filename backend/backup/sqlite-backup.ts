import Database from "better-sqlite3";
import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { MIGRATIONS } from "../store/migrations/index.js";
import { backupErr, backupOk, type BackupResult } from "./backup-result.js";

export const SQLITE_STORE_FILE = "ioc-backend.sqlite";

/** A copy is only a backup once it reads back whole, at a schema this backend knows. */
function checkCopy(file: string): BackupResult<{ schemaVersion: number }> {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const integrity = db.pragma("integrity_check", { simple: true });
    if (integrity !== "ok") return backupErr("failed", `${file} is damaged (integrity check: ${String(integrity)}).`);
    const schemaVersion = Number(db.pragma("user_version", { simple: true }));
    if (schemaVersion < 1 || schemaVersion > MIGRATIONS.length) return backupErr("failed", `${file} is not an IOC backend store this backend can read (schema version ${schemaVersion}).`);
    return backupOk({ schemaVersion });
  } finally {
    db.close();
  }
}

/**
 * SQLite's online backup API: a consistent copy of the store while the backend keeps running and
 * writing (pages changed during the copy are copied again). Never overwrites a file.
 */
export async function backupSqliteStore(dataDir: string, out: string): Promise<BackupResult<{ file: string; schemaVersion: number }>> {
  const source = join(dataDir, SQLITE_STORE_FILE);
  if (!existsSync(source)) return backupErr("no_store", `There is no store at ${source}: check --data-dir.`);
  if (existsSync(out)) return backupErr("target_exists", `${out} already exists: name a new file for the backup.`);
  const db = new Database(source, { readonly: true, fileMustExist: true });
  try {
    await db.backup(out);
  } catch (error) {
    return backupErr("failed", `The backup of ${source} failed: ${error instanceof Error ? error.message : String(error)}.`);
  } finally {
    db.close();
  }
  const checked = checkCopy(out);
  return checked.ok ? backupOk({ file: out, ...checked.value }) : checked;
}

/**
 * Puts a backup in place as the store of `dataDir`, which must have none (stop the backend and
 * move the current store aside first: a restore never overwrites). The audit key is not in the
 * backup; the restored store opens with the key it was written with.
 */
export async function restoreSqliteStore(from: string, dataDir: string): Promise<BackupResult<{ file: string; schemaVersion: number }>> {
  if (!existsSync(from)) return backupErr("no_store", `There is no backup at ${from}.`);
  const target = join(dataDir, SQLITE_STORE_FILE);
  if (existsSync(target)) return backupErr("target_exists", `${target} already exists: stop the backend and move the current store aside before restoring.`);
  const checked = checkCopy(from);
  if (!checked.ok) return checked;
  const db = new Database(from, { readonly: true, fileMustExist: true });
  try {
    mkdirSync(dataDir, { recursive: true });
    await db.backup(target);
  } catch (error) {
    return backupErr("failed", `Restoring ${from} into ${target} failed: ${error instanceof Error ? error.message : String(error)}.`);
  } finally {
    db.close();
  }
  return backupOk({ file: target, ...checked.value });
}

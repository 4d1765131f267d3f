import Database from "better-sqlite3";
import { existsSync, mkdirSync, renameSync } from "node:fs";
import { dirname } from "node:path";
import { CacheTooNewError, migrate } from "./migrate.js";
import { limitDatabaseSize, useWriteAheadLog } from "../../../shared/sqlite/sqlite-setup.js";

export interface OpenCacheOptions {
  /** Path of the SQLite file, or ":memory:". */
  path: string;
  /** Path to a better-sqlite3 .node built for another ABI (Electron's); Node's own build otherwise. */
  nativeBinding?: string;
  /** Most bytes the file may grow to (SQLite's max_page_count; never below its current size). */
  quotaBytes?: number;
}

export interface OpenedCache {
  db: Database.Database;
  /** Set when a corrupt cache was moved aside: where it went, to tell the operator. */
  movedAside: string | null;
}

export const CACHE_PAGE_SIZE = 16_384;

function openAndMigrate(options: OpenCacheOptions): Database.Database {
  const db = new Database(options.path, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  try {
    // 16 KiB pages (SQLite's default is 4 KiB): entities are stored whole in their rows, most of
    // a kilobyte each, and a first sync of 100,000 of them writes a quarter faster. It takes only
    // on a new file (before WAL and the first table); an existing cache keeps its pages.
    db.pragma(`page_size = ${CACHE_PAGE_SIZE}`);
    // NORMAL in WAL mode keeps every committed transaction across a process crash (kill -9); an
    // OS crash or power cut may lose the last ones, which the backend then re-sends (the cursor is
    // in the same transactions). The outbox's writes, whose loss nothing could undo, are FULL
    // (CacheStore.enqueueCommands).
    useWriteAheadLog(db, "NORMAL");
    db.pragma("foreign_keys = ON");
    const check = db.pragma("quick_check", { simple: true });
    if (check !== "ok") throw new Error(`quick_check: ${String(check)}`);
    migrate(db);
    if (options.quotaBytes !== undefined) limitDatabaseSize(db, options.quotaBytes);
    return db;
  } catch (e) {
    db.close();
    throw e;
  }
}

/**
 * Opens the cache, migrating it. A file that is not a readable SQLite cache is moved aside
 * (kept for inspection, never deleted) and a fresh cache is created, to be rebuilt from the backend.
 * A cache from a newer console is refused: rebuilding it would silently drop that version's data.
 */
export function openCache(options: OpenCacheOptions): OpenedCache {
  if (options.path !== ":memory:") mkdirSync(dirname(options.path), { recursive: true });
  try {
    return { db: openAndMigrate(options), movedAside: null };
  } catch (e) {
    if (e instanceof CacheTooNewError || options.path === ":memory:") throw e;
    const aside = `${options.path}.corrupt-${new Date().toISOString().replace(/[:.]/g, "-")}`;
    for (const suffix of ["", "-wal", "-shm"]) {
      if (existsSync(options.path + suffix)) renameSync(options.path + suffix, aside + suffix);
    }
    return { db: openAndMigrate(options), movedAside: aside };
  }
}

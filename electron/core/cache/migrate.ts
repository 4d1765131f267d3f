import type Database from "better-sqlite3";
import { MIGRATIONS } from "./migrations/index.js";
import type { Migration } from "./migrations/types.js";

export class CacheTooNewError extends Error {
  constructor(
    readonly found: number,
    readonly supported: number,
  ) {
    super(
      `The local cache was written by a newer IOC Console (schema ${found}; this version knows up to ${supported}). ` +
        `Update the console, or move the cache file aside to start afresh.`,
    );
  }
}

/** Brings the database to the latest schema, one transaction per version. Returns the versions applied. */
export function migrate(db: Database.Database, migrations: readonly Migration[] = MIGRATIONS): number[] {
  const current = db.pragma("user_version", { simple: true }) as number;
  const latest = migrations.at(-1)?.version ?? 0;
  if (current > latest) throw new CacheTooNewError(current, latest);
  const applied: number[] = [];
  for (const m of migrations) {
    if (m.version <= current) continue;
    db.transaction(() => {
      m.up(db);
      // user_version cannot be bound as a parameter; the value is our own integer.
      db.pragma(`user_version = ${Math.trunc(m.version)}`);
    })();
    applied.push(m.version);
  }
  return applied;
}

import type Database from "better-sqlite3";

/** One schema version. `up` runs inside a transaction that also sets user_version = version. */
export interface Migration {
  version: number;
  name: string;
  up(db: Database.Database): void;
}

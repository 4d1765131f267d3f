import type { PgMigration } from "./migration.js";

/** The credentials of cameras supervisors add, as the SQLite store's version 7. */
export const pgCameraCredentialsMigration: PgMigration = {
  version: 3,
  name: "camera-credentials",
  statements: [
    `CREATE TABLE camera_credentials (
       camera_id TEXT PRIMARY KEY,
       username TEXT NOT NULL,
       password TEXT NOT NULL
     )`,
  ],
};

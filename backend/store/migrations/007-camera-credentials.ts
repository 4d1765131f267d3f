import type { Migration } from "./migration.js";

/** The credentials of cameras supervisors add: a table of their own, never in the change log. */
export const cameraCredentialsMigration: Migration = {
  version: 7,
  name: "camera-credentials",
  statements: [
    `CREATE TABLE camera_credentials (
       camera_id TEXT PRIMARY KEY,
       username TEXT NOT NULL,
       password TEXT NOT NULL
     ) WITHOUT ROWID`,
  ],
};

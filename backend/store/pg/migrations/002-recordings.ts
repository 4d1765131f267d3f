import type { PgMigration } from "./migration.js";

/** The recordings' index, as the SQLite store's version 6: segments and gaps by camera and time (ms). */
export const pgRecordingsMigration: PgMigration = {
  version: 2,
  name: "recordings",
  statements: [
    `CREATE TABLE recording_segments (
       camera_id TEXT NOT NULL,
       start_ms BIGINT NOT NULL,
       duration_ms INTEGER NOT NULL,
       bytes BIGINT NOT NULL,
       variant TEXT NOT NULL,
       PRIMARY KEY (camera_id, start_ms)
     )`,
    `CREATE TABLE recording_gaps (
       camera_id TEXT NOT NULL,
       start_ms BIGINT NOT NULL,
       end_ms BIGINT NOT NULL,
       PRIMARY KEY (camera_id, start_ms)
     )`,
  ],
};

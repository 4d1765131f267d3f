import type { Migration } from "./migration.js";

/**
 * The recordings' index: one row per stored segment and per gap, by camera and wall-clock time
 * (milliseconds since the epoch, so ranges compare as numbers). The segment files are on disk.
 */
export const recordingsMigration: Migration = {
  version: 6,
  name: "recordings",
  statements: [
    `CREATE TABLE recording_segments (
       camera_id TEXT NOT NULL,
       start_ms INTEGER NOT NULL,
       duration_ms INTEGER NOT NULL,
       bytes INTEGER NOT NULL,
       variant TEXT NOT NULL,
       PRIMARY KEY (camera_id, start_ms)
     ) WITHOUT ROWID`,
    `CREATE TABLE recording_gaps (
       camera_id TEXT NOT NULL,
       start_ms INTEGER NOT NULL,
       end_ms INTEGER NOT NULL,
       PRIMARY KEY (camera_id, start_ms)
     ) WITHOUT ROWID`,
  ],
};

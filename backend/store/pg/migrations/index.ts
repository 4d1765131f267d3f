import { pgInitialMigration } from "./001-initial.js";
import { pgRecordingsMigration } from "./002-recordings.js";
import { pgCameraCredentialsMigration } from "./003-camera-credentials.js";
import type { PgMigration } from "./migration.js";

/** Every schema version of the PostgreSQL store, oldest first. Append new files here; never edit a shipped one. */
export const PG_MIGRATIONS: readonly PgMigration[] = [pgInitialMigration, pgRecordingsMigration, pgCameraCredentialsMigration];

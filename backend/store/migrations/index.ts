import { initialMigration } from "./001-initial.js";
import { auditHashChainMigration } from "./002-audit-hash-chain.js";
import { operatorsAndHandoversMigration } from "./003-operators-and-handovers.js";
import { sessionsMigration } from "./004-sessions.js";
import { keyedAuditAndScopedKeysMigration } from "./005-keyed-audit-and-scoped-keys.js";
import { recordingsMigration } from "./006-recordings.js";
import { cameraCredentialsMigration } from "./007-camera-credentials.js";
import type { Migration } from "./migration.js";

/** Every schema version, oldest first. Append new files here; never edit a shipped one. */
export const MIGRATIONS: readonly Migration[] = [initialMigration, auditHashChainMigration, operatorsAndHandoversMigration, sessionsMigration, keyedAuditAndScopedKeysMigration, recordingsMigration, cameraCredentialsMigration];

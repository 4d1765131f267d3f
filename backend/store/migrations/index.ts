import { initialMigration } from "./001-initial.js";
import type { Migration } from "./migration.js";

/** Every schema version, oldest first. Append new files here; never edit a shipped one. */
export const MIGRATIONS: readonly Migration[] = [initialMigration];

import { migration001 } from "./001-initial.js";
import { migration002 } from "./002-outbox-operator.js";
import { migration003 } from "./003-outbox-command-target.js";
import { migration004 } from "./004-domain-samples-by-hour.js";
import { migration005 } from "./005-sensor-readings.js";
import type { Migration } from "./types.js";

/** Every schema version in order. Append only: never edit a migration that has shipped. */
export const MIGRATIONS: readonly Migration[] = [migration001, migration002, migration003, migration004, migration005];

export const LATEST_CACHE_VERSION = MIGRATIONS.length === 0 ? 0 : MIGRATIONS[MIGRATIONS.length - 1]!.version;

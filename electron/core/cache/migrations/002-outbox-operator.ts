import type { Migration } from "./types.js";

/**
 * Each queued action names the operator who took it in a column of its own: the outbox sends an
 * operator's actions only in that operator's session, and lists whose actions are waiting.
 */
export const migration002: Migration = {
  version: 2,
  name: "outbox-operator",
  up(db) {
    db.exec(`
      ALTER TABLE outbox ADD COLUMN operator_id TEXT NOT NULL DEFAULT '';
      UPDATE outbox SET operator_id = coalesce(json_extract(request, '$.operatorId'), '');
      CREATE INDEX outbox_by_operator ON outbox (operator_id, id);
    `);
  },
};

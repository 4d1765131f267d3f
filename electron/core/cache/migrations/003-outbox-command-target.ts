import type { Migration } from "./types.js";

/**
 * The outbox holds commands, each naming its target {kind, id}: the target's kind gets a column of
 * its own beside its id (incident ids no longer share a column named for alarms), and every queued
 * request is rewritten into the command shape, its target taken out of the action it carried.
 */
export const migration003: Migration = {
  version: 3,
  name: "outbox-command-target",
  up(db) {
    db.exec(`
      ALTER TABLE outbox ADD COLUMN target_kind TEXT NOT NULL DEFAULT 'alarm';
      ALTER TABLE outbox RENAME COLUMN alarm_id TO target_id;
      UPDATE outbox SET target_kind = 'incident' WHERE json_extract(request, '$.incidentAction') IS NOT NULL;
      UPDATE outbox SET request = json_object(
        'idempotencyKey', json_extract(request, '$.idempotencyKey'),
        'operatorId', json_extract(request, '$.operatorId'),
        'at', json_extract(request, '$.at'),
        'command', json_set(
          json_remove(coalesce(json_extract(request, '$.incidentAction'), json_extract(request, '$.action')), '$.incidentId', '$.alarmId'),
          '$.target', json_object('kind', target_kind, 'id', target_id)
        )
      ) WHERE json_extract(request, '$.command') IS NULL;
      DROP INDEX outbox_by_alarm;
      CREATE INDEX outbox_by_target ON outbox (target_kind, target_id, id);
    `);
  },
};

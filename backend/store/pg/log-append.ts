import type { PoolClient } from "pg";
import type { Change } from "../../../shared/protocol/backend.js";
import type { AuditEntry, EntityWrite } from "../backend-store.js";
import { planAuditAppend, planChangeAppend } from "./log-append-plan.js";
import type { LogHeads } from "./pg-transaction.js";

/** Consoles' backends LISTEN here; the payload is the new head seq. */
export const CHANGES_CHANNEL = "ioc_changes";

/**
 * Changes, entity rows and the notification in one statement (one round trip). pg_notify is
 * delivered at commit, so a listener never hears of a change it cannot read yet.
 */
const APPEND_CHANGES = {
  name: "ioc-append-changes",
  text: `WITH
    appended AS (
      INSERT INTO changes (seq, entity, op, id, at, data)
      SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[])
      RETURNING seq),
    upserted AS (
      INSERT INTO entities (kind, id, data, seq)
      SELECT * FROM unnest($7::text[], $8::text[], $9::text[], $10::bigint[])
      ON CONFLICT (kind, id) DO UPDATE SET data = excluded.data, seq = excluded.seq
      RETURNING 1),
    deleted AS (
      DELETE FROM entities e USING unnest($11::text[], $12::text[]) AS d(kind, id)
      WHERE e.kind = d.kind AND e.id = d.id
      RETURNING 1)
    SELECT pg_notify('${CHANGES_CHANNEL}', $13::text), (SELECT count(*) FROM appended) AS n`,
};

/** Must run under the log lock (withLogLock): the numbers continue from `heads.seq`, which moves on. */
export async function appendChanges(client: PoolClient, heads: LogHeads, writes: readonly EntityWrite[]): Promise<Change[]> {
  if (writes.length === 0) return [];
  const plan = planChangeAppend(heads.seq, new Date().toISOString(), writes);
  const c = plan.changes;
  await client.query({
    ...APPEND_CHANGES,
    values: [
      c.map((x) => x.seq),
      c.map((x) => x.entity),
      c.map((x) => x.op),
      c.map((x) => x.id),
      c.map((x) => x.at),
      c.map((x) => x.json),
      plan.upserts.map((u) => u.kind),
      plan.upserts.map((u) => u.id),
      plan.upserts.map((u) => u.json),
      plan.upserts.map((u) => u.seq),
      plan.deletes.map((d) => d.kind),
      plan.deletes.map((d) => d.id),
      String(c.at(-1)?.seq ?? heads.seq),
    ],
  });
  heads.seq = c.at(-1)?.seq ?? heads.seq;
  return plan.committed;
}

const APPEND_AUDIT = {
  name: "ioc-append-audit",
  text: `WITH appended AS (
      INSERT INTO audit_log (id, at, operator_id, action, target_kind, target_id, outcome, detail, prev_hash, hash)
      SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[])
      RETURNING 1)
    INSERT INTO audit_head (singleton, last_id, hash, mac) VALUES (1, $11, $12, $13)
    ON CONFLICT (singleton) DO UPDATE SET last_id = excluded.last_id, hash = excluded.hash, mac = excluded.mac`,
};

/** Must run under the log lock: each entry is chained to the head, and the head moves with it. */
export async function appendAudit(client: PoolClient, key: Buffer, heads: LogHeads, entries: readonly AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const plan = planAuditAppend(key, heads.auditId, heads.auditHash, entries);
  const r = plan.rows;
  await client.query({
    ...APPEND_AUDIT,
    values: [
      r.map((x) => x.id),
      r.map((x) => x.at),
      r.map((x) => x.operatorId),
      r.map((x) => x.action),
      r.map((x) => x.targetKind),
      r.map((x) => x.targetId),
      r.map((x) => x.outcome),
      r.map((x) => x.detail),
      r.map((x) => x.prevHash),
      r.map((x) => x.hash),
      plan.head.lastId,
      plan.head.hash,
      plan.head.mac,
    ],
  });
  heads.auditId = plan.head.lastId;
  heads.auditHash = plan.head.hash;
}

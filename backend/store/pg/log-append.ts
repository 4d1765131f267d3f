import type { PoolClient } from "pg";
import type { Change } from "../../../shared/protocol/backend.js";
import type { AuditEntry, EntityWrite } from "../backend-store.js";
import { planAuditAppend, planChangeAppend, type AuditAppendPlan } from "./log-append-plan.js";
import type { LogHeads } from "./pg-transaction.js";

/** Consoles' backends LISTEN here; the payload is the new head seq. */
export const CHANGES_CHANNEL = "ioc_changes";

/**
 * One append in one statement (one round trip): the changes and their entities' rows, the audit
 * entries and the trail's head, the idempotency key's answer, and the notification. pg_notify is
 * delivered at commit, so a listener never hears of a change it cannot read yet. Parts with
 * nothing to write are empty arrays or switched off by their flag.
 */
const APPEND = {
  name: "ioc-append",
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
      RETURNING 1),
    audited AS (
      INSERT INTO audit_log (id, at, operator_id, action, target_kind, target_id, outcome, detail, prev_hash, hash)
      SELECT * FROM unnest($13::bigint[], $14::text[], $15::text[], $16::text[], $17::text[], $18::text[], $19::text[], $20::text[], $21::text[], $22::text[])
      RETURNING 1),
    head AS (
      INSERT INTO audit_head (singleton, last_id, hash, mac) SELECT 1, $23::bigint, $24::text, $25::text WHERE $26::boolean
      ON CONFLICT (singleton) DO UPDATE SET last_id = excluded.last_id, hash = excluded.hash, mac = excluded.mac
      RETURNING 1),
    answered AS (
      INSERT INTO applied_actions_by_operator (operator_id, idempotency_key, request_hash, response, at)
      SELECT $27::text, $28::text, $29::text, $30::text, $31::text WHERE $32::boolean
      RETURNING 1)
    SELECT CASE WHEN $33::boolean THEN pg_notify('${CHANGES_CHANNEL}', $34::text) END AS notified`,
};

/** An idempotency key's first answer, built from the changes once they have their numbers. */
export interface AppliedKey {
  operatorId: string;
  idempotencyKey: string;
  requestHash: string;
  at: string;
  respond(changes: readonly Change[]): unknown;
}

/** The audit rows as one array per column, in the order both append statements take them. */
function auditColumns(rows: AuditAppendPlan["rows"]): unknown[][] {
  return [
    rows.map((x) => x.id),
    rows.map((x) => x.at),
    rows.map((x) => x.operatorId),
    rows.map((x) => x.action),
    rows.map((x) => x.targetKind),
    rows.map((x) => x.targetId),
    rows.map((x) => x.outcome),
    rows.map((x) => x.detail),
    rows.map((x) => x.prevHash),
    rows.map((x) => x.hash),
  ];
}

/**
 * Must run under the log lock (withLogLock): change numbers and audit ids continue from `heads`,
 * which move on. Returns the committed changes, and the key's answer when one was given.
 */
export async function appendToLog(
  client: PoolClient,
  key: Buffer,
  heads: LogHeads,
  writes: readonly EntityWrite[],
  auditEntries: readonly AuditEntry[],
  applied?: AppliedKey,
): Promise<{ changes: Change[]; response: unknown }> {
  if (writes.length === 0 && auditEntries.length === 0 && applied === undefined) return { changes: [], response: undefined };
  const plan = planChangeAppend(heads.seq, new Date().toISOString(), writes);
  const audit = planAuditAppend(key, heads.auditId, heads.auditHash, auditEntries);
  const response = applied?.respond(plan.committed);
  const c = plan.changes;
  const r = audit.rows;
  const lastSeq = c.at(-1)?.seq ?? heads.seq;
  await client.query({
    ...APPEND,
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
      ...auditColumns(r),
      audit.head.lastId,
      audit.head.hash,
      audit.head.mac,
      r.length > 0,
      applied?.operatorId ?? "",
      applied?.idempotencyKey ?? "",
      applied?.requestHash ?? "",
      JSON.stringify(response ?? null),
      applied?.at ?? "",
      applied !== undefined,
      c.length > 0,
      String(lastSeq),
    ],
  });
  heads.seq = lastSeq;
  heads.auditId = audit.head.lastId;
  heads.auditHash = audit.head.hash;
  return { changes: plan.committed, response };
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
      ...auditColumns(r),
      plan.head.lastId,
      plan.head.hash,
      plan.head.mac,
    ],
  });
  heads.auditId = plan.head.lastId;
  heads.auditHash = plan.head.hash;
}

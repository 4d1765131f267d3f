import { z } from "zod";
import { auditEntryMac, auditHeadMac, GENESIS_HASH, legacyAuditEntryHash } from "../../audit/audit-chain.js";
import type { Migration } from "./migration.js";

const RowSchema = z.object({
  id: z.number().int(),
  at: z.string(),
  operator_id: z.string(),
  action: z.string(),
  target_kind: z.string().nullable(),
  target_id: z.string().nullable(),
  outcome: z.string(),
  detail: z.string(),
  prev_hash: z.string().nullable(),
  hash: z.string().nullable(),
});
const HeadSchema = z.object({ last_id: z.number().int(), hash: z.string() });

/**
 * The audit trail is chained with an HMAC whose key lives outside the database, and its head is
 * MACed too: editing, removing or re-sealing entries now needs the key. An existing unkeyed chain
 * is checked first and converted only if intact. Idempotency keys become the operator's own
 * (another operator's key is another action) and remember a hash of the request they came with.
 */
export const keyedAuditAndScopedKeysMigration: Migration = {
  version: 5,
  name: "keyed-audit-and-scoped-keys",
  statements: [
    `ALTER TABLE audit_head ADD COLUMN mac TEXT`,
    `CREATE TABLE applied_actions_by_operator (
       operator_id TEXT NOT NULL,
       idempotency_key TEXT NOT NULL,
       request_hash TEXT NOT NULL,
       response TEXT NOT NULL,
       at TEXT NOT NULL,
       PRIMARY KEY (operator_id, idempotency_key)
     ) WITHOUT ROWID`,
    // Keys answered before this version keep their answers, for any operator who replays them.
    `INSERT INTO applied_actions_by_operator (operator_id, idempotency_key, request_hash, response, at)
       SELECT '', idempotency_key, '', response, at FROM applied_actions`,
    `DROP TABLE applied_actions`,
  ],
  up(db, { auditKey }) {
    const rows = db.prepare("SELECT * FROM audit_log ORDER BY id").all().map((row) => RowSchema.parse(row));
    const headRow = db.prepare("SELECT last_id, hash FROM audit_head WHERE singleton = 1").get();
    const head = headRow === undefined ? null : HeadSchema.parse(headRow);
    let legacy = GENESIS_HASH;
    const update = db.prepare("UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?");
    let mac = GENESIS_HASH;
    for (const r of rows) {
      const row = { id: r.id, at: r.at, operatorId: r.operator_id, action: r.action, targetKind: r.target_kind, targetId: r.target_id, outcome: r.outcome, detail: r.detail };
      const expected = legacyAuditEntryHash(legacy, row);
      if (r.prev_hash !== legacy || r.hash !== expected) {
        throw new Error(`The audit trail was already broken at entry ${r.id} before it could be keyed: restore the store from a backup, or keep this one aside and start a new one.`);
      }
      legacy = expected;
      const next = auditEntryMac(auditKey, mac, row);
      update.run(mac, next, r.id);
      mac = next;
    }
    const lastId = rows.at(-1)?.id ?? 0;
    if (rows.length > 0 && (head === null || head.last_id !== lastId || head.hash !== legacy)) {
      throw new Error("The audit trail's newest entries were removed before it could be keyed: restore the store from a backup.");
    }
    db.prepare("INSERT INTO audit_head (singleton, last_id, hash, mac) VALUES (1, ?, ?, ?) ON CONFLICT (singleton) DO UPDATE SET last_id = excluded.last_id, hash = excluded.hash, mac = excluded.mac").run(
      lastId,
      mac,
      auditHeadMac(auditKey, lastId, mac),
    );
  },
};

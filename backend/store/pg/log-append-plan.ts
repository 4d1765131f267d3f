import type { Change, EntityKind } from "../../../shared/protocol/backend.js";
import { asciiJson } from "../../../shared/protocol/ascii-json.js";
import { auditEntryMac, auditHeadMac, type AuditChainRow } from "../../audit/audit-chain.js";
import type { AuditEntry, EntityWrite } from "../backend-store.js";

/** What one append to the change log writes: every change, and each entity's final state. */
export interface ChangeAppendPlan {
  changes: Array<{ seq: number; entity: EntityKind; op: "upsert" | "delete"; id: string; at: string; json: string | null }>;
  /** The last write of each entity in the batch: one row each, as writing them in order would leave. */
  upserts: Array<{ kind: EntityKind; id: string; json: string; seq: number }>;
  deletes: Array<{ kind: EntityKind; id: string }>;
  /** What the committed changes are handed out as: parsed back from their JSON, as a reader of the log gets them. */
  committed: Change[];
}

/**
 * Pure: numbers the writes from `lastSeq + 1` on and works out each entity's final row. One SQL
 * statement cannot touch a row twice, so an entity written twice in one batch is written once, as
 * its last write left it.
 */
export function planChangeAppend(lastSeq: number, at: string, writes: readonly EntityWrite[]): ChangeAppendPlan {
  const changes: ChangeAppendPlan["changes"] = [];
  const finalState = new Map<string, { kind: EntityKind; id: string; json: string | null; seq: number }>();
  writes.forEach((write, i) => {
    const seq = lastSeq + i + 1;
    // ASCII JSON (see ascii-json.ts): catch-up pages are spliced from this text.
    const json = write.op === "upsert" ? asciiJson(write.data) : null;
    changes.push({ seq, entity: write.entity, op: write.op, id: write.id, at, json });
    finalState.set(JSON.stringify([write.entity, write.id]), { kind: write.entity, id: write.id, json, seq });
  });
  const upserts: ChangeAppendPlan["upserts"] = [];
  const deletes: ChangeAppendPlan["deletes"] = [];
  for (const entity of finalState.values()) {
    if (entity.json === null) deletes.push({ kind: entity.kind, id: entity.id });
    else upserts.push({ kind: entity.kind, id: entity.id, json: entity.json, seq: entity.seq });
  }
  const committed = changes.map((c): Change => ({ seq: c.seq, entity: c.entity, op: c.op, id: c.id, at: c.at, data: c.json === null ? null : JSON.parse(c.json) }));
  return { changes, upserts, deletes, committed };
}

export interface AuditAppendPlan {
  rows: Array<Omit<AuditChainRow, "prevHash" | "hash"> & { prevHash: string; hash: string }>;
  head: { lastId: number; hash: string; mac: string };
}

/** Pure: chains the entries onto the trail's end (ids are ours, not the database's: the MAC covers them). */
export function planAuditAppend(key: Buffer, lastId: number, lastHash: string, entries: readonly AuditEntry[]): AuditAppendPlan {
  let previous = lastHash;
  let id = lastId;
  const rows: AuditAppendPlan["rows"] = entries.map((e) => {
    id += 1;
    const row = { id, at: e.at, operatorId: e.operatorId, action: e.action, targetKind: e.targetKind, targetId: e.targetId, outcome: e.outcome, detail: JSON.stringify(e.detail) };
    const hash = auditEntryMac(key, previous, row);
    const chained = { ...row, prevHash: previous, hash };
    previous = hash;
    return chained;
  });
  return { rows, head: { lastId: id, hash: previous, mac: auditHeadMac(key, id, previous) } };
}

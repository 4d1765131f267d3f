import { createHash } from "node:crypto";
import type { AuditVerification } from "../../shared/protocol/backend.js";

/** The "previous hash" of the first entry. */
export const GENESIS_HASH = "0".repeat(64);

/** An audit row as stored: detail is the JSON text exactly as written, so the hash covers those bytes. */
export interface AuditChainRow {
  id: number;
  at: string;
  operatorId: string;
  action: string;
  targetKind: string | null;
  targetId: string | null;
  outcome: string;
  detail: string;
  prevHash: string | null;
  hash: string | null;
}

export interface AuditHead {
  lastId: number;
  hash: string;
}

/** SHA-256 over the previous hash and every column, the id included (renumbering breaks the chain too). */
export function auditEntryHash(prevHash: string, row: Omit<AuditChainRow, "prevHash" | "hash">): string {
  const fields = [prevHash, row.id, row.at, row.operatorId, row.action, row.targetKind, row.targetId, row.outcome, row.detail];
  return createHash("sha256").update(JSON.stringify(fields)).digest("hex");
}

/**
 * Pure: walks the chain in id order. An edited entry no longer matches its hash; a removed one
 * leaves its successor pointing at a hash that is not there; a removed tail no longer ends at the head.
 */
export function verifyAuditChain(rows: readonly AuditChainRow[], head: AuditHead | null): AuditVerification {
  let previous = GENESIS_HASH;
  const bad = (id: number, reason: string): AuditVerification => ({ entries: rows.length, valid: false, firstBadId: id, reason });
  for (const row of rows) {
    if (row.prevHash !== previous) return bad(row.id, `entry ${row.id} does not follow the entry before it (an entry was removed or edited)`);
    if (row.hash !== auditEntryHash(previous, row)) return bad(row.id, `entry ${row.id} was changed after it was written`);
    previous = row.hash;
  }
  const last = rows[rows.length - 1];
  if (head !== null && (last === undefined || last.id !== head.lastId || last.hash !== head.hash)) {
    return bad(head.lastId, `the trail should end at entry ${head.lastId}; entries at its end were removed`);
  }
  if (head === null && last !== undefined) return bad(last.id, "the trail has entries but no recorded head");
  return { entries: rows.length, valid: true, firstBadId: null, reason: null };
}

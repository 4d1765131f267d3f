import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import type { AuditVerification } from "../../shared/protocol/backend.js";

/** The "previous MAC" of the first entry. */
export const GENESIS_HASH = "0".repeat(64);

/** An audit row as stored: detail is the JSON text exactly as written, so the MAC covers those bytes. */
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

/** The end of the chain, itself MACed: removing the newest entries means forging it. */
export interface AuditHead {
  lastId: number;
  hash: string;
  mac: string | null;
}

function fieldsOf(prevHash: string, row: Omit<AuditChainRow, "prevHash" | "hash">): string {
  return JSON.stringify([prevHash, row.id, row.at, row.operatorId, row.action, row.targetKind, row.targetId, row.outcome, row.detail]);
}

/** HMAC-SHA256 over the previous MAC and every column, the id included (renumbering breaks the chain too). */
export function auditEntryMac(key: Buffer, prevHash: string, row: Omit<AuditChainRow, "prevHash" | "hash">): string {
  return createHmac("sha256", key).update(fieldsOf(prevHash, row)).digest("hex");
}

/** The head's own MAC: binds the last id to the last entry's MAC. */
export function auditHeadMac(key: Buffer, lastId: number, hash: string): string {
  return createHmac("sha256", key).update(JSON.stringify(["audit-head", lastId, hash])).digest("hex");
}

/** The unkeyed SHA-256 of schema versions 2–4, read once to convert a trail to MACs. */
export function legacyAuditEntryHash(prevHash: string, row: Omit<AuditChainRow, "prevHash" | "hash">): string {
  return createHash("sha256").update(fieldsOf(prevHash, row)).digest("hex");
}

function same(a: string | null, b: string): boolean {
  if (a === null || a.length !== b.length) return false;
  return timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

/**
 * Pure: walks the chain in id order with the key. An edited entry no longer matches its MAC; a
 * removed one leaves a gap in the ids and its successor pointing at a MAC that is not there;
 * removed newest entries no longer end at the head, and a head moved back needs the key to MAC;
 * a chain re-sealed without the key (plain hashes) matches nothing.
 */
export function verifyAuditChain(rows: readonly AuditChainRow[], head: AuditHead | null, key: Buffer): AuditVerification {
  const bad = (id: number, reason: string): AuditVerification => ({ entries: rows.length, valid: false, firstBadId: id, reason });
  if (head === null) return bad(0, "the audit trail's head is missing (it was deleted)");
  if (!same(head.mac, auditHeadMac(key, head.lastId, head.hash))) return bad(head.lastId, "the audit trail's head was changed or forged (its MAC does not match this key)");
  let previous = GENESIS_HASH;
  let expectedId = rows[0]?.id ?? 1;
  if (expectedId !== 1) return bad(expectedId, `the trail starts at entry ${expectedId}: the entries before it were removed`);
  for (const row of rows) {
    if (row.id !== expectedId) return bad(expectedId, `entry ${expectedId} is missing (ids jump from ${expectedId - 1} to ${row.id})`);
    if (row.prevHash !== previous) return bad(row.id, `entry ${row.id} does not follow the entry before it (an entry was removed or edited)`);
    const mac = auditEntryMac(key, previous, row);
    if (!same(row.hash, mac)) return bad(row.id, `entry ${row.id} was changed after it was written (its MAC does not match)`);
    previous = mac;
    expectedId += 1;
  }
  const lastId = rows.at(-1)?.id ?? 0;
  if (lastId !== head.lastId || previous !== head.hash) {
    return bad(head.lastId, `the trail should end at entry ${head.lastId} but ends at ${lastId}: entries at its end were removed`);
  }
  return { entries: rows.length, valid: true, firstBadId: null, reason: null };
}

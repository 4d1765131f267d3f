import type { Pool, PoolClient } from "pg";
import { z } from "zod";
import { GENESIS_HASH } from "../../audit/audit-chain.js";

/**
 * Transaction-level advisory lock taken by every transaction that appends to the change log or the
 * audit trail, before it reads anything. Appends therefore commit one after another, in the order
 * of the numbers they took: a reader always sees a prefix of the log that never grows behind it,
 * and a read-decide-write sees nothing change between its read and its write.
 */
export const LOG_LOCK = 0x10c_0002;

const HeadsSchema = z.object({
  seq: z.coerce.number().int(),
  audit_id: z.coerce.number().int(),
  audit_last_id: z.coerce.number().int().nullable(),
  audit_hash: z.string().nullable(),
});

/** Where the change log and audit trail end, read under the lock. */
export interface LogHeads {
  // Moved on by each append in the transaction, so a second append continues where the first ended.
  seq: number;
  /** Highest audit id in use (the head's, or a row's if higher). */
  auditId: number;
  auditHash: string;
}

/**
 * One round trip: BEGIN, the lock, then the heads. Separate statements of one simple query, so
 * the heads are read with a snapshot taken after the lock was granted (the previous holder's
 * commit included).
 */
const BEGIN_LOCKED = [
  "BEGIN",
  `SELECT pg_advisory_xact_lock(${LOG_LOCK})`,
  `SELECT (SELECT COALESCE(MAX(seq), 0) FROM changes) AS seq,
          (SELECT COALESCE(MAX(id), 0) FROM audit_log) AS audit_id,
          h.last_id AS audit_last_id, h.hash AS audit_hash
     FROM (SELECT 1) AS one LEFT JOIN audit_head h ON h.singleton = 1`,
].join(";\n");

/**
 * Rolls back after a failure. A connection that cannot even roll back is broken: it leaves the pool
 * (release with an error destroys it), or the next borrower would inherit an aborted transaction.
 */
async function rollbackAndRelease(client: PoolClient): Promise<void> {
  try {
    await client.query("ROLLBACK");
    client.release();
  } catch (error) {
    client.release(error instanceof Error ? error : new Error(String(error)));
  }
}

/** Runs `work` in a transaction holding the log lock; commits if it resolves, rolls back if it throws. */
export async function withLogLock<T>(pool: Pool, work: (client: PoolClient, heads: LogHeads) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    const results: unknown = await client.query(BEGIN_LOCKED);
    const last = Array.isArray(results) ? (results.at(-1) as { rows?: unknown[] } | undefined) : undefined;
    const h = HeadsSchema.parse(last?.rows?.[0]);
    const heads: LogHeads = { seq: h.seq, auditId: Math.max(h.audit_id, h.audit_last_id ?? 0), auditHash: h.audit_hash ?? GENESIS_HASH };
    const value = await work(client, heads);
    await client.query("COMMIT");
    client.release();
    return value;
  } catch (error) {
    await rollbackAndRelease(client);
    throw error;
  }
}

/** A plain transaction, for writes that touch neither log. */
export async function withTransaction<T>(pool: Pool, work: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    const value = await work(client);
    await client.query("COMMIT");
    client.release();
    return value;
  } catch (error) {
    await rollbackAndRelease(client);
    throw error;
  }
}

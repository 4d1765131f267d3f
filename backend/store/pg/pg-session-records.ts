import type { Pool, PoolClient } from "pg";
import { z } from "zod";
import type { AuditEntry } from "../backend-store.js";
import { sessionFromColumns, type Credentials, type SessionRecords, type SessionRow } from "../session-records.js";
import { withLogLock, type LogHeads } from "./pg-transaction.js";

const CredentialColumnsSchema = z.object({ password_hash: z.string(), must_change: z.boolean() });
const CountSchema = z.object({ n: z.coerce.number().int() });
const IdColumnSchema = z.object({ id: z.string() });

type AuditWriter = (client: PoolClient, heads: LogHeads, entries: readonly AuditEntry[]) => Promise<void>;

const REVOKE = "UPDATE sessions SET revoked_at = $1, revoked_reason = $2 WHERE id = $3 AND revoked_at IS NULL";

/** PostgreSQL side of SessionRecords; writes that are audited hold the log lock, so the chain stays one line. */
export class PgSessionRecords implements SessionRecords {
  constructor(
    private readonly pool: Pool,
    private readonly writeAudit: AuditWriter,
  ) {}

  async credentials(operatorId: string): Promise<Credentials | null> {
    const result = await this.pool.query({ name: "ioc-credentials", text: "SELECT password_hash, must_change FROM operator_credentials WHERE operator_id = $1", values: [operatorId] });
    if (result.rows[0] === undefined) return null;
    const r = CredentialColumnsSchema.parse(result.rows[0]);
    return { passwordHash: r.password_hash, mustChange: r.must_change };
  }

  async credentialCount(): Promise<number> {
    const result = await this.pool.query("SELECT count(*) AS n FROM operator_credentials");
    return CountSchema.parse(result.rows[0]).n;
  }

  async setCredentials(operatorId: string, credentials: Credentials, at: string, audit: readonly AuditEntry[]): Promise<void> {
    await withLogLock(this.pool, async (client, heads) => {
      await this.writeAudit(client, heads, audit);
      await client.query(
        "INSERT INTO operator_credentials (operator_id, password_hash, updated_at, must_change) VALUES ($1, $2, $3, $4) " +
          "ON CONFLICT (operator_id) DO UPDATE SET password_hash = excluded.password_hash, updated_at = excluded.updated_at, must_change = excluded.must_change",
        [operatorId, credentials.passwordHash, at, credentials.mustChange],
      );
    });
  }

  async createSession(session: SessionRow, audit: readonly AuditEntry[]): Promise<string[]> {
    return withLogLock(this.pool, async (client, heads) => {
      const live = await client.query("SELECT id FROM sessions WHERE workstation_id = $1 AND address = $2 AND revoked_at IS NULL AND id <> $3", [session.workstationId, session.address, session.id]);
      const others = live.rows.map((row) => IdColumnSchema.parse(row).id);
      for (const id of others) await client.query(REVOKE, [session.createdAt, "another operator signed in at this workstation", id]);
      await client.query(
        "INSERT INTO sessions (id, token_hash, stream_token_hash, operator_id, workstation_id, address, created_at, last_seen_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
        [session.id, session.tokenHash, session.streamTokenHash, session.operatorId, session.workstationId, session.address, session.createdAt, session.lastSeenAt, session.expiresAt],
      );
      await this.writeAudit(client, heads, audit);
      return others;
    });
  }

  async byTokenHash(tokenHash: string): Promise<SessionRow | null> {
    const result = await this.pool.query({ name: "ioc-session-by-token", text: "SELECT * FROM sessions WHERE token_hash = $1", values: [tokenHash] });
    return result.rows[0] === undefined ? null : sessionFromColumns(result.rows[0]);
  }

  async byStreamTokenHash(streamTokenHash: string): Promise<SessionRow | null> {
    const result = await this.pool.query({ name: "ioc-session-by-stream-token", text: "SELECT * FROM sessions WHERE stream_token_hash = $1", values: [streamTokenHash] });
    return result.rows[0] === undefined ? null : sessionFromColumns(result.rows[0]);
  }

  async touch(id: string, lastSeenAt: string): Promise<void> {
    await this.pool.query({ name: "ioc-session-touch", text: "UPDATE sessions SET last_seen_at = $1 WHERE id = $2 AND last_seen_at < $1", values: [lastSeenAt, id] });
  }

  async revoke(id: string, at: string, reason: string, audit: readonly AuditEntry[]): Promise<boolean> {
    return withLogLock(this.pool, async (client, heads) => {
      const changed = ((await client.query(REVOKE, [at, reason, id])).rowCount ?? 0) > 0;
      if (changed) await this.writeAudit(client, heads, audit);
      return changed;
    });
  }

  async live(now: string, limit: number): Promise<SessionRow[]> {
    const result = await this.pool.query("SELECT * FROM sessions WHERE revoked_at IS NULL AND expires_at > $1 ORDER BY created_at DESC LIMIT $2", [now, limit]);
    return result.rows.map(sessionFromColumns);
  }

  async liveOf(operatorId: string, now: string): Promise<SessionRow[]> {
    const result = await this.pool.query("SELECT * FROM sessions WHERE revoked_at IS NULL AND expires_at > $1 AND operator_id = $2", [now, operatorId]);
    return result.rows.map(sessionFromColumns);
  }
}

import type Database from "better-sqlite3";
import { z } from "zod";
import type { AuditEntry } from "./backend-store.js";
import { sessionFromColumns, type Credentials, type SessionRecords, type SessionRow } from "./session-records.js";

const CredentialColumnsSchema = z.object({ password_hash: z.string(), must_change: z.number().int() });
const IdColumnSchema = z.object({ id: z.string() });

function toSession(row: unknown): SessionRow | null {
  if (row === undefined) return null;
  return sessionFromColumns(row);
}

/** SQLite side of SessionRecords; `writeAudit` is the store's chained audit writer, run in the same transaction. */
export class SqliteSessionRecords implements SessionRecords {
  private readonly statements;

  constructor(
    private readonly db: Database.Database,
    private readonly writeAudit: (entries: readonly AuditEntry[]) => void,
  ) {
    this.statements = {
      credentialCount: db.prepare("SELECT count(*) FROM operator_credentials").pluck(),
      credentials: db.prepare("SELECT password_hash, must_change FROM operator_credentials WHERE operator_id = ?"),
      setCredentials: db.prepare(
        "INSERT INTO operator_credentials (operator_id, password_hash, updated_at, must_change) VALUES (?, ?, ?, ?) " +
          "ON CONFLICT (operator_id) DO UPDATE SET password_hash = excluded.password_hash, updated_at = excluded.updated_at, must_change = excluded.must_change",
      ),
      insert: db.prepare(
        "INSERT INTO sessions (id, token_hash, stream_token_hash, operator_id, workstation_id, address, created_at, last_seen_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
      ),
      liveOfWorkstation: db.prepare("SELECT id FROM sessions WHERE workstation_id = ? AND address = ? AND revoked_at IS NULL AND id <> ?"),
      byToken: db.prepare("SELECT * FROM sessions WHERE token_hash = ?"),
      byStreamToken: db.prepare("SELECT * FROM sessions WHERE stream_token_hash = ?"),
      touch: db.prepare("UPDATE sessions SET last_seen_at = ? WHERE id = ? AND last_seen_at < ?"),
      revoke: db.prepare("UPDATE sessions SET revoked_at = ?, revoked_reason = ? WHERE id = ? AND revoked_at IS NULL"),
      live: db.prepare("SELECT * FROM sessions WHERE revoked_at IS NULL AND expires_at > ? ORDER BY created_at DESC LIMIT ?"),
      liveOf: db.prepare("SELECT * FROM sessions WHERE revoked_at IS NULL AND expires_at > ? AND operator_id = ?"),
    };
  }

  async credentials(operatorId: string): Promise<Credentials | null> {
    const row = this.statements.credentials.get(operatorId);
    if (row === undefined) return null;
    const r = CredentialColumnsSchema.parse(row);
    return { passwordHash: r.password_hash, mustChange: r.must_change !== 0 };
  }

  async credentialCount(): Promise<number> {
    return z.number().int().parse(this.statements.credentialCount.get());
  }

  async setCredentials(operatorId: string, credentials: Credentials, at: string, audit: readonly AuditEntry[]): Promise<void> {
    this.db.transaction(() => {
      this.writeAudit(audit);
      this.statements.setCredentials.run(operatorId, credentials.passwordHash, at, credentials.mustChange ? 1 : 0);
    })();
  }

  async createSession(session: SessionRow, audit: readonly AuditEntry[]): Promise<string[]> {
    return this.db.transaction(() => {
      const others = this.statements.liveOfWorkstation.all(session.workstationId, session.address, session.id).map((row) => IdColumnSchema.parse(row).id);
      for (const id of others) this.statements.revoke.run(session.createdAt, "another operator signed in at this workstation", id);
      this.statements.insert.run(
        session.id,
        session.tokenHash,
        session.streamTokenHash,
        session.operatorId,
        session.workstationId,
        session.address,
        session.createdAt,
        session.lastSeenAt,
        session.expiresAt,
      );
      this.writeAudit(audit);
      return others;
    })();
  }

  async byTokenHash(tokenHash: string): Promise<SessionRow | null> {
    return toSession(this.statements.byToken.get(tokenHash));
  }

  async byStreamTokenHash(streamTokenHash: string): Promise<SessionRow | null> {
    return toSession(this.statements.byStreamToken.get(streamTokenHash));
  }

  async touch(id: string, lastSeenAt: string): Promise<void> {
    this.statements.touch.run(lastSeenAt, id, lastSeenAt);
  }

  async revoke(id: string, at: string, reason: string, audit: readonly AuditEntry[]): Promise<boolean> {
    return this.db.transaction(() => {
      const changed = this.statements.revoke.run(at, reason, id).changes > 0;
      if (changed) this.writeAudit(audit);
      return changed;
    })();
  }

  async live(now: string, limit: number): Promise<SessionRow[]> {
    return this.statements.live.all(now, limit).map((row) => toSession(row)!);
  }

  async liveOf(operatorId: string, now: string): Promise<SessionRow[]> {
    return this.statements.liveOf.all(now, operatorId).map((row) => toSession(row)!);
  }
}

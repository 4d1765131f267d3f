import { z } from "zod";
import type { AuditEntry } from "./backend-store.js";

/** A session as the store keeps it: hashes of its tokens, never the tokens. */
export interface SessionRow {
  id: string;
  tokenHash: string;
  streamTokenHash: string;
  operatorId: string;
  workstationId: string;
  address: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  revokedAt: string | null;
  revokedReason: string | null;
}

export interface Credentials {
  passwordHash: string;
  /** A one-time password: the operator must replace it before doing anything else. */
  mustChange: boolean;
}

/** What the backend keeps for operator sessions and passwords; `BackendStore.sessions`. */
export interface SessionRecords {
  credentials(operatorId: string): Promise<Credentials | null>;
  /** How many operators have a password: none means a store that nobody can sign in to yet. */
  credentialCount(): Promise<number>;
  setCredentials(operatorId: string, credentials: Credentials, at: string, audit: readonly AuditEntry[]): Promise<void>;
  /**
   * Stores a new session and revokes every other live session of the same workstation signed in
   * from the same address (an operator taking over a desk ends the previous operator's session
   * there; the workstation id is the console's word, so a sign-in from elsewhere naming it ends
   * nothing), in one transaction with its audit entries. Returns the ids of the sessions it revoked.
   */
  createSession(session: SessionRow, audit: readonly AuditEntry[]): Promise<string[]>;
  byTokenHash(tokenHash: string): Promise<SessionRow | null>;
  byStreamTokenHash(streamTokenHash: string): Promise<SessionRow | null>;
  touch(id: string, lastSeenAt: string): Promise<void>;
  /** False when there was no live session with that id. */
  revoke(id: string, at: string, reason: string, audit: readonly AuditEntry[]): Promise<boolean>;
  /** Sessions neither revoked nor past their expiry, newest first. */
  live(now: string, limit: number): Promise<SessionRow[]>;
  /** Every live session of one operator, however many there are (a handover must end them all). */
  liveOf(operatorId: string, now: string): Promise<SessionRow[]>;
}

/** A sessions table row as both stores keep it (the same columns in SQLite and PostgreSQL). */
const SessionColumnsSchema = z.object({
  id: z.string(),
  token_hash: z.string(),
  stream_token_hash: z.string(),
  operator_id: z.string(),
  workstation_id: z.string(),
  address: z.string(),
  created_at: z.string(),
  last_seen_at: z.string(),
  expires_at: z.string(),
  revoked_at: z.string().nullable(),
  revoked_reason: z.string().nullable(),
});

/** A sessions row, read from either store, as a SessionRow. */
export function sessionFromColumns(row: unknown): SessionRow {
  const r = SessionColumnsSchema.parse(row);
  return {
    id: r.id,
    tokenHash: r.token_hash,
    streamTokenHash: r.stream_token_hash,
    operatorId: r.operator_id,
    workstationId: r.workstation_id,
    address: r.address,
    createdAt: r.created_at,
    lastSeenAt: r.last_seen_at,
    expiresAt: r.expires_at,
    revokedAt: r.revoked_at,
    revokedReason: r.revoked_reason,
  };
}

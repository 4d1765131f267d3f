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
   * Stores a new session and revokes every other live session of the same workstation (an
   * operator taking over a desk ends the previous operator's session there), in one transaction
   * with its audit entries. Returns the ids of the sessions it revoked.
   */
  createSession(session: SessionRow, audit: readonly AuditEntry[]): Promise<string[]>;
  byTokenHash(tokenHash: string): Promise<SessionRow | null>;
  byStreamTokenHash(streamTokenHash: string): Promise<SessionRow | null>;
  touch(id: string, lastSeenAt: string): Promise<void>;
  /** False when there was no live session with that id. */
  revoke(id: string, at: string, reason: string, audit: readonly AuditEntry[]): Promise<boolean>;
  /** Sessions neither revoked nor past their expiry, newest first. */
  live(now: string, limit: number): Promise<SessionRow[]>;
}

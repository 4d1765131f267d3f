import { OperatorSchema, type Operator } from "../../shared/domain/operator.js";
import { SESSION_IDLE_MS, SESSION_MAX_AGE_MS, type IssuedSession, type SessionInfo } from "../../shared/protocol/session.js";
import { err, ok, type Result } from "../../shared/result.js";
import type { AuditEntry, BackendStore } from "../store/backend-store.js";
import type { Credentials, SessionRow } from "../store/session-records.js";
import { hashPassword, verifyPassword } from "./password-hash.js";
import { SignInThrottle } from "./sign-in-throttle.js";
import { newSessionId, newToken, tokenHash } from "./tokens.js";

/** A request's verified session: the operator acting, always taken from here, never from a body. */
export interface AuthSession {
  id: string;
  operator: Operator;
  workstationId: string;
  mustChangePassword: boolean;
}

export interface SessionPolicy {
  maxAgeMs: number;
  idleMs: number;
}

const WRONG_CREDENTIALS = "Wrong operator ID or password.";
/** lastSeen is written to the store at most this often per session; the idle check uses memory. */
const TOUCH_EVERY_MS = 60_000;

function audit(at: Date, operatorId: string, action: string, targetId: string | null, outcome: AuditEntry["outcome"], detail: Record<string, unknown>): AuditEntry {
  return { at: at.toISOString(), operatorId, action, targetKind: null, targetId, outcome, detail };
}

function describeWait(ms: number): string {
  const seconds = Math.ceil(ms / 1000);
  return seconds < 120 ? `${seconds} s` : `${Math.ceil(seconds / 60)} min`;
}

/**
 * Signs operators in and out and answers "who is this?" for every request. Sessions live in the
 * store (hashes only); revocation and expiry take effect on the very next request.
 */
export class SessionAuthority {
  private readonly throttle = new SignInThrottle();
  private readonly lastSeen = new Map<string, { at: number; persisted: number }>();
  private readonly revokedListeners = new Set<(sessionIds: readonly string[]) => void>();

  constructor(
    private readonly store: BackendStore,
    private readonly policy: SessionPolicy = { maxAgeMs: SESSION_MAX_AGE_MS, idleMs: SESSION_IDLE_MS },
  ) {}

  /** A hash of a password nobody has, checked against for an unknown operator (made once, on first need). */
  private unknownHash: Promise<string> | null = null;

  private unknownOperatorHash(): Promise<string> {
    this.unknownHash ??= hashPassword(newToken());
    return this.unknownHash;
  }

  /** Called with the ids of sessions that just ended, so long-lived connections can be cut. */
  onRevoked(listener: (sessionIds: readonly string[]) => void): () => void {
    this.revokedListeners.add(listener);
    return () => this.revokedListeners.delete(listener);
  }

  async signIn(operatorId: string, password: string, workstationId: string, address: string, now: Date): Promise<Result<{ operator: Operator; session: IssuedSession }>> {
    const keys = [`id:${operatorId}`, `addr:${address}`];
    const wait = this.throttle.begin(keys, now.getTime());
    if (wait > 0) {
      await this.store.commit([], [audit(now, operatorId, "sign_in", null, "rejected", { workstationId, address, reason: "throttled" })]);
      return err("rate_limited", `Too many failed sign-ins for this operator or from this address: try again in ${describeWait(wait)}.`, { retryAfterMs: wait });
    }
    let credentials: Credentials | null;
    let operator: Operator | null;
    try {
      operator = await this.operatorOf(operatorId);
      credentials = await this.store.sessions.credentials(operatorId);
      // The same answer, after the same work, for an unknown operator and a wrong password: no probing for valid ids.
      const checked = await verifyPassword(password, credentials?.passwordHash ?? (await this.unknownOperatorHash()));
      if (!checked || operator === null || credentials === null) {
        this.throttle.failed(keys, now.getTime());
        await this.store.commit([], [audit(now, operatorId, "sign_in", null, "rejected", { workstationId, address })]);
        return err("unauthenticated", WRONG_CREDENTIALS);
      }
      this.throttle.succeeded(keys);
    } finally {
      this.throttle.end(keys);
    }
    const token = newToken();
    const streamToken = newToken();
    const row: SessionRow = {
      id: newSessionId(),
      tokenHash: tokenHash(token),
      streamTokenHash: tokenHash(streamToken),
      operatorId,
      workstationId,
      address,
      createdAt: now.toISOString(),
      lastSeenAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + this.policy.maxAgeMs).toISOString(),
      revokedAt: null,
      revokedReason: null,
    };
    const revoked = await this.store.sessions.createSession(row, [audit(now, operatorId, "sign_in", row.id, "applied", { workstationId, address })]);
    this.ended(revoked);
    return ok({
      operator,
      session: {
        token,
        streamToken,
        sessionId: row.id,
        expiresAt: row.expiresAt,
        idleTimeoutMs: this.policy.idleMs,
        mustChangePassword: credentials.mustChange,
      },
    });
  }

  authenticate(token: string, now: Date): Promise<Result<AuthSession>> {
    return this.check(this.store.sessions.byTokenHash(tokenHash(token)), now);
  }

  /** For camera streams: the stream token of a live session. */
  authenticateStream(streamToken: string, now: Date): Promise<Result<AuthSession>> {
    return this.check(this.store.sessions.byStreamTokenHash(tokenHash(streamToken)), now);
  }

  async signOut(session: AuthSession, now: Date): Promise<void> {
    await this.revokeRow(session.id, session.operator.id, "signed out", now);
  }

  /** A supervisor ends someone's session. */
  async revoke(by: AuthSession, sessionId: string, now: Date): Promise<Result<{ revoked: boolean }>> {
    if (by.operator.role !== "supervisor") return err("forbidden", "Only a supervisor can end another operator's session.");
    return ok({ revoked: await this.revokeRow(sessionId, by.operator.id, `revoked by ${by.operator.id}`, now) });
  }

  /** A shift handed over: the outgoing operator's sessions end, wherever they are. */
  async endSessionsOf(operatorId: string, byOperatorId: string, reason: string, now: Date): Promise<number> {
    const rows = await this.store.sessions.liveOf(operatorId, now.toISOString());
    for (const row of rows) await this.revokeRow(row.id, byOperatorId, reason, now);
    return rows.length;
  }

  async list(by: AuthSession, now: Date): Promise<Result<SessionInfo[]>> {
    if (by.operator.role !== "supervisor") return err("forbidden", "Only a supervisor can list sessions.");
    const rows = await this.store.sessions.live(now.toISOString(), 500);
    return ok(
      rows
        .filter((row) => !this.idle(row, now))
        .map((row) => ({
          id: row.id,
          operatorId: row.operatorId,
          workstationId: row.workstationId,
          createdAt: row.createdAt,
          lastSeenAt: new Date(this.lastSeen.get(row.id)?.at ?? Date.parse(row.lastSeenAt)).toISOString(),
          expiresAt: row.expiresAt,
          address: row.address,
        })),
    );
  }

  async changePassword(session: AuthSession, current: string, next: string, now: Date): Promise<Result<{ changed: true }>> {
    const credentials = await this.store.sessions.credentials(session.operator.id);
    if (credentials === null || !(await verifyPassword(current, credentials.passwordHash))) {
      await this.store.commit([], [audit(now, session.operator.id, "password.change", session.operator.id, "rejected", {})]);
      return err("forbidden", "The current password is wrong.");
    }
    if (current === next) return err("invalid_request", "The new password must differ from the current one.");
    const record = audit(now, session.operator.id, "password.change", session.operator.id, "applied", {});
    await this.store.sessions.setCredentials(session.operator.id, { passwordHash: await hashPassword(next), mustChange: false }, now.toISOString(), [record]);
    return ok({ changed: true });
  }

  private async check(lookup: Promise<SessionRow | null>, now: Date): Promise<Result<AuthSession>> {
    const row = await lookup;
    if (row === null) return err("unauthenticated", "No valid session: sign in.");
    if (row.revokedAt !== null) return err("unauthenticated", `The session has ended (${row.revokedReason ?? "revoked"}): sign in again.`);
    if (Date.parse(row.expiresAt) <= now.getTime()) return err("unauthenticated", "The session has expired at the end of its shift: sign in again.");
    if (this.idle(row, now)) return err("unauthenticated", "The session ended after a long time without use: sign in again.");
    const operator = await this.operatorOf(row.operatorId);
    if (operator === null) return err("unauthenticated", "The session's operator no longer exists.");
    const credentials = await this.store.sessions.credentials(row.operatorId);
    await this.seen(row, now);
    return ok({ id: row.id, operator, workstationId: row.workstationId, mustChangePassword: credentials?.mustChange ?? false });
  }

  private idle(row: SessionRow, now: Date): boolean {
    const seen = this.lastSeen.get(row.id)?.at ?? Date.parse(row.lastSeenAt);
    return now.getTime() - seen > this.policy.idleMs;
  }

  private async seen(row: SessionRow, now: Date): Promise<void> {
    const entry = this.lastSeen.get(row.id) ?? { at: Date.parse(row.lastSeenAt), persisted: Date.parse(row.lastSeenAt) };
    entry.at = Math.max(entry.at, now.getTime());
    this.lastSeen.set(row.id, entry);
    if (entry.at - entry.persisted >= TOUCH_EVERY_MS) {
      entry.persisted = entry.at;
      await this.store.sessions.touch(row.id, new Date(entry.at).toISOString());
    }
  }

  private async revokeRow(sessionId: string, byOperatorId: string, reason: string, now: Date): Promise<boolean> {
    const revoked = await this.store.sessions.revoke(sessionId, now.toISOString(), reason, [audit(now, byOperatorId, "session.revoke", sessionId, "applied", { reason })]);
    if (revoked) this.ended([sessionId]);
    return revoked;
  }

  private ended(sessionIds: readonly string[]): void {
    if (sessionIds.length === 0) return;
    for (const id of sessionIds) this.lastSeen.delete(id);
    for (const listener of this.revokedListeners) listener(sessionIds);
  }

  private async operatorOf(id: string): Promise<Operator | null> {
    const stored = await this.store.getEntity("operator", id);
    const parsed = OperatorSchema.safeParse(stored?.data);
    return parsed.success ? parsed.data : null;
  }
}

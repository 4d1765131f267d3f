import type { Confirmed } from "../../../shared/commands/command.js";
import type { Target } from "../../../shared/commands/target.js";
import { MAX_ACTION_BATCH } from "../../../shared/protocol/backend.js";
import type { AppError, Result } from "../../../shared/result.js";
import type { CacheStore } from "../cache/cache-store.js";
import type { BackendClient } from "./backend-client.js";
import { BACKEND_RECONNECT_BACKOFF, backoffDelayMs } from "../../../shared/backoff.js";

export interface OutboxEvents {
  /** The backend applied it (or had already: a replay gets the first answer). */
  onConfirmed(confirmed: Confirmed, idempotencyKey: string): void;
  /** The backend refused it for good; the local overlay is dropped. */
  onRefused(target: Target, error: AppError, idempotencyKey: string): void;
  onPendingChanged(count: number): void;
  /** Something unexpected broke a drain (it is retried at the next kick). */
  onFailure?(message: string): void;
}

/** After this many failed attempts with answers we cannot understand, an action is quarantined, not retried forever. */
const MAX_UNDERSTOOD_FAILURES = 20;

export type Settlement = Result<Confirmed>;

/**
 * Sends queued operator commands in order, one at a time, until the backend answers each.
 * Each action carries its idempotency key, so a resend after a crash or a lost answer is harmless.
 */
export class OutboxSender {
  private draining = false;
  /** Set once the cache is about to close: answers still in flight are left for the next start. */
  private stopped = false;
  private online = false;
  private retryTimer: NodeJS.Timeout | null = null;
  private failures = 0;
  private readonly waiters = new Map<string, (s: Settlement) => void>();

  constructor(
    private readonly store: CacheStore,
    private readonly client: BackendClient,
    private readonly events: OutboxEvents,
    /** Whose actions may be sent now (the signed-in operator); null: nobody's. */
    private readonly actingOperatorId: () => string | null,
    private readonly batchSize = MAX_ACTION_BATCH,
  ) {}

  setOnline(online: boolean): void {
    this.online = online;
    if (online) this.kick();
  }

  /** Resolves when the action with this key is settled by the backend, or with null after `timeoutMs`. */
  waitFor(idempotencyKey: string, timeoutMs: number): Promise<Settlement | null> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiters.delete(idempotencyKey);
        resolve(null);
      }, timeoutMs);
      this.waiters.set(idempotencyKey, (s) => {
        clearTimeout(timer);
        resolve(s);
      });
    });
  }

  kick(): void {
    if (!this.online || this.draining) return;
    if (this.retryTimer) {
      clearTimeout(this.retryTimer);
      this.retryTimer = null;
    }
    this.drain().catch((e: unknown) => {
      if (!this.stopped) this.events.onFailure?.(e instanceof Error ? e.message : String(e));
    });
  }

  stop(): void {
    this.stopped = true;
    this.online = false;
    if (this.retryTimer) clearTimeout(this.retryTimer);
  }

  private settle(key: string, s: Settlement): void {
    const waiter = this.waiters.get(key);
    this.waiters.delete(key);
    waiter?.(s);
  }

  private async drain(): Promise<void> {
    this.draining = true;
    try {
      while (this.online) {
        // After a failure, go one at a time: a batch the backend cannot read may hold one poison action.
        // Only the signed-in operator's own actions go, in their session; everyone else's wait for theirs.
        const operatorId = this.actingOperatorId();
        if (operatorId === null) break;
        const batch = this.store.nextPendingOf(operatorId, this.failures > 0 ? 1 : this.batchSize);
        if (batch.length === 0) break;
        const answer = await this.client.postActions(batch.map((entry) => entry.request));
        // Closed meanwhile: the actions stay queued and go again (idempotently) at the next start.
        if (this.stopped) return;
        // The session ended (expired, revoked): they stay queued until their operator signs in again.
        if (!answer.ok && answer.error.kind === "unauthenticated") break;
        // Sent faster than the backend takes from one session: the same batch goes again shortly.
        if (!answer.ok && answer.error.kind === "rate_limited") {
          this.scheduleRetry();
          return;
        }
        if (!answer.ok || answer.value.results.length !== batch.length) {
          // No usable answer (offline, timeout, garbage): keep them queued and try again later.
          const error = answer.ok ? { kind: "backend_error" as const, message: "The backend answered a different number of actions than it was sent." } : answer.error;
          const first = batch[0]!;
          this.store.db.transaction(() => {
            for (const entry of batch) this.store.recordAttempt(entry.idempotencyKey, error.message);
          })();
          if (error.kind === "backend_error" && batch.length === 1 && first.attempts + 1 >= MAX_UNDERSTOOD_FAILURES) {
            this.store.db.transaction(() => {
              this.store.removeAction(first.idempotencyKey);
              this.store.addProblem("outbox", `Gave up on an action after ${MAX_UNDERSTOOD_FAILURES} unreadable answers: ${error.message}`, JSON.stringify(first.request));
            })();
            this.finishRefused(first.request.command.target, first.idempotencyKey, error);
            continue;
          }
          this.failures++;
          this.scheduleRetry();
          return;
        }
        this.failures = 0;
        const results = answer.value.results;
        // Every answer of the batch is recorded in one transaction, then announced.
        this.store.db.transaction(() => {
          batch.forEach((entry, i) => {
            const response = results[i]!;
            this.store.removeAction(entry.idempotencyKey);
            if (!response.ok) return;
            const { kind, entity, seq } = response.value;
            this.store.putConfirmed(kind, entity.id, entity, seq);
          });
        })();
        batch.forEach((entry, i) => {
          const response = results[i]!;
          if (response.ok) {
            this.events.onConfirmed(response.value, entry.idempotencyKey);
            this.settle(entry.idempotencyKey, { ok: true, value: response.value });
          } else {
            this.events.onRefused(entry.request.command.target, response.error, entry.idempotencyKey);
            this.settle(entry.idempotencyKey, { ok: false, error: response.error });
          }
        });
        this.events.onPendingChanged(this.store.pendingCount());
      }
    } finally {
      this.draining = false;
    }
  }

  private finishRefused(target: Target, key: string, error: AppError): void {
    this.events.onRefused(target, error, key);
    this.events.onPendingChanged(this.store.pendingCount());
    this.settle(key, { ok: false, error });
  }

  private scheduleRetry(): void {
    if (this.retryTimer) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.kick();
    }, backoffDelayMs(this.failures, BACKEND_RECONNECT_BACKOFF));
  }
}

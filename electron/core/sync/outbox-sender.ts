import type { Alarm } from "../../../shared/domain/alarm.js";
import type { AppError, Result } from "../../../shared/result.js";
import type { CacheStore } from "../cache/cache-store.js";
import type { BackendClient } from "./backend-client.js";
import { backoffDelay } from "./backoff.js";

export interface OutboxEvents {
  /** The backend applied it (or had already: a replay gets the first answer). */
  onConfirmed(alarm: Alarm, idempotencyKey: string): void;
  /** The backend refused it for good; the local overlay is dropped. */
  onRefused(alarmId: string, error: AppError, idempotencyKey: string): void;
  onPendingChanged(count: number): void;
}

/** After this many failed attempts with answers we cannot understand, an action is quarantined, not retried forever. */
const MAX_UNDERSTOOD_FAILURES = 20;

export type Settlement = Result<Alarm>;

/**
 * Sends queued operator actions in order, one at a time, until the backend answers each.
 * Each action carries its idempotency key, so a resend after a crash or a lost answer is harmless.
 */
export class OutboxSender {
  private draining = false;
  private online = false;
  private retryTimer: NodeJS.Timeout | null = null;
  private failures = 0;
  private readonly waiters = new Map<string, (s: Settlement) => void>();

  constructor(
    private readonly store: CacheStore,
    private readonly client: BackendClient,
    private readonly events: OutboxEvents,
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
    void this.drain();
  }

  stop(): void {
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
        const next = this.store.pendingActions()[0];
        if (next === undefined) break;
        const answer = await this.client.postAction(next.request);
        if (!answer.ok) {
          // No usable answer (offline, timeout, garbage): keep it queued and try again later.
          this.store.recordAttempt(next.idempotencyKey, answer.error.message);
          if (answer.error.kind === "backend_error" && next.attempts + 1 >= MAX_UNDERSTOOD_FAILURES) {
            this.store.db.transaction(() => {
              this.store.removeAction(next.idempotencyKey);
              this.store.addProblem("outbox", `Gave up on an action after ${MAX_UNDERSTOOD_FAILURES} unreadable answers: ${answer.error.message}`, JSON.stringify(next.request));
            })();
            this.finishRefused(next.alarmId, next.idempotencyKey, answer.error);
            continue;
          }
          this.scheduleRetry();
          return;
        }
        this.failures = 0;
        const response = answer.value;
        if (response.ok) {
          const { alarm, seq } = response.value;
          this.store.db.transaction(() => {
            this.store.removeAction(next.idempotencyKey);
            this.store.putConfirmed("alarm", alarm.id, alarm, seq);
          })();
          this.events.onConfirmed(alarm, next.idempotencyKey);
          this.events.onPendingChanged(this.store.pendingCount());
          this.settle(next.idempotencyKey, { ok: true, value: alarm });
        } else {
          this.store.removeAction(next.idempotencyKey);
          this.finishRefused(next.alarmId, next.idempotencyKey, response.error);
        }
      }
    } finally {
      this.draining = false;
    }
  }

  private finishRefused(alarmId: string, key: string, error: AppError): void {
    this.events.onRefused(alarmId, error, key);
    this.events.onPendingChanged(this.store.pendingCount());
    this.settle(key, { ok: false, error });
  }

  private scheduleRetry(): void {
    if (this.retryTimer) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.kick();
    }, backoffDelay(this.failures++));
  }
}

/**
 * Back-off for failed sign-ins, per operator id and per network address: a few mistakes cost
 * nothing, then each further failure doubles the wait (up to a quarter of an hour), so guessing
 * a password online takes years. Pure state with an injected clock; bounded in memory.
 */
export interface ThrottleOptions {
  freeFailures: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** Most keys remembered; the oldest are forgotten first. */
  maxKeys: number;
}

export const SIGN_IN_THROTTLE: ThrottleOptions = { freeFailures: 5, baseDelayMs: 1_000, maxDelayMs: 15 * 60_000, maxKeys: 10_000 };

interface Entry {
  failures: number;
  blockedUntil: number;
}

export class SignInThrottle {
  private readonly entries = new Map<string, Entry>();
  /** Attempts whose password is being checked right now (a check takes tens of milliseconds). */
  private readonly underWay = new Map<string, number>();

  constructor(private readonly options: ThrottleOptions = SIGN_IN_THROTTLE) {}

  /** Milliseconds until any of these keys may try again; 0 when all may now. */
  waitMs(keys: readonly string[], now: number): number {
    let wait = 0;
    for (const key of keys) wait = Math.max(wait, (this.entries.get(key)?.blockedUntil ?? 0) - now);
    return Math.max(0, wait);
  }

  /**
   * Starts an attempt, or says how long to wait first. Attempts under way count as failures to
   * be: without that, guesses sent all at once would each pass the check before any had failed.
   * Once the free failures are spent, one attempt at a time.
   */
  begin(keys: readonly string[], now: number): number {
    const wait = this.waitMs(keys, now);
    if (wait > 0) return wait;
    const crowded = keys.some((key) => {
      const underWay = this.underWay.get(key) ?? 0;
      return underWay > 0 && (this.entries.get(key)?.failures ?? 0) + underWay >= this.options.freeFailures;
    });
    if (crowded) return this.options.baseDelayMs;
    for (const key of keys) this.underWay.set(key, (this.underWay.get(key) ?? 0) + 1);
    return 0;
  }

  /** Ends an attempt `begin` started (after `failed` or `succeeded`). */
  end(keys: readonly string[]): void {
    for (const key of keys) {
      const left = (this.underWay.get(key) ?? 0) - 1;
      if (left > 0) this.underWay.set(key, left);
      else this.underWay.delete(key);
    }
  }

  failed(keys: readonly string[], now: number): void {
    for (const key of keys) {
      const entry = this.entries.get(key) ?? { failures: 0, blockedUntil: 0 };
      entry.failures += 1;
      const over = entry.failures - this.options.freeFailures;
      if (over > 0) entry.blockedUntil = now + Math.min(this.options.maxDelayMs, this.options.baseDelayMs * 2 ** Math.min(over - 1, 30));
      // Re-inserted so the map's order is the order of last use.
      this.entries.delete(key);
      this.entries.set(key, entry);
    }
    while (this.entries.size > this.options.maxKeys) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }

  succeeded(keys: readonly string[]): void {
    for (const key of keys) this.entries.delete(key);
  }
}

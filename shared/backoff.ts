export interface BackoffOptions {
  baseMs: number;
  maxMs: number;
  /** Fraction of the delay randomised either way, so many consoles do not reconnect in lockstep. */
  jitter: number;
}

/**
 * One back-off for every retry in the product (the console's link to the backend, a page's link
 * to the core, a camera stream, a dead encoder): exponential from `baseMs`, capped at `maxMs`.
 */

/** A page reconnecting to its console core. */
export const RECONNECT_BACKOFF: BackoffOptions = { baseMs: 500, maxMs: 15_000, jitter: 0.25 };
/** A console reconnecting to the central backend: wide jitter, so consoles coming back after an outage do not hit it in step. */
export const BACKEND_RECONNECT_BACKOFF: BackoffOptions = { baseMs: 500, maxMs: 15_000, jitter: 0.5 };

/** Exponential delay before retry number `attempt` (0-based); `random` is in [0, 1). */
export function backoffDelayMs(attempt: number, options: BackoffOptions, random: number = Math.random()): number {
  const exponent = Math.min(Math.max(attempt, 0), 20);
  const raw = Math.min(options.maxMs, options.baseMs * 2 ** exponent);
  const spread = raw * options.jitter * (random * 2 - 1);
  return Math.max(0, Math.round(Math.min(options.maxMs, raw + spread)));
}
/**
 * A city backend retrying its link to the province: capped low, so escalations queued through an
 * outage leave within a couple of seconds of the link coming back (one small request per retry).
 */
export const UPLINK_BACKOFF: BackoffOptions = { baseMs: 250, maxMs: 2_000, jitter: 0.25 };

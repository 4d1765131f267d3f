import { BLOCKING_RELOAD_TARGET_DURATIONS, MAX_BLOCKING_MSN_AHEAD } from "../../shared/protocol/hls-directives.js";

/**
 * What to do with a live playlist request that asks for media sequence number `requested`
 * (LL-HLS blocking reload) when the newest listed segment is `last`: answer now, hold the request
 * until that segment is complete, or refuse a number too far ahead. A player holding a request
 * learns of each segment the moment it exists instead of at its next poll: up to a target
 * duration less latency, and tiles no longer drift with their poll phase.
 */
export type BlockingVerdict = { kind: "now" } | { kind: "wait" } | { kind: "too_far" };

export function blockingVerdict(requested: number | undefined, last: number | null): BlockingVerdict {
  if (requested === undefined || last === null || requested <= last) return { kind: "now" };
  return requested - last > MAX_BLOCKING_MSN_AHEAD ? { kind: "too_far" } : { kind: "wait" };
}

/** How long a held request may wait before it is answered with whatever the playlist then is. */
export function blockingTimeoutMs(targetDurationS: number): number {
  return BLOCKING_RELOAD_TARGET_DURATIONS * targetDurationS * 1000;
}

export const sleepMs = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

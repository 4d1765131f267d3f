/**
 * hls.js moves a tile's target latency back after each stall and never forward again: a wall
 * that was overloaded for a minute (a 5x5 layout on a busy PC) stayed seconds behind live for the
 * rest of the shift. After this long without a stall the target returns to the configured one, and
 * the tile catches up by playing slightly faster.
 */
export const FORGIVE_STALLS_AFTER_MS = 20_000;

/** The target latency to set now, or null to leave it as it is. Pure. */
export function forgivenTargetLatency(input: { nowMs: number; lastStallAtMs: number; currentTarget: number | null; configured: number }): number | null {
  if (input.currentTarget === null) return null;
  if (input.nowMs - input.lastStallAtMs < FORGIVE_STALLS_AFTER_MS) return null;
  return input.currentTarget > input.configured + 0.01 ? input.configured : null;
}

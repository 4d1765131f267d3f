/**
 * Counts the hls.js players alive on this page, so an end-to-end test or a benchmark can prove
 * that players die with their tiles (no leaked players, MediaSources or timers).
 */
interface WallDebug {
  livePlayers: number;
  created: number;
}

const debug: WallDebug = { livePlayers: 0, created: 0 };
if (__IOC_TEST_HOOKS__) (globalThis as { __iocWall?: WallDebug }).__iocWall = debug;

export function playerCreated(): void {
  debug.livePlayers += 1;
  debug.created += 1;
}

export function playerDestroyed(): void {
  debug.livePlayers -= 1;
}

/** One reading of a process's memory: when (ms since the run started) and how much (MB). */
export interface MemorySample {
  atMs: number;
  mb: number;
}

/**
 * Pure: the least-squares growth of `samples` in MB per hour, ignoring those before `fromMs`
 * (start-up fills caches and pools once; what matters over a shift is what keeps growing).
 * NaN with fewer than three samples to fit.
 */
export function slopeMbPerHour(samples: readonly MemorySample[], fromMs: number): number {
  const kept = samples.filter((s) => s.atMs >= fromMs);
  if (kept.length < 3) return Number.NaN;
  const n = kept.length;
  const meanX = kept.reduce((sum, s) => sum + s.atMs, 0) / n;
  const meanY = kept.reduce((sum, s) => sum + s.mb, 0) / n;
  let num = 0;
  let den = 0;
  for (const s of kept) {
    num += (s.atMs - meanX) * (s.mb - meanY);
    den += (s.atMs - meanX) ** 2;
  }
  return den === 0 ? 0 : (num / den) * 3_600_000;
}
